package dev.baton.engine.behavior;

import dev.baton.engine.runtime.Rows;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.model.Activity;
import dev.baton.model.Expression;
import dev.baton.model.exec.Implementation;
import dev.baton.model.exec.RetryPolicy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Publishing a record to a broker (Kafka) as work that leaves the engine: key, value and headers are worked out
 * from the variables when the token arrives and stored in a PUBLISH job; a worker publishes it and the token
 * goes on once the broker confirmed it.
 */
final class PublishWork {
    private PublishWork() {}

    static void plan(Step step, Token token, Activity activity, Implementation.KafkaPublish publish) {
        String key = null;
        if (publish.key() != null) {
            Optional<Object> v = step.evaluate(token, publish.key(), "Kafka key");
            if (v.isEmpty()) return;
            key = Step.unwrap(v.get()) == null ? null : String.valueOf(Step.unwrap(v.get()));
        }
        Object value = step.state.variables;
        if (publish.value() != null) {
            Optional<Object> v = step.evaluate(token, publish.value(), "Kafka value");
            if (v.isEmpty()) return;
            value = Step.unwrap(v.get());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, Expression> h : publish.headers().entrySet()) {
            Optional<Object> v = step.evaluate(token, h.getValue(), "Kafka header " + h.getKey());
            if (v.isEmpty()) return;
            headers.put(h.getKey(), String.valueOf(Step.unwrap(v.get())));
        }
        // the same id on every try lets consumers drop a record published again after a crash
        headers.putIfAbsent("baton-idempotency-key", step.idempotencyKey(token));
        String text = value instanceof String s ? s : step.json(value);
        RetryPolicy retry = activity == null ? step.services.defaultRetry() : step.retryPolicy(activity);
        long backoff = retry.initialBackoff() != null ? retry.initialBackoff().toMillis()
                : step.services.defaultRetry().initialBackoff() == null ? 1000 : step.services.defaultRetry().initialBackoff().toMillis();
        step.addJob(token, Rows.JobKind.PUBLISH, token.elementId, step.now, Math.max(1, step.maxAttempts(retry)), step.json(Step.map(
                "channel", "kafka", "topic", publish.topic(), "key", key, "value", text, "headers", headers,
                "backoffMs", backoff, "multiplier", retry.multiplier())));
        step.waitHere(token);
    }

    static void plan(Step step, Token token, Activity activity, Implementation.RabbitPublish publish) {
        String key = null;
        if (publish.routingKey() != null) {
            Optional<Object> v = step.evaluate(token, publish.routingKey(), "RabbitMQ routing key");
            if (v.isEmpty()) return;
            key = Step.unwrap(v.get()) == null ? null : String.valueOf(Step.unwrap(v.get()));
        }
        Object value = step.state.variables;
        if (publish.body() != null) {
            Optional<Object> v = step.evaluate(token, publish.body(), "RabbitMQ body");
            if (v.isEmpty()) return;
            value = Step.unwrap(v.get());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, Expression> h : publish.headers().entrySet()) {
            Optional<Object> v = step.evaluate(token, h.getValue(), "RabbitMQ header " + h.getKey());
            if (v.isEmpty()) return;
            headers.put(h.getKey(), String.valueOf(Step.unwrap(v.get())));
        }
        headers.putIfAbsent("baton-idempotency-key", step.idempotencyKey(token));
        RetryPolicy retry = activity == null ? step.services.defaultRetry() : step.retryPolicy(activity);
        long backoff = retry.initialBackoff() != null ? retry.initialBackoff().toMillis()
                : step.services.defaultRetry().initialBackoff() == null ? 1000 : step.services.defaultRetry().initialBackoff().toMillis();
        step.addJob(token, Rows.JobKind.PUBLISH, token.elementId, step.now, Math.max(1, step.maxAttempts(retry)), step.json(Step.map(
                "channel", "rabbit", "exchange", publish.exchange() == null ? "" : publish.exchange(), "topic",
                publish.exchange() == null || publish.exchange().isEmpty() ? "(default exchange)" : publish.exchange(),
                "key", key, "value", value instanceof String s ? s : step.json(value), "headers", headers,
                "backoffMs", backoff, "multiplier", retry.multiplier())));
        step.waitHere(token);
    }
}
