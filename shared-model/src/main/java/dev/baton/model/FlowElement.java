package dev.baton.model;

import java.util.List;

/** Anything that lives inside a process or subprocess: nodes, sequence flows, data objects and references. */
public sealed interface FlowElement
        permits FlowNode, SequenceFlow, DataObject, DataObjectReference, DataStoreReference {
    String id();

    String name();

    List<Documentation> documentation();

    Extensions extensions();
}
