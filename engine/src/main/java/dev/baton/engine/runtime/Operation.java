package dev.baton.engine.runtime;

/** One small step of the agenda. The agenda runs them one after another until none is left. */
sealed interface Operation {
    Token token();

    /** A token arrives at an element (via the flow it took, or null). */
    record Enter(Token token, String elementId, String via, boolean newActivation) implements Operation {}

    /** A token's element is done: it takes the element's outgoing flows. */
    record Leave(Token token) implements Operation {}

    /** A token moves along a sequence flow. */
    record Take(Token token, String flowId) implements Operation {}

    /** Something a waiting token waited for happened. */
    record Fire(Token token, Trigger trigger) implements Operation {}

    /** A subprocess or the process may be done when its last token ended; token is the scope's token or null. */
    record CheckScope(Token token) implements Operation {}
}
