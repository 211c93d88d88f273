package dev.baton.bpmn.read;

import dev.baton.model.validation.Severity;

/**
 * Something the reader noticed while reading a file that it could still read: a recovered encoding, an unknown
 * element kept, an import that is missing. line and column are 0 when unknown; elementId may be null.
 */
public record ImportMessage(Severity severity, String source, int line, int column, String elementId, String message) {
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(source == null ? "" : source);
        if (line > 0) b.append(':').append(line).append(column > 0 ? ":" + column : "");
        if (elementId != null) b.append(" [").append(elementId).append(']');
        return b.append(' ').append(severity.name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(message).toString();
    }
}
