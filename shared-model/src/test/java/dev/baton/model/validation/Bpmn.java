package dev.baton.model.validation;

import dev.baton.model.Activity;
import dev.baton.model.ActivitySettings;
import dev.baton.model.Artifact;
import dev.baton.model.CallActivity;
import dev.baton.model.Collaboration;
import dev.baton.model.Definitions;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.Expression;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowElement;
import dev.baton.model.Gateway;
import dev.baton.model.Lane;
import dev.baton.model.LaneSet;
import dev.baton.model.Process;
import dev.baton.model.RootElement;
import dev.baton.model.SequenceFlow;
import dev.baton.model.SubProcess;
import dev.baton.model.Task;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Diagram;
import dev.baton.model.di.DiagramElement;
import dev.baton.model.di.Edge;
import dev.baton.model.di.Plane;
import dev.baton.model.di.Point;
import dev.baton.model.di.Shape;
import dev.baton.model.exec.Implementation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** A small builder for test documents, so a test reads like the diagram it describes. */
final class Bpmn {
    private Bpmn() {}

    /** A document with one executable process "Process_1". */
    static Definitions process(Consumer<Scope> body) {
        return doc().process("Process_1", true, body).build();
    }

    /** A document with one process not marked executable. */
    static Definitions sketch(Consumer<Scope> body) {
        return doc().process("Process_1", false, body).build();
    }

    static Doc doc() { return new Doc(); }

    static final class Doc {
        private final List<RootElement> roots = new ArrayList<>();
        private final List<DiagramElement> di = new ArrayList<>();
        private boolean diagram;

        Doc process(String id, boolean executable, Consumer<Scope> body) {
            Scope s = new Scope();
            body.accept(s);
            roots.add(new Process(id, null, executable, null, false, s.content(), null, null));
            return this;
        }

        Doc root(RootElement r) {
            roots.add(r);
            return this;
        }

        Doc message(String id, String name) { return root(new dev.baton.model.GlobalElement.Message(id, name, null, null, null, null)); }

        Doc signal(String id, String name) { return root(new dev.baton.model.GlobalElement.Signal(id, name, null, null)); }

        Doc error(String id, String name) { return root(new dev.baton.model.GlobalElement.Error(id, name, "E-" + id, null, null)); }

        Doc escalation(String id, String name) { return root(new dev.baton.model.GlobalElement.Escalation(id, name, "X-" + id, null, null)); }

        Doc pools(Collaboration.Participant... participants) {
            return root(new Collaboration("Collaboration_1", null, false, List.of(participants), null, null, null, null));
        }

        /** Adds a diagram (even an empty one) so shapes can be added. */
        Doc shape(String ref, double x, double y, double w, double h) {
            diagram = true;
            di.add(Shape.of("DI_" + ref, ref, new Bounds(x, y, w, h)));
            return this;
        }

        Doc expandedShape(String ref, double x, double y, double w, double h) {
            diagram = true;
            di.add(Shape.of("DI_" + ref, ref, new Bounds(x, y, w, h)).withExpanded(true));
            return this;
        }

        Doc edge(String ref) {
            diagram = true;
            di.add(Edge.of("DI_" + ref, ref, List.of(new Point(0, 0), new Point(10, 0))));
            return this;
        }

        Definitions build() {
            List<Diagram> diagrams = diagram
                    ? List.of(new Diagram("Diagram_1", null, null, null, new Plane("Plane_1", roots.get(0).id(), di, null), null, null))
                    : List.of();
            return Definitions.of("Definitions_1", roots, diagrams);
        }
    }

    static Collaboration.Participant pool(String id, String name, String processRef) {
        return new Collaboration.Participant(id, name, processRef, null, null);
    }

    /** The inside of a process or subprocess. */
    static final class Scope {
        private final List<FlowElement> elements = new ArrayList<>();
        private final List<Artifact> artifacts = new ArrayList<>();
        private final List<LaneSet> laneSets = new ArrayList<>();

        Scope add(FlowElement e) {
            elements.add(e);
            return this;
        }

        Scope start(String id) { return add(Event.of(id, "Start " + id, ElementKind.START_EVENT, null)); }

        Scope start(String id, EventDefinition def) { return add(Event.of(id, "Start " + id, ElementKind.START_EVENT, def)); }

        Scope end(String id) { return add(Event.of(id, "End " + id, ElementKind.END_EVENT, null)); }

        Scope end(String id, EventDefinition def) { return add(Event.of(id, "End " + id, ElementKind.END_EVENT, def)); }

        Scope catchEvent(String id, EventDefinition def) { return add(Event.of(id, "Wait " + id, ElementKind.INTERMEDIATE_CATCH_EVENT, def)); }

        Scope throwEvent(String id, EventDefinition def) { return add(Event.of(id, "Throw " + id, ElementKind.INTERMEDIATE_THROW_EVENT, def)); }

        Scope boundary(String id, String host, EventDefinition def) { return add(Event.boundary(id, "On " + id, host, true, def)); }

        Scope event(Event e) { return add(e); }

        Scope task(String id, String name) { return add(Task.of(id, name, ElementKind.TASK)); }

        Scope task(String id, String name, ElementKind kind) { return add(Task.of(id, name, kind)); }

        Scope service(String id, String name, Implementation impl) {
            return add(Task.of(id, name, ElementKind.SERVICE_TASK).withImplementation(impl));
        }

        Scope call(String id, String name, String calledElement) {
            return add(new CallActivity(id, name, calledElement, null, null, null, null));
        }

        Scope gateway(String id, String name, ElementKind kind) { return add(Gateway.of(id, name, kind)); }

        Scope sub(String id, String name, Consumer<Scope> body) { return sub(id, name, ElementKind.SUB_PROCESS, body); }

        Scope sub(String id, String name, ElementKind kind, Consumer<Scope> body) {
            Scope inner = new Scope();
            body.accept(inner);
            return add(new SubProcess(id, name, kind, inner.content(), null, null, null, null, null));
        }

        /** Sequence flows a -> b -> c ..., with ids Flow_a_b. */
        Scope chain(String... ids) {
            for (int i = 0; i + 1 < ids.length; i++) flow("Flow_" + ids[i] + "_" + ids[i + 1], ids[i], ids[i + 1]);
            return this;
        }

        Scope flow(String id, String source, String target) { return add(SequenceFlow.of(id, source, target)); }

        Scope when(String id, String source, String target, String condition) {
            return add(new SequenceFlow(id, "when " + condition, source, target, Expression.of(condition), null, null, null));
        }

        /** Changes an element already added. */
        Scope change(String id, UnaryOperator<FlowElement> change) {
            for (int i = 0; i < elements.size(); i++) {
                if (elements.get(i).id().equals(id)) {
                    elements.set(i, change.apply(elements.get(i)));
                    return this;
                }
            }
            throw new IllegalArgumentException("no element " + id + " in this scope");
        }

        /** Makes the flow the default of the gateway or activity. */
        Scope defaultFlow(String nodeId, String flowId) {
            return change(nodeId, e -> e instanceof Gateway g ? g.withDefaultFlow(flowId)
                    : withActivity((Activity) e, ((Activity) e).activity().withDefaultFlow(flowId)));
        }

        Scope forCompensation(String activityId) {
            return change(activityId, e -> {
                ActivitySettings s = ((Activity) e).activity();
                return withActivity((Activity) e, new ActivitySettings(true, s.defaultFlow(), s.loop(), s.asyncBefore(), s.asyncAfter(),
                        s.retries(), s.io(), s.dataInputAssociations(), s.dataOutputAssociations(), s.startQuantity(), s.completionQuantity()));
            });
        }

        Scope association(String id, String source, String target) {
            artifacts.add(new Artifact.Association(id, source, target, "One", null, null));
            return this;
        }

        Scope lane(String id, String name, String... nodes) {
            laneSets.add(new LaneSet("LaneSet_" + id, null, List.of(new Lane(id, name, List.of(nodes), null, null, null, null)), null));
            return this;
        }

        FlowContent content() { return new FlowContent(elements, artifacts, laneSets); }
    }

    static FlowElement withActivity(Activity a, ActivitySettings s) {
        if (a instanceof Task t) return t.withActivity(s);
        if (a instanceof CallActivity c) return new CallActivity(c.id(), c.name(), c.calledElement(), c.call(), s, c.documentation(), c.extensions());
        SubProcess sp = (SubProcess) a;
        return new SubProcess(sp.id(), sp.name(), sp.kind(), sp.content(), s, sp.adHoc(), sp.transactionMethod(), sp.documentation(), sp.extensions());
    }

    // event definitions, short

    static EventDefinition message(String ref) { return new EventDefinition.Message(null, ref, null, null); }

    static EventDefinition timer(EventDefinition.TimerKind kind, String value) {
        return new EventDefinition.Timer(null, kind, value == null ? null : Expression.of(value), null);
    }

    static EventDefinition signal(String ref) { return new EventDefinition.Signal(null, ref, null); }

    static EventDefinition error(String ref) { return new EventDefinition.Error(null, ref, null, null, null); }

    static EventDefinition escalation(String ref) { return new EventDefinition.Escalation(null, ref, null, null); }

    static EventDefinition link(String name) { return new EventDefinition.Link(null, name, null); }

    static EventDefinition terminate() { return new EventDefinition.Terminate(null, null); }

    static EventDefinition compensate() { return new EventDefinition.Compensate(null, null, null, null); }

    static EventDefinition conditional(String condition) {
        return new EventDefinition.Conditional(null, condition == null ? null : Expression.of(condition), null, null, null);
    }

    /** Runs every rule Baton knows (standard-size included) and keeps the problems of one rule. */
    static List<Problem> problems(Definitions d, String rule) {
        if (Validator.rule(rule).isEmpty()) throw new IllegalArgumentException("no rule " + rule);
        return new Validator(Validator.allRules()).validate(d).stream().filter(p -> p.rule().equals(rule)).toList();
    }

    static List<String> ids(List<Problem> problems) {
        return problems.stream().map(Problem::elementId).toList();
    }
}
