package dev.baton.bpmn.dialect;

import dev.baton.model.Dialect;
import dev.baton.model.ElementKind;
import dev.baton.model.Expression;
import dev.baton.model.exec.CallSettings;
import dev.baton.model.exec.Implementation;
import dev.baton.model.exec.IoMapping;
import dev.baton.model.exec.RetryPolicy;
import dev.baton.model.exec.Script;
import dev.baton.model.exec.UserTaskSettings;
import dev.baton.model.exec.VariableMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/** Camunda 8 (zeebe:): job types, FEEL mappings, called elements and decisions, user task assignment, subscriptions. */
final class ZeebeVocabulary implements Vocabulary {
    private static final String NS = Dialect.CAMUNDA8_NS;
    /** Zeebe has no backoff (the worker decides), so a policy read from it carries the default multiplier, unused. */
    private static final double NO_BACKOFF_MULTIPLIER = RetryPolicy.DEFAULT.multiplier();

    @Override
    public String namespace() { return NS; }

    // ---- activities ----

    @Override
    public void liftActivity(Work w, Settings.Activity s) {
        if (jobKinds(s.kind)) liftTaskDefinition(w, s);
        if (s.kind == ElementKind.BUSINESS_RULE_TASK && s.implementation == null) s.implementation = liftDecision(w);
        if (s.io == null) s.io = liftIo(w);
        if (s.isUserTask() && s.user == null) s.user = liftUser(w);
        if (s.isScriptTask() && s.resultVariable == null) liftScript(w, s);
        if (s.isCallActivity()) liftCalledElement(w, s);
    }

    static boolean jobKinds(ElementKind k) {
        return JuelVocabulary.implementationKinds(k) || k == ElementKind.SCRIPT_TASK;
    }

    private void liftTaskDefinition(Work w, Settings.Activity s) {
        if (s.implementation != null) return;
        Work.Found f = w.single(NS, "taskDefinition");
        if (f == null) return;
        String type = Xml.attr(f.element(), "type"), retries = Xml.attr(f.element(), "retries");
        Integer attempts = retries == null ? null : Exprs.integer(retries);
        String problem = type == null ? "it has no type"
                : !Set.of("type", "retries").containsAll(Xml.attributeNames(f.element())) ? "it has attributes other than type and retries"
                : retries != null && (attempts == null || attempts < 1) ? "retries \"" + retries + "\" is not a whole number of at least 1"
                : retries != null && s.retries != null ? "the retries are already set by baton:retry"
                : null;
        if (problem != null) {
            w.keep(f.fragment(), w.doc.display(NS, "taskDefinition") + " is kept but not used: " + problem);
            return;
        }
        w.remove(f.fragment());
        s.implementation = new Implementation.ExternalTask(Exprs.feel(type), null);
        if (attempts != null) s.retries = new RetryPolicy(attempts, null, null, NO_BACKOFF_MULTIPLIER);
    }

    private Implementation liftDecision(Work w) {
        Work.Found f = w.single(NS, "calledDecision");
        if (f == null) return null;
        String id = Xml.attr(f.element(), "decisionId"), result = Xml.attr(f.element(), "resultVariable");
        if (id == null || !Set.of("decisionId", "resultVariable").containsAll(Xml.attributeNames(f.element()))) {
            w.keep(f.fragment(), w.doc.display(NS, "calledDecision") + " is kept but not used: Baton maps only decisionId and resultVariable");
            return null;
        }
        w.remove(f.fragment());
        return new Implementation.Decision(id, result, List.of());
    }

    @Override
    public void lowerActivity(Settings.Activity s, Work w) {
        if (jobKinds(s.kind) && s.implementation instanceof Implementation.ExternalTask t && t.priority() == null
                && t.topic() != null && Exprs.isFeel(t.topic()) && !w.hasElement(NS, "taskDefinition")) {
            Xml.Out def = new Xml.Out("taskDefinition").attr("type", t.topic().text());
            if (s.retries != null && s.retries.retryCycle() == null && s.retries.initialBackoff() == null
                    && s.retries.multiplier() == NO_BACKOFF_MULTIPLIER) {
                def.attr("retries", Integer.toString(s.retries.maxAttempts()));
                s.retries = null;
            }
            w.add(NS, def);
            s.implementation = null;
        }
        if (s.kind == ElementKind.BUSINESS_RULE_TASK && s.implementation instanceof Implementation.Decision d
                && d.details().isEmpty() && d.decisionRef() != null && !w.hasElement(NS, "calledDecision")) {
            w.add(NS, new Xml.Out("calledDecision").attr("decisionId", d.decisionRef()).attr("resultVariable", d.resultVariable()));
            s.implementation = null;
        }
        if (s.io != null && lowerIo(s.io, w)) s.io = null;
        if (s.user != null && s.isUserTask() && lowerUser(s.user, w)) s.user = null;
        if (s.isScriptTask()) lowerScript(s, w);
        if (s.isCallActivity()) lowerCalledElement(s, w);
    }

    // ---- events ----

    @Override
    public void liftEvent(Work w, Settings.Event s) {
        if (s.io == null) s.io = liftIo(w);
        if (s.implementation == null && Camunda7Vocabulary.throwing(s.kind) && s.messageDefinition != null) {
            Work.Found f = w.single(NS, "taskDefinition");
            if (f == null) return;
            String type = Xml.attr(f.element(), "type");
            if (type == null || !Xml.attributeNames(f.element()).equals(List.of("type"))) {
                w.keep(f.fragment(), w.doc.display(NS, "taskDefinition") + " is kept but not used: on an event Baton maps only its type");
                return;
            }
            w.remove(f.fragment());
            s.implementation = new Implementation.ExternalTask(Exprs.feel(type), null);
        }
    }

    @Override
    public void lowerEvent(Settings.Event s, Work w) {
        if (s.io != null && lowerIo(s.io, w)) s.io = null;
        if (s.implementation instanceof Implementation.ExternalTask t && Camunda7Vocabulary.throwing(s.kind) && s.messageDefinition != null
                && t.priority() == null && t.topic() != null && Exprs.isFeel(t.topic()) && !w.hasElement(NS, "taskDefinition")) {
            w.add(NS, new Xml.Out("taskDefinition").attr("type", t.topic().text()));
            s.implementation = null;
        }
    }

    // ---- input/output ----

    private IoMapping liftIo(Work w) {
        Work.Found f = w.single(NS, "ioMapping");
        if (f == null) return null;
        List<VariableMapping> inputs = new ArrayList<>(), outputs = new ArrayList<>();
        for (Element m : Xml.children(f.element())) {
            boolean input = "input".equals(m.getLocalName());
            String source = Xml.attr(m, "source"), target = Xml.attr(m, "target");
            if (!NS.equals(m.getNamespaceURI()) || !(input || "output".equals(m.getLocalName())) || target == null
                    || !Set.of("source", "target").containsAll(Xml.attributeNames(m))) {
                w.keep(f.fragment(), w.doc.display(NS, "ioMapping") + " is kept but not used: it holds a mapping Baton does not read ("
                        + m.getNodeName() + " " + Xml.attributeNames(m) + ")");
                return null;
            }
            (input ? inputs : outputs).add(new VariableMapping(target, Exprs.feel(source)));
        }
        w.remove(f.fragment());
        return new IoMapping(inputs, outputs);
    }

    private boolean lowerIo(IoMapping io, Work w) {
        if (io.isEmpty()) return true;
        if (w.hasElement(NS, "ioMapping")) return false;
        for (VariableMapping m : JuelVocabulary.concat(io.inputs(), io.outputs())) {
            if (m.target() == null || !Exprs.isFeel(m.source())) return false;
        }
        Xml.Out out = new Xml.Out("ioMapping");
        for (VariableMapping m : io.inputs()) out.child(new Xml.Out("input").attr("source", Exprs.text(m.source())).attr("target", m.target()));
        for (VariableMapping m : io.outputs()) out.child(new Xml.Out("output").attr("source", Exprs.text(m.source())).attr("target", m.target()));
        w.add(NS, out);
        return true;
    }

    // ---- user tasks ----

    private UserTaskSettings liftUser(Work w) {
        Element assignment = only(w, "assignmentDefinition", Set.of("assignee", "candidateGroups", "candidateUsers"));
        Element form = only(w, "formDefinition", Set.of("formKey"));
        Element schedule = only(w, "taskSchedule", Set.of("dueDate", "followUpDate"));
        Element priority = only(w, "priorityDefinition", Set.of("priority"));
        Integer prio = null;
        if (priority != null) {
            prio = Exprs.integer(Xml.attr(priority, "priority"));
            if (prio == null) {
                for (Work.Found f : w.find(NS, "priorityDefinition")) {
                    w.keep(f.fragment(), w.doc.display(NS, "priorityDefinition") + " is kept but not used: Baton reads a priority only as a whole number");
                }
                priority = null;
            }
        }
        if (assignment == null && form == null && schedule == null && priority == null) return null;
        for (String local : List.of("assignmentDefinition", "formDefinition", "taskSchedule", "priorityDefinition")) {
            Element taken = switch (local) {
                case "assignmentDefinition" -> assignment;
                case "formDefinition" -> form;
                case "taskSchedule" -> schedule;
                default -> priority;
            };
            if (taken != null) w.remove(w.find(NS, local).get(0).fragment());
        }
        String assignee = assignment == null ? null : Xml.attr(assignment, "assignee");
        String users = assignment == null ? null : Xml.attr(assignment, "candidateUsers");
        String groups = assignment == null ? null : Xml.attr(assignment, "candidateGroups");
        return new UserTaskSettings(Exprs.feel(assignee), users == null ? null : Exprs.splitFeelList(users),
                groups == null ? null : Exprs.splitFeelList(groups), form == null ? null : Xml.attr(form, "formKey"),
                schedule == null ? null : Exprs.feel(Xml.attr(schedule, "dueDate")),
                schedule == null ? null : Exprs.feel(Xml.attr(schedule, "followUpDate")), prio);
    }

    /** The one element with this name when it has only the given attributes; else it stays, with a message. */
    private static Element only(Work w, String local, Set<String> attributes) {
        Work.Found f = w.single(NS, local);
        if (f == null) return null;
        if (!attributes.containsAll(Xml.attributeNames(f.element())) || !Xml.children(f.element()).isEmpty()) {
            w.keep(f.fragment(), w.doc.display(NS, local) + " is kept but not used: Baton maps only " + attributes);
            return null;
        }
        return f.element();
    }

    private boolean lowerUser(UserTaskSettings u, Work w) {
        if (!Exprs.isFeel(u.assignee()) || !Exprs.isFeel(u.dueDate()) || !Exprs.isFeel(u.followUpDate())) return false;
        if (!u.candidateUsers().isEmpty() && !Exprs.splitFeelList(Exprs.join(u.candidateUsers())).equals(u.candidateUsers())) return false;
        if (!u.candidateGroups().isEmpty() && !Exprs.splitFeelList(Exprs.join(u.candidateGroups())).equals(u.candidateGroups())) return false;
        for (String local : List.of("assignmentDefinition", "formDefinition", "taskSchedule", "priorityDefinition")) {
            if (w.hasElement(NS, local)) return false;
        }
        if (u.assignee() != null || !u.candidateUsers().isEmpty() || !u.candidateGroups().isEmpty()) {
            w.add(NS, new Xml.Out("assignmentDefinition").attr("assignee", Exprs.text(u.assignee()))
                    .attr("candidateGroups", u.candidateGroups().isEmpty() ? null : Exprs.join(u.candidateGroups()))
                    .attr("candidateUsers", u.candidateUsers().isEmpty() ? null : Exprs.join(u.candidateUsers())));
        }
        if (u.formKey() != null) w.add(NS, new Xml.Out("formDefinition").attr("formKey", u.formKey()));
        if (u.dueDate() != null || u.followUpDate() != null) {
            w.add(NS, new Xml.Out("taskSchedule").attr("dueDate", Exprs.text(u.dueDate())).attr("followUpDate", Exprs.text(u.followUpDate())));
        }
        if (u.priority() != null) w.add(NS, new Xml.Out("priorityDefinition").attr("priority", u.priority().toString()));
        return true;
    }

    // ---- script tasks ----

    private void liftScript(Work w, Settings.Activity s) {
        Work.Found f = w.single(NS, "script");
        if (f == null) return;
        String expression = Xml.attr(f.element(), "expression"), result = Xml.attr(f.element(), "resultVariable");
        if (expression == null || result == null || !Set.of("expression", "resultVariable").containsAll(Xml.attributeNames(f.element()))) {
            w.keep(f.fragment(), w.doc.display(NS, "script") + " is kept but not used: Baton maps it with an expression and a resultVariable only");
            return;
        }
        if (s.script != null && (s.script.text() != null || s.script.format() != null)) {
            w.keep(f.fragment(), w.doc.display(NS, "script") + " is kept but not used: the task also has a bpmn:script, which counts");
            return;
        }
        w.remove(f.fragment());
        s.script = new Script("feel", expression, null);
        s.scriptInExtension = true;
        s.resultVariable = result;
    }

    private void lowerScript(Settings.Activity s, Work w) {
        Script sc = s.script;
        if (sc == null || s.resultVariable == null || !"feel".equals(sc.format()) || sc.text() == null
                || Exprs.feel(sc.text()).language() != Expression.Language.FEEL || w.hasElement(NS, "script")) {
            return;
        }
        w.add(NS, new Xml.Out("script").attr("expression", sc.text()).attr("resultVariable", s.resultVariable));
        s.scriptInExtension = true;
        s.resultVariable = null;
    }

    // ---- call activities ----

    private void liftCalledElement(Work w, Settings.Activity s) {
        Work.Found f = w.single(NS, "calledElement");
        if (f == null) return;
        Element e = f.element();
        String processId = Xml.attr(e, "processId"), bindingType = Xml.attr(e, "bindingType"), versionTag = Xml.attr(e, "versionTag");
        String child = Xml.attr(e, "propagateAllChildVariables"), parent = Xml.attr(e, "propagateAllParentVariables");
        CallSettings.Binding binding = bindingType == null ? CallSettings.Binding.LATEST : switch (bindingType) {
            case "latest" -> CallSettings.Binding.LATEST;
            case "deployment" -> CallSettings.Binding.DEPLOYMENT;
            case "versionTag" -> CallSettings.Binding.VERSION_TAG;
            default -> null;
        };
        String problem = processId == null ? "it has no processId"
                : !Set.of("processId", "propagateAllChildVariables", "propagateAllParentVariables", "bindingType", "versionTag")
                        .containsAll(Xml.attributeNames(e)) ? "it has attributes Baton does not map"
                : binding == null ? "bindingType \"" + bindingType + "\" is unknown"
                : !isBoolean(child) || !isBoolean(parent) ? "a propagate attribute is not true or false"
                : (versionTag != null) != (binding == CallSettings.Binding.VERSION_TAG) ? "versionTag and bindingType do not agree"
                : null;
        if (problem != null) {
            w.keep(f.fragment(), w.doc.display(NS, "calledElement") + " is kept but not used: " + problem);
            return;
        }
        w.remove(f.fragment());
        s.calledElement = processId;
        if (s.call == null) {
            // Zeebe propagates all variables both ways unless told otherwise
            s.call = new CallSettings(binding, versionTag, null, !"false".equals(parent), !"false".equals(child), null, null);
        }
    }

    private static boolean isBoolean(String v) {
        return v == null || v.equals("true") || v.equals("false");
    }

    private void lowerCalledElement(Settings.Activity s, Work w) {
        if (s.calledElement == null || w.hasElement(NS, "calledElement")) return;
        CallSettings c = s.call == null ? CallSettings.DEFAULT : s.call;
        boolean expressible = c.binding() != CallSettings.Binding.VERSION && c.businessKey() == null && c.inputs().isEmpty()
                && c.outputs().isEmpty() && !c.usesLocal() && (c.version() != null) == (c.binding() == CallSettings.Binding.VERSION_TAG);
        // with the flags Baton cannot say here, the element still names the process; baton:call carries the rest
        CallSettings said = expressible ? c : CallSettings.DEFAULT;
        Xml.Out out = new Xml.Out("calledElement").attr("processId", s.calledElement)
                .attr("propagateAllChildVariables", Boolean.toString(said.allOut()))
                .attr("propagateAllParentVariables", said.allIn() ? null : "false");
        if (said.binding() != CallSettings.Binding.LATEST) {
            out.attr("bindingType", said.binding() == CallSettings.Binding.DEPLOYMENT ? "deployment" : "versionTag").attr("versionTag", said.version());
        }
        w.add(NS, out);
        s.calledElement = null;
        if (expressible) s.call = null;
    }

    // ---- multi-instance ----

    @Override
    public void liftLoop(Work w, Settings.Loop s) {
        if (s.collection != null || s.elementVariable != null || s.outputCollection != null || s.outputElement != null) return;
        Element e = only(w, "loopCharacteristics", Set.of("inputCollection", "inputElement", "outputCollection", "outputElement"));
        if (e == null) return;
        w.remove(w.find(NS, "loopCharacteristics").get(0).fragment());
        s.collection = Exprs.feel(Xml.attr(e, "inputCollection"));
        s.elementVariable = Xml.attr(e, "inputElement");
        s.outputCollection = Xml.attr(e, "outputCollection");
        s.outputElement = Exprs.feel(Xml.attr(e, "outputElement"));
    }

    @Override
    public void lowerLoop(Settings.Loop s, Work w) {
        if (!Exprs.isFeel(s.collection) || !Exprs.isFeel(s.outputElement) || w.hasElement(NS, "loopCharacteristics")) return;
        if (s.isEmpty()) return;
        w.add(NS, new Xml.Out("loopCharacteristics").attr("inputCollection", Exprs.text(s.collection)).attr("inputElement", s.elementVariable)
                .attr("outputCollection", s.outputCollection).attr("outputElement", Exprs.text(s.outputElement)));
        s.clear();
    }

    // ---- messages ----

    @Override
    public void liftMessage(Work w, Settings.Message s) {
        if (s.correlationKey != null) return;
        Element e = only(w, "subscription", Set.of("correlationKey"));
        if (e == null || Xml.attr(e, "correlationKey") == null) return;
        w.remove(w.find(NS, "subscription").get(0).fragment());
        s.correlationKey = Exprs.feel(Xml.attr(e, "correlationKey"));
    }

    @Override
    public void lowerMessage(Settings.Message s, Work w) {
        if (s.correlationKey == null || !Exprs.isFeel(s.correlationKey) || w.hasElement(NS, "subscription")) return;
        w.add(NS, new Xml.Out("subscription").attr("correlationKey", s.correlationKey.text()));
        s.correlationKey = null;
    }
}
