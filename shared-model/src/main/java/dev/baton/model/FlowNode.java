package dev.baton.model;

/** A node tokens pass through: an event, an activity or a gateway. */
public sealed interface FlowNode extends FlowElement permits Event, Activity, Gateway {
    ElementKind kind();
}
