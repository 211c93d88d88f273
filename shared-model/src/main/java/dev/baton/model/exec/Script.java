package dev.baton.model.exec;

/** A script task's script: format (juel, feel, javascript, groovy...), the text, and where the result goes. */
public record Script(String format, String text, String resultVariable) {}
