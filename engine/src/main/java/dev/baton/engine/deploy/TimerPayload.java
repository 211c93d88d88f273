package dev.baton.engine.deploy;

import dev.baton.engine.runtime.TimerSchedule;

/** A timer job's payload: how often it still repeats and at what interval. */
public final class TimerPayload {
    private TimerPayload() {}

    public static String of(TimerSchedule s) {
        return "{\"repeats\":" + s.repeats() + ",\"intervalMs\":" + (s.interval() == null ? "null" : s.interval().toMillis())
                + ",\"dueAt\":" + s.dueAt() + "}";
    }
}
