package dev.baton.designer.model;

import dev.baton.model.ActivitySettings;
import dev.baton.model.Artifact;
import dev.baton.model.CallActivity;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowElement;
import dev.baton.model.FlowNode;
import dev.baton.model.Gateway;
import dev.baton.model.SubProcess;
import dev.baton.model.Task;
import dev.baton.model.di.Bounds;

import java.util.Arrays;
import java.util.List;

/** What the palette creates and "change type" offers: a node kind plus, for events, its trigger. */
public enum ElementType {
    START_EVENT("Start event", ElementKind.START_EVENT, null, Group.EVENT),
    MESSAGE_START_EVENT("Message start event", ElementKind.START_EVENT, "message", Group.EVENT),
    TIMER_START_EVENT("Timer start event", ElementKind.START_EVENT, "timer", Group.EVENT),
    SIGNAL_START_EVENT("Signal start event", ElementKind.START_EVENT, "signal", Group.EVENT),
    CONDITIONAL_START_EVENT("Conditional start event", ElementKind.START_EVENT, "conditional", Group.EVENT),
    INTERMEDIATE_THROW_EVENT("Intermediate throw event", ElementKind.INTERMEDIATE_THROW_EVENT, null, Group.EVENT),
    MESSAGE_CATCH_EVENT("Message intermediate catch event", ElementKind.INTERMEDIATE_CATCH_EVENT, "message", Group.EVENT),
    MESSAGE_THROW_EVENT("Message intermediate throw event", ElementKind.INTERMEDIATE_THROW_EVENT, "message", Group.EVENT),
    TIMER_CATCH_EVENT("Timer intermediate catch event", ElementKind.INTERMEDIATE_CATCH_EVENT, "timer", Group.EVENT),
    SIGNAL_CATCH_EVENT("Signal intermediate catch event", ElementKind.INTERMEDIATE_CATCH_EVENT, "signal", Group.EVENT),
    SIGNAL_THROW_EVENT("Signal intermediate throw event", ElementKind.INTERMEDIATE_THROW_EVENT, "signal", Group.EVENT),
    CONDITIONAL_CATCH_EVENT("Conditional intermediate catch event", ElementKind.INTERMEDIATE_CATCH_EVENT, "conditional", Group.EVENT),
    LINK_CATCH_EVENT("Link intermediate catch event", ElementKind.INTERMEDIATE_CATCH_EVENT, "link", Group.EVENT),
    LINK_THROW_EVENT("Link intermediate throw event", ElementKind.INTERMEDIATE_THROW_EVENT, "link", Group.EVENT),
    ESCALATION_THROW_EVENT("Escalation intermediate throw event", ElementKind.INTERMEDIATE_THROW_EVENT, "escalation", Group.EVENT),
    COMPENSATION_THROW_EVENT("Compensation intermediate throw event", ElementKind.INTERMEDIATE_THROW_EVENT, "compensate", Group.EVENT),
    END_EVENT("End event", ElementKind.END_EVENT, null, Group.EVENT),
    MESSAGE_END_EVENT("Message end event", ElementKind.END_EVENT, "message", Group.EVENT),
    ERROR_END_EVENT("Error end event", ElementKind.END_EVENT, "error", Group.EVENT),
    ESCALATION_END_EVENT("Escalation end event", ElementKind.END_EVENT, "escalation", Group.EVENT),
    SIGNAL_END_EVENT("Signal end event", ElementKind.END_EVENT, "signal", Group.EVENT),
    TERMINATE_END_EVENT("Terminate end event", ElementKind.END_EVENT, "terminate", Group.EVENT),
    TIMER_BOUNDARY_EVENT("Timer boundary event", ElementKind.BOUNDARY_EVENT, "timer", Group.BOUNDARY),
    MESSAGE_BOUNDARY_EVENT("Message boundary event", ElementKind.BOUNDARY_EVENT, "message", Group.BOUNDARY),
    ERROR_BOUNDARY_EVENT("Error boundary event", ElementKind.BOUNDARY_EVENT, "error", Group.BOUNDARY),
    SIGNAL_BOUNDARY_EVENT("Signal boundary event", ElementKind.BOUNDARY_EVENT, "signal", Group.BOUNDARY),
    ESCALATION_BOUNDARY_EVENT("Escalation boundary event", ElementKind.BOUNDARY_EVENT, "escalation", Group.BOUNDARY),
    CONDITIONAL_BOUNDARY_EVENT("Conditional boundary event", ElementKind.BOUNDARY_EVENT, "conditional", Group.BOUNDARY),
    COMPENSATION_BOUNDARY_EVENT("Compensation boundary event", ElementKind.BOUNDARY_EVENT, "compensate", Group.BOUNDARY),
    TASK("Task", ElementKind.TASK, null, Group.TASK),
    USER_TASK("User task", ElementKind.USER_TASK, null, Group.TASK),
    SERVICE_TASK("Service task", ElementKind.SERVICE_TASK, null, Group.TASK),
    SCRIPT_TASK("Script task", ElementKind.SCRIPT_TASK, null, Group.TASK),
    SEND_TASK("Send task", ElementKind.SEND_TASK, null, Group.TASK),
    RECEIVE_TASK("Receive task", ElementKind.RECEIVE_TASK, null, Group.TASK),
    MANUAL_TASK("Manual task", ElementKind.MANUAL_TASK, null, Group.TASK),
    BUSINESS_RULE_TASK("Business rule task", ElementKind.BUSINESS_RULE_TASK, null, Group.TASK),
    CALL_ACTIVITY("Call activity", ElementKind.CALL_ACTIVITY, null, Group.TASK),
    SUB_PROCESS("Subprocess (expanded)", ElementKind.SUB_PROCESS, null, Group.SUB_PROCESS),
    COLLAPSED_SUB_PROCESS("Subprocess (collapsed)", ElementKind.SUB_PROCESS, "collapsed", Group.TASK),
    EVENT_SUB_PROCESS("Event subprocess", ElementKind.EVENT_SUB_PROCESS, null, Group.SUB_PROCESS),
    TRANSACTION("Transaction", ElementKind.TRANSACTION, null, Group.SUB_PROCESS),
    EXCLUSIVE_GATEWAY("Exclusive gateway", ElementKind.EXCLUSIVE_GATEWAY, null, Group.GATEWAY),
    PARALLEL_GATEWAY("Parallel gateway", ElementKind.PARALLEL_GATEWAY, null, Group.GATEWAY),
    INCLUSIVE_GATEWAY("Inclusive gateway", ElementKind.INCLUSIVE_GATEWAY, null, Group.GATEWAY),
    EVENT_BASED_GATEWAY("Event-based gateway", ElementKind.EVENT_BASED_GATEWAY, null, Group.GATEWAY),
    COMPLEX_GATEWAY("Complex gateway", ElementKind.COMPLEX_GATEWAY, null, Group.GATEWAY),
    DATA_OBJECT("Data object", null, null, Group.DATA),
    DATA_STORE("Data store", null, null, Group.DATA),
    TEXT_ANNOTATION("Text annotation", null, null, Group.ARTIFACT),
    GROUP("Group", null, null, Group.ARTIFACT),
    POOL("Pool", null, null, Group.POOL);

    /** Which types can replace each other while keeping the element's flows. */
    public enum Group { EVENT, BOUNDARY, TASK, SUB_PROCESS, GATEWAY, DATA, ARTIFACT, POOL }

    private final String label;
    private final ElementKind kind;
    private final String trigger;
    private final Group group;

    ElementType(String label, ElementKind kind, String trigger, Group group) {
        this.label = label;
        this.kind = kind;
        this.trigger = trigger;
        this.group = group;
    }

    public String label() { return label; }

    public ElementKind kind() { return kind; }

    public Group group() { return group; }

    public boolean isFlowNode() { return kind != null; }

    /** The types the palette offers, in palette order. */
    public static List<ElementType> palette() {
        return List.of(START_EVENT, INTERMEDIATE_THROW_EVENT, END_EVENT, TIMER_BOUNDARY_EVENT, EXCLUSIVE_GATEWAY, PARALLEL_GATEWAY,
                TASK, USER_TASK, SERVICE_TASK, SUB_PROCESS, CALL_ACTIVITY, DATA_OBJECT, DATA_STORE, TEXT_ANNOTATION, GROUP, POOL);
    }

    /** Types the given element can be changed into, its own excluded. */
    public static List<ElementType> replacementsFor(Object element, boolean collapsed) {
        ElementType own = of(element, collapsed);
        if (own == null) return List.of();
        Group g = own.group == Group.SUB_PROCESS ? Group.SUB_PROCESS : own.group;
        return Arrays.stream(values()).filter(t -> t != own && (t.group == g
                || (own.group == Group.TASK && t == SUB_PROCESS) || (own.group == Group.SUB_PROCESS && t.group == Group.TASK))).toList();
    }

    /** The type of an existing element, or null when it has none of these types. */
    public static ElementType of(Object element, boolean collapsed) {
        if (element instanceof Event e) {
            String trig = triggerOf(e.definition());
            for (ElementType t : values()) if (t.kind == e.kind() && java.util.Objects.equals(t.trigger, trig)) return t;
            return null;
        }
        if (element instanceof SubProcess sp && sp.kind() == ElementKind.SUB_PROCESS) return collapsed ? COLLAPSED_SUB_PROCESS : SUB_PROCESS;
        if (element instanceof FlowNode n) {
            for (ElementType t : values()) if (t.kind == n.kind() && t.trigger == null) return t;
        }
        if (element instanceof dev.baton.model.DataObjectReference) return DATA_OBJECT;
        if (element instanceof dev.baton.model.DataStoreReference) return DATA_STORE;
        if (element instanceof Artifact.TextAnnotation) return TEXT_ANNOTATION;
        if (element instanceof Artifact.Group) return GROUP;
        return null;
    }

    static String triggerOf(EventDefinition d) {
        if (d == null) return null;
        if (d instanceof EventDefinition.Message) return "message";
        if (d instanceof EventDefinition.Timer) return "timer";
        if (d instanceof EventDefinition.Signal) return "signal";
        if (d instanceof EventDefinition.Error) return "error";
        if (d instanceof EventDefinition.Escalation) return "escalation";
        if (d instanceof EventDefinition.Compensate) return "compensate";
        if (d instanceof EventDefinition.Conditional) return "conditional";
        if (d instanceof EventDefinition.Link) return "link";
        if (d instanceof EventDefinition.Cancel) return "cancel";
        if (d instanceof EventDefinition.Terminate) return "terminate";
        return "reference";
    }

    /** The default size of a new shape of this type. */
    public Bounds defaultSize() {
        if (this == POOL) return new Bounds(0, 0, 600, 250);
        if (this == GROUP) return new Bounds(0, 0, 300, 300);
        if (this == TEXT_ANNOTATION) return new Bounds(0, 0, 100, 30);
        if (this == DATA_OBJECT) return new Bounds(0, 0, 36, 50);
        if (this == DATA_STORE) return new Bounds(0, 0, 50, 50);
        if (kind == null) return new Bounds(0, 0, 100, 80);
        if (kind.isEvent()) return new Bounds(0, 0, 36, 36);
        if (kind.isGateway()) return new Bounds(0, 0, 50, 50);
        if (kind.isSubProcess() && trigger == null) return new Bounds(0, 0, 350, 200);
        return new Bounds(0, 0, 100, 80);
    }

    /** Whether the shape is drawn expanded (subprocesses). */
    public boolean expanded() { return kind != null && kind.isSubProcess() && !"collapsed".equals(trigger); }

    /** A new flow node of this type; boundary events get their host from the caller. */
    public FlowNode createNode(String id, String name, String attachedTo) {
        if (kind == null) throw new IllegalStateException(label + " is not a flow node");
        if (kind.isEvent()) {
            EventDefinition def = definition("Def_" + id);
            return new Event(id, name, kind, def == null ? List.of() : List.of(def), true, attachedTo, false,
                    null, null, null, null, null, null);
        }
        if (kind.isTask()) return Task.of(id, name, kind);
        if (kind.isGateway()) return Gateway.of(id, name, kind);
        if (kind == ElementKind.CALL_ACTIVITY) return new CallActivity(id, name, null, null, null, null, null);
        return new SubProcess(id, name, kind, null, ActivitySettings.DEFAULT, null, null, null, null);
    }

    EventDefinition definition(String id) {
        if (trigger == null || "collapsed".equals(trigger)) return null;
        return switch (trigger) {
            case "message" -> new EventDefinition.Message(id, null, null, null);
            case "timer" -> new EventDefinition.Timer(id, EventDefinition.TimerKind.NONE, null, null);
            case "signal" -> new EventDefinition.Signal(id, null, null);
            case "error" -> new EventDefinition.Error(id, null, null, null, null);
            case "escalation" -> new EventDefinition.Escalation(id, null, null, null);
            case "compensate" -> new EventDefinition.Compensate(id, null, null, null);
            case "conditional" -> new EventDefinition.Conditional(id, null, null, null, null);
            case "link" -> new EventDefinition.Link(id, null, null);
            case "terminate" -> new EventDefinition.Terminate(id, null);
            default -> throw new IllegalStateException("unknown trigger " + trigger);
        };
    }

    /**
     * The element changed into this type, keeping id, name, documentation and what carries over
     * (a task's activity settings, a boundary event's host).
     */
    public FlowElement replace(FlowElement old) {
        String attached = old instanceof Event e ? e.attachedToRef() : null;
        FlowNode fresh = createNode(old.id(), old.name(), attached);
        if (old instanceof Event oe && fresh instanceof Event ne) {
            EventDefinition keep = ElementType.triggerOf(oe.definition()) != null
                    && java.util.Objects.equals(triggerOf(oe.definition()), trigger) ? oe.definition() : ne.definition();
            fresh = new Event(ne.id(), ne.name(), ne.kind(), keep == null ? List.of() : List.of(keep),
                    kind == ElementKind.BOUNDARY_EVENT ? oe.interrupting() : true, ne.attachedToRef(), false,
                    oe.dataInputAssociations(), oe.dataOutputAssociations(), oe.implementation(), oe.io(), oe.documentation(),
                    oe.extensions());
        } else if (old instanceof dev.baton.model.Activity oa && fresh instanceof dev.baton.model.Activity na) {
            fresh = Elements.withActivity(na, oa.activity());
            if (old instanceof Task ot && fresh instanceof Task nt) {
                fresh = new Task(nt.id(), nt.name(), nt.kind(), ot.activity(), ot.implementation(), ot.messageRef(), ot.script(),
                        ot.user(), ot.instantiate(), ot.documentation(), ot.extensions());
            } else if (old instanceof SubProcess os && fresh instanceof SubProcess ns) {
                fresh = new SubProcess(ns.id(), ns.name(), ns.kind(), os.content(), os.activity(), os.adHoc(), os.transactionMethod(),
                        os.documentation(), os.extensions());
            }
        } else if (old instanceof Gateway og && fresh instanceof Gateway ng) {
            String def = kind == ElementKind.PARALLEL_GATEWAY || kind == ElementKind.EVENT_BASED_GATEWAY ? null : og.defaultFlow();
            fresh = new Gateway(ng.id(), ng.name(), ng.kind(), def, og.direction(), false, null, null, og.documentation(), og.extensions());
        }
        if (fresh.documentation().isEmpty() && !old.documentation().isEmpty()) {
            fresh = (FlowNode) Elements.withDocumentation(fresh, old.documentation());
        }
        return fresh;
    }
}
