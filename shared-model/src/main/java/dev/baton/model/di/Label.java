package dev.baton.model.di;

import dev.baton.model.Extensions;

/** A BPMNLabel: where the element's name is drawn (bounds may be null) and which label style it uses. */
public record Label(Bounds bounds, String labelStyle, Extensions extensions) {
    public Label { extensions = Extensions.orNone(extensions); }
}
