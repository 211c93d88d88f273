package dev.baton.model;

import java.util.List;

public record LaneSet(String id, String name, List<Lane> lanes, Extensions extensions) {
    public LaneSet {
        lanes = lanes == null ? List.of() : List.copyOf(lanes);
        extensions = Extensions.orNone(extensions);
    }
}
