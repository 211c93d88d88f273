package dev.baton.engine.runtime;

import dev.baton.model.EventDefinition.TimerKind;
import dev.baton.model.validation.TimerValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * When a timer fires: an ISO 8601 date, a duration from now, or a repeating cycle (R3/PT10S, R/PT1M,
 * R2/2026-01-01T10:00:00Z/PT1H), as the engine stores it with a timer job.
 *
 * @param dueAt     the first time it fires, epoch milliseconds
 * @param repeats   how many more times a cycle fires after this one; -1 for ever, 0 for a single timer
 * @param interval  the cycle's interval, or null
 */
public record TimerSchedule(long dueAt, int repeats, Duration interval) {

    /** Parses a timer value (read by the validator's ISO 8601 {@link TimerValue}); the exception says what is wrong. */
    public static TimerSchedule parse(TimerKind kind, String value, long now) {
        TimerValue tv = TimerValue.parse(kind, value == null ? null : value.strip());
        Instant first = tv.firstDue(Instant.ofEpochMilli(now));
        if (first == null) throw new IllegalArgumentException("the timer '" + value + "' never fires");
        if (tv instanceof TimerValue.Cycle c) {
            Instant second = c.interval().addTo(first);
            return new TimerSchedule(first.toEpochMilli(), c.repetitions() < 0 ? -1 : Math.max(0, c.repetitions() - 1),
                    Duration.between(first, second));
        }
        return new TimerSchedule(first.toEpochMilli(), 0, null);
    }

    /** The next firing of a cycle after this one, or null when it is used up. */
    public TimerSchedule next() {
        if (interval == null || repeats == 0) return null;
        return new TimerSchedule(dueAt + interval.toMillis(), repeats < 0 ? -1 : repeats - 1, interval);
    }

    /** Milliseconds of a duration such as PT10S, P1D or P1M (months counted from {@code from}). */
    public static long parseDuration(String v, long from) {
        try {
            return Duration.parse(v).toMillis();
        } catch (DateTimeParseException e) {
            int t = v.indexOf('T');
            try {
                Period p = Period.parse(t < 0 ? v : v.substring(0, t));
                Duration rest = t < 0 ? Duration.ZERO : Duration.parse("P" + v.substring(t));
                ZonedDateTime start = Instant.ofEpochMilli(from).atZone(ZoneId.systemDefault());
                return Duration.between(start, start.plus(p)).plus(rest).toMillis();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("'" + v + "' is not an ISO 8601 duration such as PT10S or P1D");
            }
        }
    }
}
