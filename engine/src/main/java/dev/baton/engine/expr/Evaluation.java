package dev.baton.engine.expr;

/** The outcome of evaluating an expression: a value, or a failure that says why in words. */
public sealed interface Evaluation {
    record Value(Object value) implements Evaluation {}

    record Failure(String message) implements Evaluation {}

    static Evaluation value(Object v) { return new Value(v); }

    static Evaluation failure(String message) { return new Failure(message); }
}
