package dev.baton.engine.deploy;

import dev.baton.bpmn.read.BpmnReadException;
import dev.baton.engine.EngineException;
import dev.baton.engine.store.Database;
import dev.baton.engine.store.jooq.tables.records.DefinitionsRecord;
import dev.baton.model.Definitions;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.baton.engine.store.jooq.Tables.DEFINITIONS;

/** Deployed processes ready to run, read from their stored XML once per engine. */
public final class DefinitionCache {
    private final Database db;
    private final ProcessReader reader;
    private final Map<String, ProcessModel> models = new ConcurrentHashMap<>();

    public DefinitionCache(Database db, ProcessReader reader) {
        this.db = db;
        this.reader = reader;
    }

    public ProcessModel get(String definitionId) {
        return models.computeIfAbsent(definitionId, this::load);
    }

    private ProcessModel load(String definitionId) {
        DefinitionsRecord r = db.dsl().selectFrom(DEFINITIONS).where(DEFINITIONS.ID.eq(definitionId)).fetchOne();
        if (r == null) throw new EngineException.NotFound("No process definition " + definitionId + " is deployed");
        try {
            Definitions d = reader.read(r.getXml().getBytes(StandardCharsets.UTF_8), r.getSourceName()).definitions();
            return new ProcessModel(definitionId, d, d.process(r.getProcessId()).orElseThrow());
        } catch (BpmnReadException e) {
            throw new IllegalStateException("stored definition " + definitionId + " cannot be read again: " + e.getMessage(), e);
        }
    }
}
