package dev.baton.bpmn.dialect;

import dev.baton.bpmn.read.ImportResult;
import dev.baton.model.ActivitySettings;
import dev.baton.model.CallActivity;
import dev.baton.model.Definitions;
import dev.baton.model.Dialect;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.Expression;
import dev.baton.model.Extensions;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowElement;
import dev.baton.model.GlobalElement;
import dev.baton.model.LoopCharacteristics;
import dev.baton.model.Process;
import dev.baton.model.RootElement;
import dev.baton.model.SubProcess;
import dev.baton.model.Task;
import dev.baton.model.XmlFragment;
import dev.baton.model.exec.CallSettings;
import dev.baton.model.exec.Implementation;
import dev.baton.model.exec.Script;
import dev.baton.model.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps vendor execution extensions (camunda:, zeebe:, flowable:/activiti:) and Baton's own (baton:) to the model's
 * typed execution settings, and back.
 *
 * <p>{@link #lift} reads Baton's namespace first, then the namespace of the file's dialect; what it maps it removes
 * from the element's extensions, what it cannot map faithfully stays there untouched with a problem naming the element.
 * Settings of another engine's namespace (camunda: in a Camunda 8 file) are kept and reported: that engine is not the
 * one the file is for. {@link #lower} is the inverse: each typed setting goes into the dialect's namespace when that can
 * say it exactly and nothing kept there already says it, else into baton:. See docs/dialects.md.
 */
public final class DialectMapping {
    /** The rule name of every problem this mapping reports. */
    public static final String RULE = "dialect";

    private static final Set<String> EXECUTION_NAMESPACES =
            Set.of(Dialect.CAMUNDA7_NS, Dialect.CAMUNDA8_NS, Dialect.FLOWABLE_NS, Dialect.ACTIVITI_NS, Dialect.BATON_NS);

    /** The mapped document and one warning per vendor setting that was kept but not mapped. */
    public record LiftResult(Definitions definitions, List<Problem> problems) {
        public LiftResult {
            problems = List.copyOf(problems);
        }
    }

    private DialectMapping() {}

    /** The vocabulary of the file's dialect, or null for plain BPMN. */
    static Vocabulary dialectVocabulary(Definitions d) {
        Map<String, String> ns = d.namespaces();
        return switch (d.dialect()) {
            case CAMUNDA7 -> new Camunda7Vocabulary();
            case CAMUNDA8 -> new ZeebeVocabulary();
            case FLOWABLE -> new FlowableVocabulary(ns.containsValue(Dialect.FLOWABLE_NS) ? Dialect.FLOWABLE_NS : Dialect.ACTIVITI_NS);
            case BPMN -> null;
        };
    }

    /** One pass over a document's flow elements: lifting or lowering each, subprocesses' contents included. */
    private interface ElementPass {
        FlowElement element(FlowElement e);

        default FlowContent content(FlowContent c) {
            List<FlowElement> out = new ArrayList<>();
            for (FlowElement e : c.elements()) out.add(element(e));
            return c.withElements(out);
        }
    }

    // ================= lift =================

    /** Lifts a file just read; each problem names the line its element starts on. */
    public static LiftResult lift(ImportResult read) {
        LiftResult r = lift(read.definitions());
        return new LiftResult(r.definitions(), r.problems().stream().map(p -> p.withLine(read.lineOf(p.elementId()))).toList());
    }

    public static LiftResult lift(Definitions d) {
        Vocabulary dialect = dialectVocabulary(d);
        List<Vocabulary> order = dialect == null ? List.of(new BatonVocabulary()) : List.of(new BatonVocabulary(), dialect);
        Lifter l = new Lifter(new Work.Document(d.namespaces(), d.dialect()), order, dialect == null ? null : dialect.namespace());
        List<RootElement> roots = new ArrayList<>();
        for (RootElement r : d.rootElements()) roots.add(l.root(r));
        return new LiftResult(d.withRootElements(roots), l.doc.problems);
    }

    private record Lifter(Work.Document doc, List<Vocabulary> order, String dialectNamespace) implements ElementPass {

        RootElement root(RootElement r) {
            if (r instanceof Process p) {
                Work w = work(p.id(), p.extensions());
                FlowContent content = content(p.content());
                return new Process(p.id(), p.name(), p.executable(), p.processType(), p.closed(), content, p.documentation(), done(w));
            }
            if (r instanceof GlobalElement.Message m) {
                Work w = work(m.id(), m.extensions());
                Settings.Message s = new Settings.Message();
                order.forEach(v -> v.liftMessage(w, s));
                return new GlobalElement.Message(m.id(), m.name(), m.itemRef(), or(s.correlationKey, m.correlationKey()),
                        or(s.channel, m.channel()), done(w));
            }
            if (r instanceof GlobalElement g) sweep(work(g.id(), g.extensions()));
            return r;
        }

        public FlowElement element(FlowElement e) {
            if (e instanceof Task t) return task(t);
            if (e instanceof SubProcess sp) {
                Work w = work(sp.id(), sp.extensions());
                Settings.Activity s = new Settings.Activity(sp.kind());
                order.forEach(v -> v.liftActivity(w, s));
                return new SubProcess(sp.id(), sp.name(), sp.kind(), content(sp.content()), activity(sp.id(), sp.activity(), s),
                        sp.adHoc(), sp.transactionMethod(), sp.documentation(), done(w));
            }
            if (e instanceof CallActivity ca) {
                Work w = work(ca.id(), ca.extensions());
                Settings.Activity s = new Settings.Activity(ca.kind());
                order.forEach(v -> v.liftActivity(w, s));
                return new CallActivity(ca.id(), ca.name(), or(s.calledElement, ca.calledElement()), or(s.call, ca.call()),
                        activity(ca.id(), ca.activity(), s), ca.documentation(), done(w));
            }
            if (e instanceof Event ev) return event(ev);
            sweep(work(e.id(), e.extensions()));
            return e;
        }

        Task task(Task t) {
            Work w = work(t.id(), t.extensions());
            Settings.Activity s = new Settings.Activity(t.kind());
            s.script = t.script();
            order.forEach(v -> v.liftActivity(w, s));
            Script script = s.script;
            if (s.resultVariable != null) {
                script = new Script(script == null ? null : script.format(), script == null ? null : script.text(), s.resultVariable);
            }
            return new Task(t.id(), t.name(), t.kind(), activity(t.id(), t.activity(), s), or(s.implementation, t.implementation()),
                    t.messageRef(), script, or(s.user, t.user()), t.instantiate(), t.documentation(), done(w));
        }

        ActivitySettings activity(String id, ActivitySettings a, Settings.Activity s) {
            return new ActivitySettings(a.forCompensation(), a.defaultFlow(), loop(id, a.loop()),
                    s.asyncBefore != null ? s.asyncBefore : a.asyncBefore(), s.asyncAfter != null ? s.asyncAfter : a.asyncAfter(),
                    or(s.retries, a.retries()), or(s.io, a.io()), a.dataInputAssociations(), a.dataOutputAssociations(),
                    a.startQuantity(), a.completionQuantity());
        }

        LoopCharacteristics loop(String activityId, LoopCharacteristics loop) {
            if (loop instanceof LoopCharacteristics.MultiInstance mi) {
                Work w = work(activityId, mi.extensions());
                Settings.Loop s = new Settings.Loop();
                order.forEach(v -> v.liftLoop(w, s));
                return new LoopCharacteristics.MultiInstance(mi.id(), mi.sequential(), mi.loopCardinality(), or(s.collection, mi.collection()),
                        or(s.elementVariable, mi.elementVariable()), mi.completionCondition(), or(s.outputCollection, mi.outputCollection()),
                        or(s.outputElement, mi.outputElement()), done(w));
            }
            if (loop != null) sweep(work(activityId, loop.extensions()));
            return loop;
        }

        Event event(Event ev) {
            Work w = work(ev.id(), ev.extensions());
            EventDefinition.Message messageDef = firstMessage(ev);
            Work defWork = messageDef == null ? null : work(ev.id(), messageDef.extensions());
            Settings.Event s = new Settings.Event(ev.kind(), defWork);
            order.forEach(v -> v.liftEvent(w, s));
            List<EventDefinition> defs = new ArrayList<>();
            for (EventDefinition def : ev.eventDefinitions()) {
                if (def == messageDef) {
                    defs.add(new EventDefinition.Message(def.id(), messageDef.messageRef(), messageDef.operationRef(), done(defWork)));
                } else {
                    defs.add(caught(ev.id(), def));
                }
            }
            return new Event(ev.id(), ev.name(), ev.kind(), defs, ev.interrupting(), ev.attachedToRef(), ev.parallelMultiple(),
                    ev.dataInputAssociations(), ev.dataOutputAssociations(), or(s.implementation, ev.implementation()), or(s.io, ev.io()),
                    ev.documentation(), done(w));
        }

        EventDefinition caught(String eventId, EventDefinition def) {
            Work w = work(eventId, def.extensions());
            if (def instanceof EventDefinition.Error err) {
                Settings.Caught s = new Settings.Caught(false);
                order.forEach(v -> v.liftCaught(w, s));
                return new EventDefinition.Error(err.id(), err.errorRef(), or(s.codeVariable, err.errorCodeVariable()),
                        or(s.messageVariable, err.errorMessageVariable()), done(w));
            }
            if (def instanceof EventDefinition.Escalation esc) {
                Settings.Caught s = new Settings.Caught(true);
                order.forEach(v -> v.liftCaught(w, s));
                return new EventDefinition.Escalation(esc.id(), esc.escalationRef(), or(s.codeVariable, esc.escalationCodeVariable()), done(w));
            }
            sweep(w);
            return def;
        }

        Work work(String id, Extensions e) {
            return new Work(id, e, doc);
        }

        /** Reports what is left in an execution namespace, then answers the element's remaining extensions. */
        Extensions done(Work w) {
            sweep(w);
            return w.result();
        }

        void sweep(Work w) {
            for (String key : w.attributes().keySet()) {
                if (!key.startsWith("{") || w.wasReported(key)) continue;
                String ns = key.substring(1, key.indexOf('}'));
                String local = key.substring(key.indexOf('}') + 1);
                if (EXECUTION_NAMESPACES.contains(ns) && !EDITOR_METADATA.contains(local)) w.keepAttribute(ns, local, keptMessage(ns, local, 1));
            }
            // several elements of one name (camunda:field, zeebe:property) get one message
            Map<String, List<XmlFragment>> byName = new java.util.LinkedHashMap<>();
            for (XmlFragment f : w.elementList()) {
                if (!w.wasReported(f) && EXECUTION_NAMESPACES.contains(f.namespace())) {
                    byName.computeIfAbsent(Extensions.clark(f.namespace(), f.localName()), k -> new ArrayList<>()).add(f);
                }
            }
            for (List<XmlFragment> same : byName.values()) {
                XmlFragment f = same.get(0);
                w.keepAll(same, keptMessage(f.namespace(), f.localName(), same.size()));
            }
        }

        String keptMessage(String ns, String local, int count) {
            String what = doc.display(ns, local) + (count > 1 ? " (" + count + " elements)" : "");
            String is = count > 1 ? " are" : " is";
            if (ns.equals(Dialect.BATON_NS) || ns.equals(dialectNamespace)) {
                return what + is + " kept in the file but Baton does not use " + (count > 1 ? "them" : "it") + REASONS.getOrDefault(local, "");
            }
            return what + is + " kept in the file but not used: " + (count > 1 ? "they are" : "it is") + " for " + engineName(ns) + ", and this file is for "
                    + dialectName(doc.dialect);
        }
    }

    /** Why common vendor settings are only kept, by local name. */
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("executionListener", ": Baton does not run listeners"),
            Map.entry("taskListener", ": Baton does not run listeners"),
            Map.entry("executionListeners", ": Baton does not run listeners"),
            Map.entry("taskListeners", ": Baton does not run listeners"),
            Map.entry("field", ": field injection feeds Java code of the engine's application, which Baton cannot run"),
            Map.entry("formKey", ": Baton has no start forms"),
            Map.entry("taskHeaders", ": Camunda 8 passes them to job workers; Baton's external tasks have no headers"),
            Map.entry("userTaskForm", ": Baton does not render Camunda forms"),
            Map.entry("userTask", ": Baton runs every user task itself"),
            Map.entry("properties", ": Baton does not read extension properties"));

    /** Editor metadata in an engine's namespace: kept without a message, since it says nothing about running. */
    private static final Set<String> EDITOR_METADATA =
            Set.of("modelerTemplate", "modelerTemplateIcon", "modelerTemplateVersion", "diagramRelationId");

    static String engineName(String ns) {
        return switch (ns) {
            case Dialect.CAMUNDA7_NS -> "Camunda 7";
            case Dialect.CAMUNDA8_NS -> "Camunda 8";
            case Dialect.FLOWABLE_NS -> "Flowable";
            default -> "Activiti";
        };
    }

    static String dialectName(Dialect d) {
        return switch (d) {
            case CAMUNDA7 -> "Camunda 7";
            case CAMUNDA8 -> "Camunda 8";
            case FLOWABLE -> "Flowable";
            case BPMN -> "no particular engine";
        };
    }

    static EventDefinition.Message firstMessage(Event ev) {
        for (EventDefinition def : ev.eventDefinitions()) {
            if (def instanceof EventDefinition.Message m) return m;
        }
        return null;
    }

    /** The text of a kept BPMN child element (e.g. loopDataInputRef), or null. */
    static String bpmnChildText(Extensions e, String localName) {
        for (XmlFragment f : e.unmodelledChildren()) {
            if (f.localName().equals(localName) && "http://www.omg.org/spec/BPMN/20100524/MODEL".equals(f.namespace())) {
                org.w3c.dom.Element el = Xml.parse(f);
                return el == null ? null : el.getTextContent().strip();
            }
        }
        return null;
    }

    /** Whether a name equals a (possibly prefixed) reference. */
    static boolean sameRef(String name, String ref) {
        if (name == null || ref == null) return false;
        return name.equals(ref) || name.equals(ref.substring(ref.lastIndexOf(':') + 1));
    }

    static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    // ================= lower =================

    public static Definitions lower(Definitions d) {
        Vocabulary dialect = dialectVocabulary(d);
        List<Vocabulary> order = dialect == null ? List.of(new BatonVocabulary()) : List.of(dialect, new BatonVocabulary());
        Lowerer l = new Lowerer(new Work.Document(d.namespaces(), d.dialect()), order);
        List<RootElement> roots = new ArrayList<>();
        for (RootElement r : d.rootElements()) roots.add(l.root(r));
        return d.withRootElements(roots).withNamespaces(l.doc.namespaces);
    }

    private record Lowerer(Work.Document doc, List<Vocabulary> order) implements ElementPass {

        RootElement root(RootElement r) {
            if (r instanceof Process p) {
                return p.withContent(content(p.content()));
            }
            if (r instanceof GlobalElement.Message m) {
                Work w = new Work(m.id(), m.extensions(), doc);
                Settings.Message s = new Settings.Message();
                s.correlationKey = m.correlationKey();
                s.channel = m.channel();
                order.forEach(v -> v.lowerMessage(s, w));
                return new GlobalElement.Message(m.id(), m.name(), m.itemRef(), m.correlationKey(), m.channel(), w.result());
            }
            return r;
        }

        public FlowElement element(FlowElement e) {
            if (e instanceof Task t) {
                Work w = new Work(t.id(), t.extensions(), doc);
                Settings.Activity s = settings(t.kind(), t.activity());
                s.implementation = supported(t.implementation());
                // only the kinds lift reads them for, so that lower never writes what lift would not read back
                s.user = t.kind() == ElementKind.USER_TASK ? t.user() : null;
                s.script = t.script();
                s.resultVariable = t.kind() == ElementKind.SCRIPT_TASK && t.script() != null ? t.script().resultVariable() : null;
                order.forEach(v -> v.lowerActivity(s, w));
                return new Task(t.id(), t.name(), t.kind(), activity(t.id(), t.activity()), t.implementation(), t.messageRef(),
                        s.scriptInExtension ? null : t.script(), t.user(), t.instantiate(), t.documentation(), w.result());
            }
            if (e instanceof SubProcess sp) {
                Work w = new Work(sp.id(), sp.extensions(), doc);
                Settings.Activity s = settings(sp.kind(), sp.activity());
                order.forEach(v -> v.lowerActivity(s, w));
                return new SubProcess(sp.id(), sp.name(), sp.kind(), content(sp.content()), activity(sp.id(), sp.activity()), sp.adHoc(),
                        sp.transactionMethod(), sp.documentation(), w.result());
            }
            if (e instanceof CallActivity ca) {
                Work w = new Work(ca.id(), ca.extensions(), doc);
                Settings.Activity s = settings(ca.kind(), ca.activity());
                s.calledElement = ca.calledElement();
                s.call = ca.call().equals(CallSettings.DEFAULT) ? null : ca.call();
                order.forEach(v -> v.lowerActivity(s, w));
                return new CallActivity(ca.id(), ca.name(), ca.calledElement(), ca.call(),
                        activity(ca.id(), ca.activity()), ca.documentation(), w.result());
            }
            if (e instanceof Event ev) return event(ev);
            return e;
        }

        static Implementation supported(Implementation i) {
            return i instanceof Implementation.Unsupported ? null : i;
        }

        Settings.Activity settings(ElementKind kind, ActivitySettings a) {
            Settings.Activity s = new Settings.Activity(kind);
            s.asyncBefore = a.asyncBefore() ? Boolean.TRUE : null;
            s.asyncAfter = a.asyncAfter() ? Boolean.TRUE : null;
            s.retries = a.retries();
            s.io = a.io().isEmpty() ? null : a.io();
            return s;
        }

        ActivitySettings activity(String id, ActivitySettings a) {
            return a.withLoop(loop(id, a.loop()));
        }

        LoopCharacteristics loop(String activityId, LoopCharacteristics loop) {
            if (!(loop instanceof LoopCharacteristics.MultiInstance mi)) return loop;
            Work w = new Work(activityId, mi.extensions(), doc);
            Settings.Loop s = new Settings.Loop();
            s.collection = mi.collection();
            s.elementVariable = mi.elementVariable();
            s.outputCollection = mi.outputCollection();
            s.outputElement = mi.outputElement();
            // the reader also takes the collections from loopDataInputRef/OutputRef, which the writer puts back itself
            String inputRef = bpmnChildText(mi.extensions(), "loopDataInputRef");
            if (s.collection != null && s.collection.language() == Expression.Language.LITERAL && sameRef(s.collection.text(), inputRef)) {
                s.collection = null;
            }
            if (sameRef(s.outputCollection, bpmnChildText(mi.extensions(), "loopDataOutputRef"))) s.outputCollection = null;
            order.forEach(v -> v.lowerLoop(s, w));
            return new LoopCharacteristics.MultiInstance(mi.id(), mi.sequential(), mi.loopCardinality(), mi.collection(), mi.elementVariable(),
                    mi.completionCondition(), mi.outputCollection(), mi.outputElement(), w.result());
        }

        Event event(Event ev) {
            Work w = new Work(ev.id(), ev.extensions(), doc);
            EventDefinition.Message messageDef = firstMessage(ev);
            Work defWork = messageDef == null ? null : new Work(ev.id(), messageDef.extensions(), doc);
            Settings.Event s = new Settings.Event(ev.kind(), defWork);
            s.implementation = supported(ev.implementation());
            s.io = ev.io().isEmpty() ? null : ev.io();
            order.forEach(v -> v.lowerEvent(s, w));
            List<EventDefinition> defs = new ArrayList<>();
            for (EventDefinition def : ev.eventDefinitions()) {
                if (def == messageDef) {
                    defs.add(new EventDefinition.Message(def.id(), messageDef.messageRef(), messageDef.operationRef(), defWork.result()));
                } else if (def instanceof EventDefinition.Error err) {
                    Work dw = new Work(ev.id(), err.extensions(), doc);
                    Settings.Caught c = new Settings.Caught(false);
                    c.codeVariable = err.errorCodeVariable();
                    c.messageVariable = err.errorMessageVariable();
                    if (c.codeVariable != null || c.messageVariable != null) order.forEach(v -> v.lowerCaught(c, dw));
                    defs.add(new EventDefinition.Error(err.id(), err.errorRef(), err.errorCodeVariable(), err.errorMessageVariable(), dw.result()));
                } else if (def instanceof EventDefinition.Escalation esc) {
                    Work dw = new Work(ev.id(), esc.extensions(), doc);
                    Settings.Caught c = new Settings.Caught(true);
                    c.codeVariable = esc.escalationCodeVariable();
                    if (c.codeVariable != null) order.forEach(v -> v.lowerCaught(c, dw));
                    defs.add(new EventDefinition.Escalation(esc.id(), esc.escalationRef(), esc.escalationCodeVariable(), dw.result()));
                } else {
                    defs.add(def);
                }
            }
            return new Event(ev.id(), ev.name(), ev.kind(), defs, ev.interrupting(), ev.attachedToRef(), ev.parallelMultiple(),
                    ev.dataInputAssociations(), ev.dataOutputAssociations(), ev.implementation(), ev.io(), ev.documentation(), w.result());
        }
    }
}
