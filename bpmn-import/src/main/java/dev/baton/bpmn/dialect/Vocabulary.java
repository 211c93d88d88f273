package dev.baton.bpmn.dialect;

import dev.baton.model.exec.RetryPolicy;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One namespace's way of writing Baton's execution settings.
 * lift: reads what this namespace says into the settings that are still unset, and removes what it mapped.
 * lower: writes the settings this namespace can express exactly, and clears them from the settings.
 */
interface Vocabulary {
    String namespace();

    default void liftActivity(Work w, Settings.Activity s) {}

    default void lowerActivity(Settings.Activity s, Work w) {}

    default void liftEvent(Work w, Settings.Event s) {}

    default void lowerEvent(Settings.Event s, Work w) {}

    default void liftLoop(Work w, Settings.Loop s) {}

    default void lowerLoop(Settings.Loop s, Work w) {}

    default void liftMessage(Work w, Settings.Message s) {}

    default void lowerMessage(Settings.Message s, Work w) {}

    default void liftCaught(Work w, Settings.Caught s) {}

    default void lowerCaught(Settings.Caught s, Work w) {}

    Pattern REPEAT = Pattern.compile("R(\\d+)/(P\\S+)");

    /**
     * A Camunda 7 / Flowable failedJobRetryTimeCycle {@code R<n>/<duration>}, or null for other forms.
     * Both engines set a failed job's retries to n at its first failure and count down, so the job runs n times in
     * all: n is the number of attempts, the first included.
     */
    static RetryPolicy retryCycle(String text) {
        if (text == null) return null;
        Matcher m = REPEAT.matcher(text.strip());
        if (!m.matches()) return null;
        try {
            int attempts = Integer.parseInt(m.group(1));
            Duration wait = Duration.parse(m.group(2));
            if (attempts < 1 || wait.isNegative()) return null;
            return new RetryPolicy(attempts, text, wait, 1.0);
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    /** True when the policy is exactly what its retry cycle text says, so writing the text back loses nothing. */
    static boolean isRetryCycle(RetryPolicy p) {
        return p.retryCycle() != null && p.equals(retryCycle(p.retryCycle()));
    }
}
