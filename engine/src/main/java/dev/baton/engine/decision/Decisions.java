package dev.baton.engine.decision;

import dev.baton.bpmn.xml.SecureXml;
import dev.baton.engine.expr.Expressions;
import dev.baton.engine.store.Database;
import dev.baton.engine.store.jooq.tables.records.DecisionsRecord;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.hitpolicy.HitPolicyEntry;
import org.camunda.bpm.engine.variable.Variables;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static dev.baton.engine.store.jooq.Tables.DECISIONS;
import static dev.baton.engine.store.jooq.Tables.DEFINITIONS;

/**
 * DMN decisions deployed with the processes: parsed and evaluated by the Camunda DMN engine, with Baton's FEEL engine
 * plugged in. Business rule tasks find a decision by key and binding, then map its result as Camunda 7 or 8 does.
 */
public final class Decisions {
    /** How a business rule task's decision result becomes a variable value (camunda:mapDecisionResult, or Camunda 8's rule). */
    public enum ResultMapping { SINGLE_ENTRY, SINGLE_RESULT, COLLECT_ENTRIES, RESULT_LIST, CAMUNDA8 }

    /** A deployed decision: its id (key:version) and key. */
    public record Deployed(String id, String key, int version) {}

    /** The result of an evaluation: the mapped value, or why it failed. */
    public sealed interface Outcome {}
    public record Value(Object value) implements Outcome {}
    public record Failure(String message) implements Outcome {}

    private final Database db;
    private final DmnEngine dmn;
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    public Decisions(Database db) {
        this.db = db;
        DefaultDmnEngineConfiguration config = (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        config.setFeelEngineFactory(new FeelAdapter());
        this.dmn = config.buildEngine();
    }

    /** A DMN file that cannot be deployed: what is wrong, and the line when the parser knows it. */
    public static final class BadFile extends IllegalArgumentException {
        private final Integer line;

        BadFile(String message, Integer line, Throwable cause) {
            super(message, cause);
            this.line = line;
        }

        public Integer line() { return line; }
    }

    private static final java.util.regex.Pattern PARSER_LINE = java.util.regex.Pattern.compile("Line=(\\d+)");

    /** Every decision in a DMN file, or {@link BadFile}. */
    public List<DmnDecision> parse(byte[] content) {
        // the hardened parser refuses DOCTYPEs (billion laughs, XXE) before the DMN engine's parser sees the bytes
        if (content.length > SecureXml.MAX_DOCUMENT_BYTES) {
            throw new BadFile("the file is larger than " + SecureXml.MAX_DOCUMENT_BYTES / (1024 * 1024) + " MB", null, null);
        }
        try {
            SecureXml.documentBuilder().parse(new ByteArrayInputStream(content));
        } catch (SAXParseException e) {
            throw new BadFile(e.getMessage(), e.getLineNumber() > 0 ? e.getLineNumber() : null, e);
        } catch (SAXException | java.io.IOException e) {
            throw new BadFile(messages(e), null, e);
        }
        List<DmnDecision> all;
        try {
            all = dmn.parseDecisions(new ByteArrayInputStream(content));
        } catch (RuntimeException e) {
            String message = messages(e);
            java.util.regex.Matcher line = PARSER_LINE.matcher(message);
            throw new BadFile(message, line.find() ? Integer.valueOf(line.group(1)) : null, e);
        }
        if (all.isEmpty()) throw new BadFile("the file has no decision", null, null);
        return all;
    }

    /** Whether a file is DMN rather than BPMN: by its name, else by the namespace it declares. */
    public static boolean isDmn(String name, byte[] content) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".dmn") || n.endsWith(".dmn11.xml")) return true;
        if (n.endsWith(".bpmn") || n.endsWith(".bpmn20.xml")) return false;
        String head = new String(content, 0, Math.min(content.length, 4000), StandardCharsets.UTF_8);
        return head.contains("omg.org/spec/DMN/") && !head.contains("omg.org/spec/BPMN/");
    }

    /** The decision a business rule task calls: the latest version, a fixed version, or the one deployed with its process. */
    public Optional<Deployed> find(String key, String binding, Integer version, String definitionId) {
        var query = db.dsl().selectFrom(DECISIONS).where(DECISIONS.DECISION_KEY.eq(key));
        DecisionsRecord r = switch (binding) {
            case "version" -> query.and(DECISIONS.VERSION.eq(version)).fetchOne();
            case "deployment" -> query.and(DECISIONS.DEPLOYMENT_ID.eq(db.dsl().select(DEFINITIONS.DEPLOYMENT_ID).from(DEFINITIONS)
                    .where(DEFINITIONS.ID.eq(definitionId)))).orderBy(DECISIONS.VERSION.desc()).limit(1).fetchOne();
            default -> query.orderBy(DECISIONS.VERSION.desc()).limit(1).fetchOne();
        };
        return Optional.ofNullable(r).map(x -> new Deployed(x.getId(), x.getDecisionKey(), x.getVersion()));
    }

    /** Evaluates a deployed decision with the given variables and maps its result. */
    public Outcome evaluate(Deployed decision, Map<String, Object> variables, ResultMapping mapping) {
        try {
            DmnDecision d = parsed.computeIfAbsent(decision.id(), this::load);
            DmnDecisionResult result = dmn.evaluateDecision(d, Variables.fromMap(new LinkedHashMap<>(variables)));
            return new Value(Expressions.normalize(map(d, result, mapping)));
        } catch (RuntimeException e) {
            return new Failure(messages(e));
        }
    }

    private DmnDecision load(String id) {
        DecisionsRecord r = db.dsl().selectFrom(DECISIONS).where(DECISIONS.ID.eq(id)).fetchOne();
        if (r == null) throw new IllegalStateException("decision " + id + " is no longer stored");
        return dmn.parseDecision(r.getDecisionKey(), new ByteArrayInputStream(r.getXml().getBytes(StandardCharsets.UTF_8)));
    }

    private static Object map(DmnDecision d, DmnDecisionResult result, ResultMapping mapping) {
        return switch (mapping) {
            case SINGLE_ENTRY -> result.getSingleEntry();
            case SINGLE_RESULT -> {
                DmnDecisionResultEntries single = result.getSingleResult();
                yield single == null ? null : new LinkedHashMap<>(single.getEntryMap());
            }
            case COLLECT_ENTRIES -> {
                List<Object> values = new ArrayList<>();
                for (DmnDecisionResultEntries r : result) {
                    if (r.size() > 1) {
                        throw new IllegalArgumentException("collectEntries needs one output per matched rule, but a rule gave "
                                + r.keySet());
                    }
                    if (!r.isEmpty()) values.add(r.getSingleEntry());
                }
                yield values;
            }
            case RESULT_LIST -> result.getResultList().stream().map(LinkedHashMap::new).toList();
            case CAMUNDA8 -> camunda8(d, result);
        };
    }

    /** Camunda 8: one value or context for a single-result hit policy (null when no rule matched), else a list of them. */
    private static Object camunda8(DmnDecision d, DmnDecisionResult result) {
        boolean single = true;
        if (d.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
            HitPolicyEntry entry = table.getHitPolicyHandler().getHitPolicyEntry();
            single = entry.getAggregator() != null || switch (entry.getHitPolicy()) {
                case COLLECT, RULE_ORDER, OUTPUT_ORDER -> false;
                default -> true;
            };
        }
        List<Object> values = new ArrayList<>();
        for (DmnDecisionResultEntries r : result) values.add(r.size() == 1 ? r.getSingleEntry() : new LinkedHashMap<>(r.getEntryMap()));
        if (!single) return values;
        if (values.size() > 1) throw new IllegalArgumentException("the decision gave " + values.size() + " results where one was expected");
        return values.isEmpty() ? null : values.get(0);
    }

    /** The distinct messages of an exception and its causes, outermost first. */
    static String messages(Throwable e) {
        List<String> out = new ArrayList<>();
        for (Throwable t = e; t != null && out.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (out.stream().noneMatch(o -> o.contains(m))) out.add(m);
        }
        return String.join(": ", out);
    }

}
