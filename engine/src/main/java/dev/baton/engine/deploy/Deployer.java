package dev.baton.engine.deploy;

import dev.baton.bpmn.read.BpmnReadException;
import dev.baton.bpmn.read.ImportMessage;
import dev.baton.bpmn.read.ImportResult;
import dev.baton.engine.BpmnFile;
import dev.baton.engine.EngineException;
import dev.baton.engine.behavior.BehaviorRegistry;
import dev.baton.engine.behavior.ElementBehavior;
import dev.baton.engine.runtime.Rows;
import dev.baton.engine.runtime.TimerSchedule;
import dev.baton.engine.store.Database;
import dev.baton.engine.store.StepWriter;
import dev.baton.engine.decision.Decisions;
import dev.baton.engine.store.jooq.tables.records.DecisionsRecord;
import dev.baton.engine.store.jooq.tables.records.DefinitionsRecord;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.Expression;
import dev.baton.model.FlowNode;
import dev.baton.model.Process;
import dev.baton.model.Activity;
import dev.baton.model.api.DecisionSummary;
import dev.baton.model.api.DefinitionSummary;
import dev.baton.model.api.DeploymentProblem;
import dev.baton.model.api.DeploymentResult;
import dev.baton.model.validation.Problem;
import dev.baton.model.validation.Severity;
import dev.baton.model.validation.Validator;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.jooq.DSLContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static dev.baton.engine.store.jooq.Tables.DECISIONS;
import static dev.baton.engine.store.jooq.Tables.DEFINITIONS;
import static dev.baton.engine.store.jooq.Tables.DEPLOYMENTS;
import static dev.baton.engine.store.jooq.Tables.JOBS;
import static dev.baton.engine.store.jooq.Tables.MESSAGE_SUBSCRIPTIONS;

/**
 * Deploys BPMN and DMN files: reads them, checks that the engine can run every element and every decision parses, and
 * stores a new version of each process and decision whose file changed. Any error in any file and nothing is deployed.
 */
public final class Deployer {
    private final Database db;
    private final ProcessReader reader;
    private final BehaviorRegistry behaviors;
    private final Decisions decisions;
    private final Validator validator = new Validator();

    public Deployer(Database db, ProcessReader reader, BehaviorRegistry behaviors, Decisions decisions) {
        this.db = db;
        this.reader = reader;
        this.behaviors = behaviors;
        this.decisions = decisions;
    }

    private record Candidate(BpmnFile file, ImportResult result, List<Process> processes) {}

    private record DecisionCandidate(BpmnFile file, List<DmnDecision> decisions) {}

    public DeploymentResult deploy(List<BpmnFile> files) {
        if (files.isEmpty()) throw new EngineException.BadRequest("No BPMN or DMN file was sent: send the XML as the body or as multipart parts named 'file'");
        List<DeploymentProblem> problems = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        List<DecisionCandidate> decisionFiles = new ArrayList<>();
        Map<String, String> decisionFileByKey = new HashMap<>();
        for (BpmnFile f : files) {
            if (Decisions.isDmn(f.name(), f.content())) {
                try {
                    List<DmnDecision> parsed = decisions.parse(f.content());
                    for (DmnDecision d : parsed) {
                        String other = decisionFileByKey.putIfAbsent(d.getKey(), f.name());
                        if (other != null) {
                            problems.add(new DeploymentProblem(f.name(), d.getKey(), "ERROR", "decision " + d.getKey()
                                    + " is also in " + (other.equals(f.name()) ? "this file" : other) + "; a deployment holds each decision once", null));
                        }
                    }
                    decisionFiles.add(new DecisionCandidate(f, parsed));
                } catch (Decisions.BadFile e) {
                    problems.add(new DeploymentProblem(f.name(), null, "ERROR", "the DMN file cannot be read: " + e.getMessage(), e.line()));
                }
                continue;
            }
            ImportResult r;
            try {
                r = reader.read(f.content(), f.name());
            } catch (BpmnReadException e) {
                problems.add(new DeploymentProblem(f.name(), null, "ERROR", e.getMessage(), e.line() > 0 ? e.line() : null));
                continue;
            }
            for (ImportMessage m : r.messages()) {
                if (m.severity() == Severity.ERROR) {
                    problems.add(new DeploymentProblem(f.name(), m.elementId(), "ERROR", m.message(), m.line() > 0 ? m.line() : null));
                }
            }
            for (Problem p : validator.validateExecutability(r.definitions())) {
                if (p.severity() == Severity.ERROR && !sendsAMessage(r.definitions(), p)) {
                    int line = p.line() > 0 ? p.line() : r.lineOf(p.elementId());
                    problems.add(new DeploymentProblem(f.name(), p.elementId(), "ERROR", p.message(), line > 0 ? line : null));
                }
            }
            List<Process> executable = r.definitions().processes().stream().filter(Process::executable).toList();
            if (executable.isEmpty()) {
                problems.add(new DeploymentProblem(f.name(), null, "ERROR",
                        "the file has no executable process: mark the process isExecutable=\"true\"", null));
            }
            for (Process p : executable) {
                ProcessModel model = new ProcessModel("check", r.definitions(), p);
                for (String message : check(model)) {
                    String elementId = message.substring(0, message.indexOf('\u0000'));
                    int line = r.lineOf(elementId);
                    problems.add(new DeploymentProblem(f.name(), elementId, "ERROR", message.substring(message.indexOf('\u0000') + 1),
                            line > 0 ? line : null));
                }
            }
            candidates.add(new Candidate(f, r, executable));
        }
        if (!problems.isEmpty()) throw new EngineException.DeploymentRejected(dedupe(problems));
        return db.inTransaction(dsl -> store(dsl, candidates, decisionFiles));
    }

    /** The engine delivers a send task's message to the instance waiting for it, so it needs no implementation. */
    private static boolean sendsAMessage(dev.baton.model.Definitions d, Problem p) {
        return "exec-service-implementation".equals(p.rule()) && p.elementId() != null
                && d.flowElement(p.elementId()).filter(e -> e instanceof dev.baton.model.Task t
                && t.kind() == dev.baton.model.ElementKind.SEND_TASK && t.messageRef() != null).isPresent();
    }

    private static List<DeploymentProblem> dedupe(List<DeploymentProblem> problems) {
        return problems.stream().distinct().toList();
    }

    /** Problems as "elementId NUL message". */
    private List<String> check(ProcessModel model) {
        List<String> out = new ArrayList<>();
        for (FlowNode n : model.nodes()) {
            if (!behaviors.supports(n.kind())) {
                out.add(n.id() + "\u0000" + n.kind().xmlName() + " " + model.describe(n.id())
                        + (n.kind() == dev.baton.model.ElementKind.EVENT_SUB_PROCESS ? " (event subprocess)" : "")
                        + " is not run by the engine yet");
                continue;
            }
            // mappings the importer kept as XML (lists, maps, scripts) run from that XML; what cannot run must not be skipped
            for (dev.baton.model.XmlFragment x : n.extensions().elements()) {
                if (x.localName().equals("ioMapping")) {
                    out.add(n.id() + "\u0000" + model.describe(n.id()) + " has a zeebe:ioMapping the engine cannot read");
                } else if (x.localName().equals("inputOutput")) {
                    try {
                        dev.baton.engine.runtime.CamundaParameters.parse(x);
                    } catch (IllegalArgumentException e) {
                        out.add(n.id() + "\u0000" + model.describe(n.id()) + " has input/output parameters the engine does not run: " + e.getMessage());
                    }
                }
            }
            ElementBehavior b = behaviors.of(n.kind());
            for (String m : b.check(n, model)) out.add(n.id() + "\u0000" + m);
        }
        try {
            ProcessModel.versionTag(model.process());
        } catch (IllegalArgumentException e) {
            out.add(model.processId() + "\u0000process " + model.processId() + ": " + e.getMessage());
        }
        if (model.noneStart(null).isEmpty() && model.startEvents(EventDefinition.Message.class).isEmpty()
                && model.startEvents(EventDefinition.Timer.class).isEmpty() && model.startEvents(EventDefinition.Signal.class).isEmpty()
                && model.startEvents(EventDefinition.Conditional.class).isEmpty()) {
            out.add(model.processId() + "\u0000process " + model.processId() + " has no start event the engine can start it at");
        }
        return out;
    }

    private DeploymentResult store(DSLContext dsl, List<Candidate> candidates, List<DecisionCandidate> decisionFiles) {
        String deploymentId = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        dsl.insertInto(DEPLOYMENTS).set(DEPLOYMENTS.ID, deploymentId).set(DEPLOYMENTS.CREATED_AT, now).execute();
        List<DefinitionSummary> out = new ArrayList<>();
        for (Candidate c : candidates) {
            String checksum = sha256(c.file().content());
            String xml = new String(c.file().content(), StandardCharsets.UTF_8);
            for (Process p : c.processes()) {
                DefinitionsRecord latest = dsl.selectFrom(DEFINITIONS).where(DEFINITIONS.PROCESS_ID.eq(p.id()))
                        .orderBy(DEFINITIONS.VERSION.desc()).limit(1).fetchOne();
                String versionTag = ProcessModel.versionTag(p);
                if (latest != null && latest.getChecksum().equals(checksum)) {
                    if (versionTag != null && latest.getVersionTag() == null) {
                        // deployed before versions kept their tag: the same file tells it now
                        latest.setVersionTag(versionTag);
                        latest.store();
                    }
                    out.add(summary(latest));
                    continue;
                }
                int version = latest == null ? 1 : latest.getVersion() + 1;
                String id = p.id() + ":" + version;
                DefinitionsRecord rec = dsl.newRecord(DEFINITIONS);
                rec.setId(id);
                rec.setDeploymentId(deploymentId);
                rec.setProcessId(p.id());
                rec.setVersion(version);
                rec.setName(p.name());
                rec.setSourceName(c.file().name());
                rec.setChecksum(checksum);
                rec.setXml(xml);
                rec.setCreatedAt(now);
                rec.setVersionTag(versionTag);
                rec.store();
                replaceStartTriggers(dsl, new ProcessModel(id, c.result().definitions(), p), now);
                out.add(summary(rec));
            }
        }
        return new DeploymentResult(deploymentId, out, storeDecisions(dsl, deploymentId, now, decisionFiles));
    }

    /** A new version of each decision whose file changed since its latest version; an unchanged one keeps its version. */
    private static List<DecisionSummary> storeDecisions(DSLContext dsl, String deploymentId, long now, List<DecisionCandidate> files) {
        List<DecisionSummary> out = new ArrayList<>();
        for (DecisionCandidate c : files) {
            String checksum = sha256(c.file().content());
            String xml = new String(c.file().content(), StandardCharsets.UTF_8);
            for (DmnDecision d : c.decisions()) {
                DecisionsRecord latest = dsl.selectFrom(DECISIONS).where(DECISIONS.DECISION_KEY.eq(d.getKey()))
                        .orderBy(DECISIONS.VERSION.desc()).limit(1).fetchOne();
                if (latest != null && latest.getChecksum().equals(checksum)) {
                    out.add(summary(latest));
                    continue;
                }
                int version = latest == null ? 1 : latest.getVersion() + 1;
                DecisionsRecord rec = dsl.newRecord(DECISIONS);
                rec.setId(d.getKey() + ":" + version);
                rec.setDeploymentId(deploymentId);
                rec.setDecisionKey(d.getKey());
                rec.setVersion(version);
                rec.setName(d.getName());
                rec.setSourceName(c.file().name());
                rec.setChecksum(checksum);
                rec.setXml(xml);
                rec.setCreatedAt(now);
                rec.store();
                out.add(summary(rec));
            }
        }
        return out;
    }

    public static DecisionSummary summary(DecisionsRecord r) {
        return new DecisionSummary(r.getId(), r.getDecisionKey(), r.getVersion(), r.getName(), r.getDeploymentId(),
                r.getSourceName(), Instant.ofEpochMilli(r.getCreatedAt()));
    }

    /** The newest version of a process owns its timer and message start events; older versions stop listening. */
    private void replaceStartTriggers(DSLContext dsl, ProcessModel model, long now) {
        List<String> older = dsl.select(DEFINITIONS.ID).from(DEFINITIONS).where(DEFINITIONS.PROCESS_ID.eq(model.processId()))
                .and(DEFINITIONS.ID.ne(model.definitionId())).fetch(DEFINITIONS.ID);
        if (!older.isEmpty()) {
            dsl.deleteFrom(JOBS).where(JOBS.DEFINITION_ID.in(older)).and(JOBS.INSTANCE_ID.isNull()).execute();
            dsl.deleteFrom(MESSAGE_SUBSCRIPTIONS).where(MESSAGE_SUBSCRIPTIONS.DEFINITION_ID.in(older))
                    .and(MESSAGE_SUBSCRIPTIONS.INSTANCE_ID.isNull()).execute();
        }
        List<Rows.Job> jobs = new ArrayList<>();
        for (Event e : model.startEvents(EventDefinition.Timer.class)) {
            EventDefinition.Timer t = (EventDefinition.Timer) e.definition();
            if (t.value() != null && t.value().language() != Expression.Language.LITERAL) {
                throw new EngineException.DeploymentRejected(List.of(new DeploymentProblem(model.processId(), e.id(), "ERROR",
                        "a timer start event needs a fixed ISO 8601 value, not the expression " + t.value().text(), null)));
            }
            TimerSchedule s;
            try {
                s = TimerSchedule.parse(t.kind(), t.value() == null ? null : t.value().text(), now);
            } catch (IllegalArgumentException ex) {
                throw new EngineException.DeploymentRejected(List.of(new DeploymentProblem(model.processId(), e.id(), "ERROR",
                        "timer start event " + model.describe(e.id()) + ": " + ex.getMessage(), null)));
            }
            jobs.add(new Rows.Job(UUID.randomUUID().toString(), Rows.JobKind.TIMER_START, null, model.definitionId(), e.id(),
                    null, s.dueAt(), 1, model.definitionId() + ":" + e.id() + ":" + s.dueAt(), TimerPayload.of(s)));
        }
        StepWriter.insertJobs(dsl, jobs, false);
        for (Event e : model.startEvents(EventDefinition.Message.class)) {
            String name = model.messageName(((EventDefinition.Message) e.definition()).messageRef());
            dsl.insertInto(MESSAGE_SUBSCRIPTIONS).set(MESSAGE_SUBSCRIPTIONS.ID, UUID.randomUUID().toString())
                    .set(MESSAGE_SUBSCRIPTIONS.MESSAGE_NAME, name).set(MESSAGE_SUBSCRIPTIONS.DEFINITION_ID, model.definitionId())
                    .set(MESSAGE_SUBSCRIPTIONS.ELEMENT_ID, e.id()).set(MESSAGE_SUBSCRIPTIONS.CREATED_AT, now).execute();
        }
        insertSignalStarts(dsl, model, now);
    }

    /** A process with signal start events starts on each such signal (the newest version listens). */
    private static void insertSignalStarts(DSLContext dsl, ProcessModel model, long now) {
        for (Event e : model.startEvents(EventDefinition.Signal.class)) {
            String ref = ((EventDefinition.Signal) e.definition()).signalRef();
            String name = model.definitions().globals(dev.baton.model.GlobalElement.Signal.class).stream().filter(s -> s.id().equals(ref))
                    .map(s -> s.name() == null || s.name().isBlank() ? s.id() : s.name()).findFirst().orElse(ref);
            dsl.insertInto(MESSAGE_SUBSCRIPTIONS).set(MESSAGE_SUBSCRIPTIONS.ID, UUID.randomUUID().toString())
                    .set(MESSAGE_SUBSCRIPTIONS.MESSAGE_NAME, dev.baton.engine.runtime.Signals.key(name))
                    .set(MESSAGE_SUBSCRIPTIONS.DEFINITION_ID, model.definitionId())
                    .set(MESSAGE_SUBSCRIPTIONS.ELEMENT_ID, e.id()).set(MESSAGE_SUBSCRIPTIONS.CREATED_AT, now).execute();
        }
    }

    public static DefinitionSummary summary(DefinitionsRecord r) {
        return new DefinitionSummary(r.getId(), r.getProcessId(), r.getVersion(), r.getName(), r.getDeploymentId(),
                r.getSourceName(), Instant.ofEpochMilli(r.getCreatedAt()), r.getVersionTag());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
