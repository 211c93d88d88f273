package dev.baton.engine.runtime;

import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;

import java.util.List;
import java.util.Optional;

/**
 * A transaction subprocess cancelled by its cancel end event, as in Camunda 7: every other token of the transaction
 * is cancelled, the handlers of the activities that completed inside it run (last completed first), and then the
 * transaction is left along its cancel boundary event.
 */
public final class Transactions {
    private Transactions() {}

    /** The cancel end event's token arrived: stop the rest of the transaction and compensate what completed. */
    public static void cancel(Step step, Token thrower) {
        for (Token other : step.state.children(thrower.parentId)) if (other != thrower) step.cancel(other);
        // the token waits as the handlers' scope; when the last one ended, the agenda leaves it (see left)
        if (!Compensation.start(step, thrower, null)) step.leave(thrower);
    }

    /** The cancel end event is done (compensation ran): the transaction goes out through its cancel boundary event. */
    public static void left(Step step, Token thrower) {
        Token transaction = step.state.token(thrower.parentId).orElse(null);
        if (transaction == null) {
            step.end(thrower);
            return;
        }
        Event boundary = cancelBoundary(step, transaction.elementId).orElseThrow();
        Token token = step.state.newToken(boundary.id(), transaction.parentId);
        step.cancel(transaction);
        token.enteredAt = step.now;
        token.activation = step.state.nextActivation();
        step.history("ELEMENT_ENTERED", boundary.id(), token.id, null, Step.map("attachedTo", transaction.elementId));
        step.leave(token);
    }

    public static Optional<Event> cancelBoundary(Step step, String transactionId) {
        return cancelBoundary(step.model.boundaryEvents(transactionId));
    }

    public static Optional<Event> cancelBoundary(List<Event> boundaries) {
        return boundaries.stream().filter(b -> b.definition() instanceof EventDefinition.Cancel).findFirst();
    }

    /** Whether the element is a transaction subprocess. */
    public static boolean isTransaction(dev.baton.model.FlowNode node) {
        return node != null && node.kind() == ElementKind.TRANSACTION;
    }
}
