package dev.baton.model.validation;

/**
 * One finding about a document: which rule, how bad, which element, what is wrong in words a modeller understands.
 * line is 0 when unknown; the reader fills it from where the element stood in the file.
 */
public record Problem(String rule, Severity severity, String elementId, String message, int line) {
    public Problem {
        if (severity == null) throw new IllegalArgumentException("a problem needs a severity");
        if (message == null || message.isBlank()) throw new IllegalArgumentException("a problem needs a message");
    }

    public static Problem error(String rule, String elementId, String message) {
        return new Problem(rule, Severity.ERROR, elementId, message, 0);
    }

    public static Problem warning(String rule, String elementId, String message) {
        return new Problem(rule, Severity.WARNING, elementId, message, 0);
    }

    public Problem withLine(int newLine) { return new Problem(rule, severity, elementId, message, newLine); }

    public boolean isError() { return severity == Severity.ERROR; }
}
