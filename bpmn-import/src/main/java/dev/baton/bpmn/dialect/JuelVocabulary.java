package dev.baton.bpmn.dialect;

import dev.baton.model.ElementKind;
import dev.baton.model.Expression;
import dev.baton.model.exec.CallSettings;
import dev.baton.model.exec.Implementation;
import dev.baton.model.exec.RetryPolicy;
import dev.baton.model.exec.UserTaskSettings;
import dev.baton.model.exec.VariableMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/** What Camunda 7 (camunda:) and Flowable/Activiti (flowable:, activiti:) write alike: JUEL and plain attributes. */
abstract class JuelVocabulary implements Vocabulary {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    final String ns;

    JuelVocabulary(String ns) { this.ns = ns; }

    @Override
    public String namespace() { return ns; }

    /** The attribute that makes an activity asynchronous before it runs. */
    abstract String asyncBeforeAttribute();

    /** Whether this namespace can say "asynchronous after". */
    abstract boolean hasAsyncAfter();

    /** Whether this namespace has a follow-up date on user tasks. */
    abstract boolean hasFollowUpDate();

    /** Reads the namespace's own implementation forms (connector, task types); null when none applies. */
    abstract Implementation liftOwnImplementation(Work host, Settings.Activity s);

    /** Writes the namespace's own implementation forms; false when it cannot express impl. */
    abstract boolean lowerOwnImplementation(Implementation impl, Work host);

    /** Attributes or elements that say how a task is implemented, so lower never writes a second one. */
    boolean hasImplementationMarker(Work host) {
        for (String a : List.of("class", "expression", "delegateExpression", "type", "topic", "decisionRef")) {
            if (host.has(ns, a)) return true;
        }
        return false;
    }

    // ---- activities ----

    @Override
    public void liftActivity(Work w, Settings.Activity s) {
        if (s.asyncBefore == null) s.asyncBefore = flag(w, asyncBeforeAttribute());
        if (s.asyncBefore == null && !asyncBeforeAttribute().equals("async")) s.asyncBefore = flag(w, "async");
        if (hasAsyncAfter() && s.asyncAfter == null) s.asyncAfter = flag(w, "asyncAfter");
        if (s.retries == null) s.retries = liftRetries(w);
        if (s.implementation == null && implementationKinds(s.kind)) s.implementation = liftImplementation(w, s);
        if (s.isUserTask() && s.user == null) s.user = liftUser(w);
        if (s.isScriptTask() && s.resultVariable == null) s.resultVariable = w.take(ns, "resultVariable");
        if (s.isCallActivity() && s.call == null) s.call = liftCall(w);
    }

    static boolean implementationKinds(ElementKind k) {
        return k == ElementKind.SERVICE_TASK || k == ElementKind.SEND_TASK || k == ElementKind.BUSINESS_RULE_TASK;
    }

    @Override
    public void lowerActivity(Settings.Activity s, Work w) {
        if (Boolean.TRUE.equals(s.asyncBefore) && !w.has(ns, asyncBeforeAttribute())) {
            w.put(ns, asyncBeforeAttribute(), "true");
            s.asyncBefore = null;
        }
        if (hasAsyncAfter() && Boolean.TRUE.equals(s.asyncAfter) && !w.has(ns, "asyncAfter")) {
            w.put(ns, "asyncAfter", "true");
            s.asyncAfter = null;
        }
        if (s.retries != null && Vocabulary.isRetryCycle(s.retries) && !w.hasElement(ns, "failedJobRetryTimeCycle")) {
            w.add(ns, new Xml.Out("failedJobRetryTimeCycle").text(s.retries.retryCycle()));
            s.retries = null;
        }
        if (s.implementation != null && implementationKinds(s.kind) && lowerImplementation(s.implementation, w, s.kind)) {
            s.implementation = null;
        }
        if (s.user != null && s.isUserTask() && lowerUser(s.user, w)) s.user = null;
        if (s.resultVariable != null && s.isScriptTask() && !w.has(ns, "resultVariable")) {
            w.put(ns, "resultVariable", s.resultVariable);
            s.resultVariable = null;
        }
        if (s.call != null && s.isCallActivity() && lowerCall(s.call, w)) s.call = null;
    }

    /** "true" or "false", taken; anything else stays in the file with a message. */
    Boolean flag(Work w, String local) {
        String v = w.attr(ns, local);
        if (v == null) return null;
        String t = v.strip();
        if (!t.equals("true") && !t.equals("false")) {
            w.keepAttribute(ns, local, w.doc.display(ns, local) + "=\"" + v + "\" is kept but not used: Baton reads only true or false here");
            return null;
        }
        w.take(ns, local);
        return Boolean.valueOf(t);
    }

    RetryPolicy liftRetries(Work w) {
        Work.Found f = w.single(ns, "failedJobRetryTimeCycle");
        if (f == null) return null;
        String text = f.element().getTextContent();
        RetryPolicy p = Vocabulary.retryCycle(text);
        if (p == null) {
            w.keep(f.fragment(), w.doc.display(ns, "failedJobRetryTimeCycle") + " \"" + text.strip()
                    + "\" is kept but not used: Baton reads only the form R<attempts>/<duration>, e.g. R5/PT10S");
            return null;
        }
        w.remove(f.fragment());
        return p;
    }

    // ---- implementation ----

    Implementation liftImplementation(Work host, Settings.Activity s) {
        if (host.has(ns, "class")) return new Implementation.JavaClass(host.take(ns, "class"));
        if (host.has(ns, "expression")) {
            Expression e = Exprs.juel(host.take(ns, "expression"));
            return new Implementation.ExpressionCall(e, takeResultVariable(host));
        }
        if (host.has(ns, "delegateExpression")) {
            return new Implementation.DelegateExpression(Exprs.juel(host.take(ns, "delegateExpression")));
        }
        if (s != null && s.kind == ElementKind.BUSINESS_RULE_TASK && host.has(ns, "decisionRef")) {
            String ref = host.take(ns, "decisionRef"), result = takeResultVariable(host);
            List<String> details = new ArrayList<>();
            for (String a : DECISION_DETAILS) if (host.has(ns, a)) details.add(a + "=" + host.take(ns, a));
            return new Implementation.Decision(ref, result, details);
        }
        return liftOwnImplementation(host, s);
    }

    /** How a business rule task picks and maps its decision, kept on the Decision as "name=value". */
    static final List<String> DECISION_DETAILS = List.of("decisionRefBinding", "decisionRefVersion", "mapDecisionResult");

    String takeResultVariable(Work host) {
        return host.take(ns, "resultVariable");
    }

    boolean lowerImplementation(Implementation impl, Work host, ElementKind kind) {
        if (hasImplementationMarker(host)) return false;
        if (impl instanceof Implementation.JavaClass j) {
            host.put(ns, "class", j.className());
        } else if (impl instanceof Implementation.ExpressionCall e) {
            if (e.expression() == null || !Exprs.isJuel(e.expression()) || (e.resultVariable() != null && host.has(ns, "resultVariable"))) {
                return false;
            }
            host.put(ns, "expression", e.expression().text());
            if (e.resultVariable() != null) host.put(ns, "resultVariable", e.resultVariable());
        } else if (impl instanceof Implementation.DelegateExpression d) {
            if (d.expression() == null || !Exprs.isJuel(d.expression())) return false;
            host.put(ns, "delegateExpression", d.expression().text());
        } else if (impl instanceof Implementation.Decision d) {
            if (kind != ElementKind.BUSINESS_RULE_TASK || d.decisionRef() == null
                    || (d.resultVariable() != null && host.has(ns, "resultVariable"))) {
                return false;
            }
            for (String detail : d.details()) {
                int eq = detail.indexOf('=');
                if (eq < 0 || !DECISION_DETAILS.contains(detail.substring(0, eq)) || host.has(ns, detail.substring(0, eq))) return false;
            }
            host.put(ns, "decisionRef", d.decisionRef());
            if (d.resultVariable() != null) host.put(ns, "resultVariable", d.resultVariable());
            for (String detail : d.details()) host.put(ns, detail.substring(0, detail.indexOf('=')), detail.substring(detail.indexOf('=') + 1));
        } else {
            return lowerOwnImplementation(impl, host);
        }
        return true;
    }

    // ---- user tasks ----

    UserTaskSettings liftUser(Work w) {
        String assignee = w.take(ns, "assignee");
        String users = w.take(ns, "candidateUsers");
        String groups = w.take(ns, "candidateGroups");
        String formKey = w.take(ns, "formKey");
        String due = w.take(ns, "dueDate");
        String followUp = hasFollowUpDate() ? w.take(ns, "followUpDate") : null;
        Integer priority = null;
        String p = w.attr(ns, "priority");
        if (p != null) {
            priority = Exprs.integer(p);
            if (priority != null) w.take(ns, "priority");
            else w.keepAttribute(ns, "priority", w.doc.display(ns, "priority") + "=\"" + p
                    + "\" is kept but not used: Baton reads a task priority only as a whole number");
        }
        if (assignee == null && users == null && groups == null && formKey == null && due == null && followUp == null && priority == null) {
            return null;
        }
        return new UserTaskSettings(Exprs.juel(assignee), users == null ? null : Exprs.splitJuelList(users),
                groups == null ? null : Exprs.splitJuelList(groups), formKey, Exprs.juel(due), Exprs.juel(followUp), priority);
    }

    boolean lowerUser(UserTaskSettings u, Work w) {
        if (!Exprs.isJuel(u.assignee()) || !Exprs.isJuel(u.dueDate()) || !Exprs.isJuel(u.followUpDate())) return false;
        if (u.followUpDate() != null && !hasFollowUpDate()) return false;
        if (!Exprs.splitJuelList(Exprs.join(u.candidateUsers())).equals(u.candidateUsers())) return false;
        if (!Exprs.splitJuelList(Exprs.join(u.candidateGroups())).equals(u.candidateGroups())) return false;
        // only what this value writes counts: a kept priority expression may stay beside a mapped assignee
        if ((u.assignee() != null && w.has(ns, "assignee")) || (!u.candidateUsers().isEmpty() && w.has(ns, "candidateUsers"))
                || (!u.candidateGroups().isEmpty() && w.has(ns, "candidateGroups")) || (u.formKey() != null && w.has(ns, "formKey"))
                || (u.dueDate() != null && w.has(ns, "dueDate")) || (u.followUpDate() != null && w.has(ns, "followUpDate"))
                || (u.priority() != null && w.has(ns, "priority"))) {
            return false;
        }
        if (u.assignee() != null) w.put(ns, "assignee", u.assignee().text());
        if (!u.candidateUsers().isEmpty()) w.put(ns, "candidateUsers", Exprs.join(u.candidateUsers()));
        if (!u.candidateGroups().isEmpty()) w.put(ns, "candidateGroups", Exprs.join(u.candidateGroups()));
        if (u.formKey() != null) w.put(ns, "formKey", u.formKey());
        if (u.dueDate() != null) w.put(ns, "dueDate", u.dueDate().text());
        if (u.followUpDate() != null) w.put(ns, "followUpDate", u.followUpDate().text());
        if (u.priority() != null) w.put(ns, "priority", u.priority().toString());
        return true;
    }

    // ---- call activities ----

    /** Reads binding and version; the subclass adds what only it has. */
    CallSettings liftCall(Work w) {
        CallSettings.Binding binding = null;
        String version = null;
        String b = w.attr(ns, "calledElementBinding");
        if (b != null) {
            binding = switch (b.strip()) {
                case "latest" -> CallSettings.Binding.LATEST;
                case "deployment" -> CallSettings.Binding.DEPLOYMENT;
                case "version" -> CallSettings.Binding.VERSION;
                case "versionTag" -> CallSettings.Binding.VERSION_TAG;
                default -> null;
            };
            if (binding == null) {
                w.keepAttribute(ns, "calledElementBinding", w.doc.display(ns, "calledElementBinding") + "=\"" + b
                        + "\" is kept but not used: Baton knows latest, deployment, version and versionTag");
            } else {
                w.take(ns, "calledElementBinding");
                if (binding == CallSettings.Binding.VERSION) version = w.take(ns, "calledElementVersion");
                if (binding == CallSettings.Binding.VERSION_TAG) version = w.take(ns, "calledElementVersionTag");
            }
        }
        Passing passing = liftPassing(w);
        if (binding == null && passing == null) return null;
        if (passing == null) passing = new Passing(false, false, null, List.of(), List.of());
        return new CallSettings(binding, version, passing.businessKey, passing.allIn, passing.allOut, passing.inputs, passing.outputs,
                passing.allInLocal, passing.allOutLocal);
    }

    record Passing(boolean allIn, boolean allOut, Expression businessKey, List<VariableMapping> inputs, List<VariableMapping> outputs,
                   boolean allInLocal, boolean allOutLocal) {
        Passing(boolean allIn, boolean allOut, Expression businessKey, List<VariableMapping> inputs, List<VariableMapping> outputs) {
            this(allIn, allOut, businessKey, inputs, outputs, false, false);
        }
    }

    /** Whether this namespace's in/out mappings take local="true" (Camunda 7 does, Flowable does not). */
    boolean mapsLocal() { return false; }

    /** The in/out elements, all of them or none: a mapping Baton cannot honour would change what the called process sees. */
    Passing liftPassing(Work w) {
        List<Work.Found> ins = w.find(ns, "in");
        List<Work.Found> outs = w.find(ns, "out");
        if (ins.isEmpty() && outs.isEmpty()) return null;
        boolean allIn = false, allOut = false, allInLocal = false, allOutLocal = false;
        Expression businessKey = null;
        List<VariableMapping> inputs = new ArrayList<>(), outputs = new ArrayList<>();
        List<Work.Found> all = new ArrayList<>(ins);
        all.addAll(outs);
        for (Work.Found f : all) {
            boolean in = f.fragment().localName().equals("in");
            String problem = null;
            Element e = f.element();
            if (e == null) problem = "is not well-formed XML";
            else {
                List<String> names = new ArrayList<>(Xml.attributeNames(e));
                String variables = Xml.attr(e, "variables"), source = Xml.attr(e, "source"),
                        sourceExpression = Xml.attr(e, "sourceExpression"), target = Xml.attr(e, "target"),
                        key = Xml.attr(e, "businessKey"), localText = mapsLocal() ? Xml.attr(e, "local") : null;
                if (localText != null) names.remove("local");
                boolean local = "true".equals(localText);
                if (!Xml.children(e).isEmpty()) problem = "has child elements";
                else if (localText != null && !localText.equals("true") && !localText.equals("false")) {
                    problem = "has local=\"" + localText + "\", which is not true or false";
                } else if (variables != null && names.equals(List.of("variables")) && variables.equals("all")) {
                    if (in && local) allInLocal = true;
                    else if (in) allIn = true;
                    else if (local) allOutLocal = true;
                    else allOut = true;
                } else if (in && key != null && names.equals(List.of("businessKey"))) {
                    businessKey = Exprs.juel(key);
                } else if (target != null && source != null && names.size() == 2) {
                    (in ? inputs : outputs).add(new VariableMapping(target, new Expression("${" + source + "}", Expression.Language.JUEL), local));
                } else if (target != null && sourceExpression != null && names.size() == 2) {
                    (in ? inputs : outputs).add(new VariableMapping(target, Exprs.juel(sourceExpression), local));
                } else {
                    problem = "has attributes " + names + " that Baton does not map (it maps source or sourceExpression with target, variables=\"all\" and businessKey"
                            + (mapsLocal() ? ", each with local" : "") + ")";
                }
            }
            if (problem != null) {
                String what = w.doc.display(ns, f.fragment().localName());
                for (Work.Found k : all) {
                    w.keep(k.fragment(), "the " + w.doc.display(ns, "in") + "/" + w.doc.display(ns, "out")
                            + " variable mappings are kept but not used: one " + what + " " + problem);
                }
                return null;
            }
        }
        for (Work.Found f : all) w.remove(f.fragment());
        return new Passing(allIn, allOut, businessKey, inputs, outputs, allInLocal, allOutLocal);
    }

    boolean lowerCall(CallSettings c, Work w) {
        if (!Exprs.isJuel(c.businessKey())) return false;
        for (VariableMapping m : concat(c.inputs(), c.outputs())) {
            if (m.source() == null || m.target() == null || !Exprs.isJuel(m.source())) return false;
        }
        if (c.version() != null && c.binding() != CallSettings.Binding.VERSION && c.binding() != CallSettings.Binding.VERSION_TAG) return false;
        if (c.usesLocal() && !mapsLocal()) return false;
        if (w.hasElement(ns, "in") || w.hasElement(ns, "out") || w.has(ns, "calledElementBinding")) return false;
        if (!lowerOwnCall(c, w)) return false;
        if (c.binding() != CallSettings.Binding.LATEST) {
            w.put(ns, "calledElementBinding", switch (c.binding()) {
                case DEPLOYMENT -> "deployment";
                case VERSION -> "version";
                case VERSION_TAG -> "versionTag";
                case LATEST -> "latest";
            });
            if (c.version() != null) {
                w.put(ns, c.binding() == CallSettings.Binding.VERSION ? "calledElementVersion" : "calledElementVersionTag", c.version());
            }
        }
        writePassing(c, w);
        return true;
    }

    /** Checks or writes what only the subclass says about a call; false when it cannot. */
    boolean lowerOwnCall(CallSettings c, Work w) { return true; }

    void writePassing(CallSettings c, Work w) {
        if (c.allIn()) w.add(ns, new Xml.Out("in").attr("variables", "all"));
        if (c.businessKey() != null) w.add(ns, new Xml.Out("in").attr("businessKey", c.businessKey().text()));
        for (VariableMapping m : c.inputs()) w.add(ns, mapping("in", m));
        if (c.allInLocal()) w.add(ns, new Xml.Out("in").attr("variables", "all").attr("local", "true"));
        if (c.allOut()) w.add(ns, new Xml.Out("out").attr("variables", "all"));
        if (c.allOutLocal()) w.add(ns, new Xml.Out("out").attr("variables", "all").attr("local", "true"));
        for (VariableMapping m : c.outputs()) w.add(ns, mapping("out", m));
    }

    static Xml.Out mapping(String local, VariableMapping m) {
        Matcher v = VARIABLE.matcher(m.source().text());
        if (m.source().language() == Expression.Language.JUEL && v.matches()) {
            return new Xml.Out(local).attr("source", v.group(1)).attr("target", m.target()).attr("local", m.local() ? "true" : null);
        }
        return new Xml.Out(local).attr("sourceExpression", m.source().text()).attr("target", m.target()).attr("local", m.local() ? "true" : null);
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    // ---- multi-instance ----

    @Override
    public void liftLoop(Work w, Settings.Loop s) {
        if (s.collection != null || s.elementVariable != null) return;
        String collection = w.take(ns, "collection");
        String element = w.take(ns, "elementVariable");
        if (collection != null) s.collection = Exprs.juel(collection);
        if (element != null) s.elementVariable = element;
    }

    @Override
    public void lowerLoop(Settings.Loop s, Work w) {
        if (s.outputCollection != null || s.outputElement != null || !Exprs.isJuel(s.collection)) return;
        if (w.has(ns, "collection") || w.has(ns, "elementVariable")) return;
        if (s.collection != null) w.put(ns, "collection", s.collection.text());
        if (s.elementVariable != null) w.put(ns, "elementVariable", s.elementVariable);
        s.collection = null;
        s.elementVariable = null;
    }
}
