package dev.baton.model.di;

import dev.baton.model.Extensions;

/**
 * A BPMNShape. Boolean flags are null when the file did not say.
 *
 * @param expanded      isExpanded of subprocesses and call activities
 * @param horizontal    isHorizontal of pools and lanes
 * @param markerVisible isMarkerVisible of exclusive gateways (the X)
 * @param participantBandKind and choreographyActivityShape: choreography attributes, kept
 */
public record Shape(String id, String elementRef, Bounds bounds, Boolean expanded, Boolean horizontal, Boolean markerVisible,
                    Boolean messageVisible, String participantBandKind, String choreographyActivityShape,
                    Label label, Extensions extensions) implements DiagramElement {
    public Shape { extensions = Extensions.orNone(extensions); }

    public static Shape of(String id, String elementRef, Bounds bounds) {
        return new Shape(id, elementRef, bounds, null, null, null, null, null, null, null, null);
    }

    public Shape withBounds(Bounds newBounds) {
        return new Shape(id, elementRef, newBounds, expanded, horizontal, markerVisible, messageVisible, participantBandKind,
                choreographyActivityShape, label, extensions);
    }

    public Shape withLabel(Label newLabel) {
        return new Shape(id, elementRef, bounds, expanded, horizontal, markerVisible, messageVisible, participantBandKind,
                choreographyActivityShape, newLabel, extensions);
    }

    public Shape withExpanded(Boolean newExpanded) {
        return new Shape(id, elementRef, bounds, newExpanded, horizontal, markerVisible, messageVisible, participantBandKind,
                choreographyActivityShape, label, extensions);
    }
}
