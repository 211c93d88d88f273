package dev.baton.model;

import java.util.List;

/** A lane; nested lanes live in childLaneSet. */
public record Lane(String id, String name, List<String> flowNodeRefs, LaneSet childLaneSet, String partitionElementRef,
                   List<Documentation> documentation, Extensions extensions) {
    public Lane {
        flowNodeRefs = flowNodeRefs == null ? List.of() : List.copyOf(flowNodeRefs);
        documentation = documentation == null ? List.of() : List.copyOf(documentation);
        extensions = Extensions.orNone(extensions);
    }

    public List<Lane> childLanes() {
        return childLaneSet == null ? List.of() : childLaneSet.lanes();
    }
}
