package dev.baton.model.api;

import java.util.List;

/** One page of a longer list: items from offset, at most limit of them, total in all. */
public record Page<T>(List<T> items, long total, int offset, int limit) {
    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
