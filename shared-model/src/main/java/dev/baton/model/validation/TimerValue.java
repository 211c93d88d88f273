package dev.baton.model.validation;

import dev.baton.model.EventDefinition.TimerKind;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A BPMN timer value in ISO 8601, as timeDate, timeDuration or timeCycle hold it, and when it fires.
 *
 * <ul>
 *   <li>date: a date-time, e.g. {@code 2026-03-01T09:00:00Z}; without an offset it is read as UTC</li>
 *   <li>duration: {@code PnYnMnWnDTnHnMnS}, e.g. {@code PT15M}, {@code P2W}, {@code P1DT12H}, {@code PT0.5S}</li>
 *   <li>cycle: {@code R[n]/duration}, {@code R[n]/start/duration}, {@code R[n]/duration/end}, {@code R[n]/start/end}
 *       and {@code R[n]/start/duration/end}; {@code R} without a count repeats until the end (or forever)</li>
 * </ul>
 * Calendar units (years, months, weeks, days) are added in UTC. Expressions ({@code ${...}}, {@code #{...}},
 * {@code =...}) are evaluated by the engine first; {@link #isExpression} tells them apart.
 */
public sealed interface TimerValue {

    /**
     * Fire times strictly after {@code from}, at most {@code count} of them: one for a date still ahead, one for a delay
     * (from + duration), the remaining repetitions of a cycle (fires before {@code from} count as used up).
     */
    List<Instant> nextFireTimes(Instant from, int count);

    /** When a timer set at {@code setAt} is first due; a date already passed is due at once (its own date). Null when never. */
    Instant firstDue(Instant setAt);

    /** A single point in time (timeDate). */
    record Date(Instant at) implements TimerValue {
        public List<Instant> nextFireTimes(Instant from, int count) {
            return count > 0 && at.isAfter(from) ? List.of(at) : List.of();
        }

        public Instant firstDue(Instant setAt) { return at; }
    }

    /** A wait measured from when the timer is set (timeDuration). */
    record Delay(Span span) implements TimerValue {
        public List<Instant> nextFireTimes(Instant from, int count) {
            return count > 0 ? List.of(span.addTo(from)) : List.of();
        }

        public Instant firstDue(Instant setAt) { return span.addTo(setAt); }
    }

    /**
     * A repeating timer (timeCycle).
     *
     * @param repetitions how many times it fires in all, or -1 for no limit
     * @param start       the first fire time, or null to start one interval after the timer is set
     * @param interval    the time between fires
     * @param end         no fire after this instant, or null
     */
    record Cycle(int repetitions, Instant start, Span interval, Instant end) implements TimerValue {
        public Cycle {
            if (interval == null || interval.isZero()) throw new IllegalArgumentException("a timer cycle needs an interval longer than zero");
        }

        public List<Instant> nextFireTimes(Instant from, int count) {
            List<Instant> out = new ArrayList<>();
            if (count <= 0 || repetitions == 0) return out;
            Instant t = start != null ? start : interval.addTo(from);
            long fired = 0; // fires of the series before t
            if (start != null && interval.period().isZero() && t.isBefore(from)) {
                // skip ahead arithmetically: a cycle from long ago with a short interval would loop for ages
                long behind = Duration.between(t, from).dividedBy(interval.time());
                t = t.plus(interval.time().multipliedBy(behind));
                fired = behind;
            }
            while (out.size() < count) {
                if (repetitions >= 0 && fired >= repetitions) break;
                if (end != null && t.isAfter(end)) break;
                if (t.isAfter(from)) out.add(t);
                t = interval.addTo(t);
                fired++;
            }
            return out;
        }

        public Instant firstDue(Instant setAt) {
            if (start != null && !start.isBefore(setAt) && repetitions != 0 && (end == null || !start.isAfter(end))) return start;
            List<Instant> next = nextFireTimes(setAt, 1);
            return next.isEmpty() ? null : next.get(0);
        }
    }

    /** An ISO 8601 duration: calendar part (years, months, days; weeks become days) and clock part. */
    record Span(Period period, Duration time) {
        public Span {
            period = period == null ? Period.ZERO : period;
            time = time == null ? Duration.ZERO : time;
        }

        public boolean isZero() { return period.isZero() && time.isZero(); }

        public Instant addTo(Instant instant) {
            return instant.atZone(ZoneOffset.UTC).plus(period).plus(time).toInstant();
        }
    }

    /** Whether the engine must evaluate the text before it is a timer value: {@code ${...}}, {@code #{...}} or {@code =...}. */
    static boolean isExpression(String text) {
        if (text == null) return false;
        String t = text.strip();
        return t.startsWith("=") || t.contains("${") || t.contains("#{");
    }

    /**
     * Reads a timer value of the given kind.
     *
     * @throws IllegalArgumentException with a message saying what is wrong and what a valid value looks like
     */
    static TimerValue parse(TimerKind kind, String text) {
        if (kind == null || kind == TimerKind.NONE) throw new IllegalArgumentException("the timer says neither a date, a duration nor a cycle");
        return switch (kind) {
            case DATE -> parseDate(text);
            case DURATION -> parseDuration(text);
            case CYCLE -> parseCycle(text);
            case NONE -> throw new IllegalStateException("unreachable");
        };
    }

    static Date parseDate(String text) {
        String t = required(text, "date");
        try {
            return new Date(instant(t));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + t + "' is not an ISO 8601 date-time such as 2026-03-01T09:00:00Z");
        }
    }

    static Delay parseDuration(String text) {
        String t = required(text, "duration");
        return new Delay(span(t));
    }

    static Cycle parseCycle(String text) {
        String t = required(text, "cycle");
        String[] parts = t.split("/", -1);
        Matcher r = Pattern.compile("R(\\d*)").matcher(parts[0]);
        if (!r.matches()) {
            String hint = t.contains(" ") ? " (cron expressions are not supported; write e.g. R/PT5M for every five minutes)" : "";
            throw new IllegalArgumentException("'" + t + "' is not an ISO 8601 repeating interval such as R3/PT10M or R/2026-03-01T09:00:00Z/P1D" + hint);
        }
        int repetitions;
        try {
            repetitions = r.group(1).isEmpty() ? -1 : Integer.parseInt(r.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + parts[0] + "' repeats too often to count");
        }
        Instant start = null, end = null;
        Span interval = null;
        try {
            switch (parts.length) {
                case 2 -> interval = span(parts[1]);
                case 3 -> {
                    boolean firstIsSpan = parts[1].startsWith("P"), secondIsSpan = parts[2].startsWith("P");
                    if (firstIsSpan && secondIsSpan) throw new IllegalArgumentException("'" + t + "' gives two durations; give one duration and at most a start and an end");
                    if (firstIsSpan) {
                        interval = span(parts[1]);
                        end = instant(parts[2]);
                    } else if (secondIsSpan) {
                        start = instant(parts[1]);
                        interval = span(parts[2]);
                    } else {
                        start = instant(parts[1]);
                        end = instant(parts[2]);
                        if (!end.isAfter(start)) throw new IllegalArgumentException("in '" + t + "' the end is not after the start");
                        interval = new Span(Period.ZERO, Duration.between(start, end));
                    }
                }
                case 4 -> {
                    start = instant(parts[1]);
                    interval = span(parts[2]);
                    end = instant(parts[3]);
                }
                default -> throw new IllegalArgumentException("'" + t + "' is not an ISO 8601 repeating interval such as R3/PT10M or R/2026-03-01T09:00:00Z/P1D");
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + t + "' holds a date that is not an ISO 8601 date-time such as 2026-03-01T09:00:00Z");
        }
        if (interval.isZero()) throw new IllegalArgumentException("'" + t + "' repeats every zero seconds; give an interval longer than zero");
        if (start != null && end != null && end.isBefore(start)) throw new IllegalArgumentException("in '" + t + "' the end comes before the start");
        return new Cycle(repetitions, start, interval, end);
    }

    private static String required(String text, String what) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("the timer " + what + " is empty");
        return text.strip();
    }

    private static Instant instant(String text) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
        return parsed instanceof ZonedDateTime z ? z.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    private static Span span(String text) {
        Matcher m = Pattern.compile("P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:[.,]\\d+)?)S)?)?")
                .matcher(text);
        boolean anyDate = m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null || m.group(4) != null);
        boolean anyTime = m.matches() && (m.group(6) != null || m.group(7) != null || m.group(8) != null);
        if (!m.matches() || (!anyDate && !anyTime) || (m.group(5) != null && !anyTime)) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO 8601 duration such as PT10M, P1DT12H or P2W");
        }
        try {
            Period period = Period.of(Math.toIntExact(number(m.group(1))), Math.toIntExact(number(m.group(2))),
                    Math.toIntExact(Math.addExact(Math.multiplyExact(number(m.group(3)), 7), number(m.group(4)))));
            Duration time = Duration.ofHours(number(m.group(6))).plusMinutes(number(m.group(7)));
            if (m.group(8) != null) {
                BigDecimal seconds = new BigDecimal(m.group(8).replace(',', '.'));
                time = time.plusNanos(seconds.movePointRight(9).longValueExact());
            }
            Span span = new Span(period, time);
            span.addTo(Instant.EPOCH); // fails here, not when the engine sets the timer, if it leaves the calendar
            return span;
        } catch (ArithmeticException | DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
    }

    private static long number(String digits) { return digits == null ? 0 : Long.parseLong(digits); }
}
