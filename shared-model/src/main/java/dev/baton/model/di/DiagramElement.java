package dev.baton.model.di;

import dev.baton.model.Extensions;

/** A shape or an edge of a plane; elementRef names the semantic element it draws. */
public sealed interface DiagramElement permits Shape, Edge {
    String id();

    String elementRef();

    Label label();

    Extensions extensions();
}
