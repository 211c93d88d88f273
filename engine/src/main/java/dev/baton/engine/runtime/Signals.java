package dev.baton.engine.runtime;

import dev.baton.model.GlobalElement;

import java.util.UUID;

/**
 * Signals share the subscription rows with messages under a name no message can clash with in practice; a signal
 * goes to every subscription with its name, a message to one.
 */
public final class Signals {
    private Signals() {}

    // the unit separator keeps signal subscriptions apart from message names a person would choose
    private static final String PREFIX = "\u001Fsignal:";

    /** The subscription name for a signal name. */
    public static String key(String signalName) { return PREFIX + signalName; }

    /** The name of a signal by its id (signalRef); the id itself when the file declares no name. */
    public static String name(Step step, String signalRef) {
        if (signalRef == null) return null;
        return step.model.definitions().globals(GlobalElement.Signal.class).stream().filter(s -> signalRef.equals(s.id()))
                .map(s -> s.name() == null || s.name().isBlank() ? s.id() : s.name()).findFirst().orElse(signalRef);
    }

    /** The token waits for the signal at the element (a catch event, or a boundary event of its activity). */
    static void subscribe(Step step, Token token, String elementId, String signalRef) {
        token.waits = true;
        step.newSubscriptions.add(new Rows.Subscription(UUID.randomUUID().toString(), key(name(step, signalRef)), null,
                step.instance.id, step.instance.definitionId, token.id, elementId));
    }
}
