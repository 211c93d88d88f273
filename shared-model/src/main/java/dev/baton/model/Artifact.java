package dev.baton.model;

import java.util.List;

/** Text annotations, associations and groups: what explains a diagram without changing how it runs. */
public sealed interface Artifact {
    String id();

    Extensions extensions();

    List<Documentation> documentation();

    record TextAnnotation(String id, String text, String textFormat, List<Documentation> documentation, Extensions extensions)
            implements Artifact {
        public TextAnnotation {
            documentation = documentation == null ? List.of() : List.copyOf(documentation);
            extensions = Extensions.orNone(extensions);
        }
    }

    /** direction is None, One or Both. */
    record Association(String id, String sourceRef, String targetRef, String direction, List<Documentation> documentation,
                       Extensions extensions) implements Artifact {
        public Association {
            documentation = documentation == null ? List.of() : List.copyOf(documentation);
            extensions = Extensions.orNone(extensions);
        }
    }

    record Group(String id, String categoryValueRef, List<Documentation> documentation, Extensions extensions) implements Artifact {
        public Group {
            documentation = documentation == null ? List.of() : List.copyOf(documentation);
            extensions = Extensions.orNone(extensions);
        }
    }
}
