package dev.baton.engine.connect;

import java.util.Map;

/**
 * Sends one record to a broker and returns once the broker confirmed it (Kafka acks=all, RabbitMQ publisher
 * confirm). Called from a job, so a failure is retried with the element's policy and then becomes an incident.
 */
public interface Publisher {
    /** @param payload what the element worked out: {@code topic}/{@code exchange}, {@code key}, {@code value}, {@code headers} */
    void publish(Map<String, Object> payload) throws Exception;
}
