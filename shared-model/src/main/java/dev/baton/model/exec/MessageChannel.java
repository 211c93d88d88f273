package dev.baton.model.exec;

import dev.baton.model.Expression;

/** Where messages of one name arrive from, and how a message's correlation key is read from it. */
public sealed interface MessageChannel {
    record Kafka(String topic, Expression correlationKey) implements MessageChannel {}

    record Rabbit(String queue, String exchange, String routingKey, Expression correlationKey) implements MessageChannel {}
}
