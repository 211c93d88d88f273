package dev.baton.model.api;

import java.util.List;

/** Where a signal went: the instances whose waiting events caught it, and the instances it started. */
public record SignalResult(String name, List<String> caughtBy, List<String> started) {
    public SignalResult {
        caughtBy = caughtBy == null ? List.of() : List.copyOf(caughtBy);
        started = started == null ? List.of() : List.copyOf(started);
    }
}
