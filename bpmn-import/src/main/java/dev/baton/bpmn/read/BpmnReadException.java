package dev.baton.bpmn.read;

/**
 * A file that cannot be read at all: not XML, not BPMN, too big, or hostile (a DOCTYPE, an external entity).
 * The message names the file, the line and column where known, and what is wrong, in words a user understands.
 */
public class BpmnReadException extends Exception {
    private final String source;
    private final int line;
    private final int column;

    public BpmnReadException(String source, int line, int column, String problem, Throwable cause) {
        super(format(source, line, column, problem), cause);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public BpmnReadException(String source, int line, int column, String problem) {
        this(source, line, column, problem, null);
    }

    private static String format(String source, int line, int column, String problem) {
        StringBuilder b = new StringBuilder(source == null ? "<input>" : source);
        if (line > 0) b.append(':').append(line).append(column > 0 ? ":" + column : "");
        return b.append(": ").append(problem).toString();
    }

    public String source() { return source; }

    public int line() { return line; }

    public int column() { return column; }
}
