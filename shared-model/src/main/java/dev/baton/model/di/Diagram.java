package dev.baton.model.di;

import dev.baton.model.Extensions;
import java.util.List;

/** A BPMNDiagram: one plane and the label styles it uses. */
public record Diagram(String id, String name, String documentation, Double resolution, Plane plane, List<LabelStyle> labelStyles,
                      Extensions extensions) {
    public Diagram {
        labelStyles = labelStyles == null ? List.of() : List.copyOf(labelStyles);
        extensions = Extensions.orNone(extensions);
    }

    public Diagram withPlane(Plane newPlane) {
        return new Diagram(id, name, documentation, resolution, newPlane, labelStyles, extensions);
    }
}
