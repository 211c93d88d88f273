package dev.baton.model.validation;

/** What a rule tells the validator: which element is wrong and why, in words a modeller understands. */
@FunctionalInterface
public interface Reporter {
    /** @param elementId the element the problem is about, or null for the whole document */
    void report(String elementId, String message);
}
