package dev.baton.engine.connect;

import dev.baton.model.GlobalElement;
import dev.baton.model.Dialect;

/** A deployed message that arrives from a broker, with the dialect its expressions are read in. */
public record ChannelMessage(GlobalElement.Message message, Dialect dialect) {
    public String name() { return message.name() == null || message.name().isBlank() ? message.id() : message.name(); }
}
