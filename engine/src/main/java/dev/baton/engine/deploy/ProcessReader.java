package dev.baton.engine.deploy;

import dev.baton.bpmn.read.BpmnReadException;
import dev.baton.bpmn.read.BpmnReader;
import dev.baton.bpmn.read.ImportResult;
import dev.baton.bpmn.dialect.DialectMapping;
import dev.baton.model.Definitions;

/** Reads a BPMN file into the model with the settings of its dialect (Camunda 7/8, Flowable, Baton) filled in. */
public final class ProcessReader {
    private final BpmnReader reader = new BpmnReader();

    public ImportResult read(byte[] content, String sourceName) throws BpmnReadException {
        ImportResult r = reader.read(content, sourceName);
        return new ImportResult(r.source(), lift(r.definitions()), r.messages(), r.elementLines());
    }

    static Definitions lift(Definitions d) {
        return DialectMapping.lift(d).definitions();
    }
}
