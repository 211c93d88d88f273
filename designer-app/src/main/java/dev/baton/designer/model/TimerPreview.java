package dev.baton.designer.model;

import dev.baton.model.EventDefinition;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Says in words when a timer fires, with its next times, as the properties panel shows while typing. */
public final class TimerPreview {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private TimerPreview() {}

    /** A sentence about the timer, or an error starting with "Not a valid". */
    public static String describe(EventDefinition.TimerKind kind, String value, ZonedDateTime now) {
        if (value == null || value.isBlank()) return "Enter a " + switch (kind) {
            case DATE -> "date like 2026-12-24T09:00:00Z";
            case CYCLE -> "cycle like R3/PT10M";
            default -> "duration like PT15M or P2D";
        } + ".";
        String v = value.strip();
        if (v.contains("${") || v.startsWith("=")) return "Computed when the token arrives, from the expression " + v + ".";
        try {
            switch (kind) {
                case DATE -> {
                    ZonedDateTime at = OffsetDateTime.parse(v).atZoneSameInstant(now.getZone());
                    Duration until = Duration.between(now, at);
                    return "Fires once at " + WHEN.format(at) + (until.isNegative() ? " (in the past)." : " (in " + words(until) + ").");
                }
                case CYCLE -> {
                    if (!v.startsWith("R")) return cron(v);
                    String[] parts = v.split("/");
                    String reps = parts[0].substring(1);
                    String dur = parts[parts.length - 1];
                    Duration step = parse(dur);
                    List<String> next = new ArrayList<>();
                    ZonedDateTime t = now;
                    int count = reps.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(reps);
                    for (int i = 0; i < Math.min(3, count); i++) {
                        t = t.plus(step);
                        next.add(WHEN.format(t));
                    }
                    return "Fires every " + words(step) + (reps.isEmpty() ? ", without end" : ", " + count + " time" + (count == 1 ? "" : "s"))
                            + ". Next: " + String.join("; ", next) + ".";
                }
                default -> {
                    Duration d = parse(v);
                    return "Fires " + words(d) + " after the token arrives (if now: " + WHEN.format(now.plus(d)) + ").";
                }
            }
        } catch (DateTimeParseException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return "Not a valid ISO 8601 " + kind.name().toLowerCase(Locale.ROOT) + ": " + v;
        }
    }

    public static String describe(EventDefinition.TimerKind kind, String value) {
        return describe(kind, value, ZonedDateTime.now(ZoneId.systemDefault()));
    }

    static Duration parse(String iso) {
        int t = iso.indexOf('T');
        if (t < 0) return Duration.ofDays(Period.parse(iso).toTotalMonths() * 30 + Period.parse(iso).getDays());
        String datePart = iso.substring(0, t);
        Duration d = Duration.parse("PT" + iso.substring(t + 1));
        if (datePart.length() > 1) {
            Period p = Period.parse(datePart);
            d = d.plusDays(p.toTotalMonths() * 30 + p.getDays());
        }
        return d;
    }

    static String words(Duration d) {
        long s = Math.abs(d.getSeconds());
        List<String> parts = new ArrayList<>();
        long days = s / 86400, hours = s % 86400 / 3600, minutes = s % 3600 / 60, seconds = s % 60;
        if (days > 0) parts.add(days + (days == 1 ? " day" : " days"));
        if (hours > 0) parts.add(hours + (hours == 1 ? " hour" : " hours"));
        if (minutes > 0) parts.add(minutes + (minutes == 1 ? " minute" : " minutes"));
        if (seconds > 0 || parts.isEmpty()) parts.add(seconds + (seconds == 1 ? " second" : " seconds"));
        return String.join(" ", parts);
    }

    private static String cron(String v) {
        String[] f = v.split("\\s+");
        if (f.length < 6 || f.length > 7) return "Not a valid ISO 8601 cycle or cron expression: " + v;
        return "Cron schedule: second " + f[0] + ", minute " + f[1] + ", hour " + f[2] + ", day of month " + f[3] + ", month " + f[4]
                + ", day of week " + f[5] + ".";
    }
}
