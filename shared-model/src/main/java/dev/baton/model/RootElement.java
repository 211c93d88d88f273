package dev.baton.model;

/** Top-level children of bpmn:definitions. */
public sealed interface RootElement
        permits Process, Collaboration, GlobalElement, RootElement.Unmodelled {
    String id();

    /** A root element Baton keeps as XML (interface, resource, correlationProperty, choreography, ...). */
    record Unmodelled(String id, XmlFragment xml) implements RootElement {}
}
