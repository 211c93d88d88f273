package dev.baton.model;

import java.util.List;

/** Pools (participants) and the message flows between them. */
public record Collaboration(
        String id,
        String name,
        boolean closed,
        List<Participant> participants,
        List<MessageFlow> messageFlows,
        List<Artifact> artifacts,
        List<Documentation> documentation,
        Extensions extensions) implements RootElement {

    public Collaboration {
        participants = participants == null ? List.of() : List.copyOf(participants);
        messageFlows = messageFlows == null ? List.of() : List.copyOf(messageFlows);
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        documentation = documentation == null ? List.of() : List.copyOf(documentation);
        extensions = Extensions.orNone(extensions);
    }

    /** A pool; processRef is null for a black-box pool. */
    public record Participant(String id, String name, String processRef, List<Documentation> documentation, Extensions extensions) {
        public Participant {
            documentation = documentation == null ? List.of() : List.copyOf(documentation);
            extensions = Extensions.orNone(extensions);
        }
    }

    public record MessageFlow(String id, String name, String sourceRef, String targetRef, String messageRef,
                              List<Documentation> documentation, Extensions extensions) {
        public MessageFlow {
            documentation = documentation == null ? List.of() : List.copyOf(documentation);
            extensions = Extensions.orNone(extensions);
        }
    }
}
