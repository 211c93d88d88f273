package dev.baton.model;

/**
 * An expression as written in the file. The language decides how the engine evaluates it:
 * JUEL for {@code ${...}} (Camunda 7, Flowable), FEEL for {@code =...} (Camunda 8), or a plain literal.
 */
public record Expression(String text, Language language) {
    public enum Language { JUEL, FEEL, LITERAL, OTHER }

    public Expression {
        text = text == null ? "" : text;
        if (language == null) language = detect(text);
    }

    /** Guesses the language from the text alone: {@code =x} is FEEL, {@code ${x}} or {@code #{x}} is JUEL. */
    public static Expression of(String text) {
        return new Expression(text, null);
    }

    public static Expression literal(String text) { return new Expression(text, Language.LITERAL); }

    public static Language detect(String text) {
        if (text == null) return Language.LITERAL;
        String t = text.strip();
        if (t.startsWith("=")) return Language.FEEL;
        if (t.contains("${") || t.contains("#{")) return Language.JUEL;
        return Language.LITERAL;
    }

    public boolean isBlank() { return text.isBlank(); }
}
