package dev.baton.engine.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.EngineException;
import dev.baton.engine.expr.Evaluation;
import dev.baton.engine.expr.Expressions;
import dev.baton.model.Expression;
import dev.baton.model.api.MessageRequest;
import dev.baton.model.api.MessageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Offers one message read from a broker to the deployed messages listening where it arrived; Kafka and RabbitMQ alike. */
public final class BrokerDelivery {

    /** What became of the message: correlated, matched by nothing (dead-letter it), or failed (read it again). */
    public sealed interface Outcome {
        record Correlated() implements Outcome {}

        record Unmatched(String reasons) implements Outcome {}

        record Failed(RuntimeException error) implements Outcome {}
    }

    private BrokerDelivery() {}

    /** A message's text as its JSON value when it looks like a JSON object or array and parses, else the text itself. */
    public static Object payload(String text, ObjectMapper json) {
        if (text == null) return null;
        String t = text.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return json.readValue(t, Object.class);
            } catch (java.io.IOException e) {
                return text;
            }
        }
        return text;
    }

    /**
     * @param keyExpression  the listening message's correlation key expression, or null to use {@code brokerKey}
     * @param scope          what the key expression sees (key, value, headers, topic or queue)
     * @param nobodyListens  the reason given when no deployed message listens there at all
     */
    @SuppressWarnings("unchecked")
    public static Outcome offer(List<ChannelMessage> listeners, Function<ChannelMessage, Expression> keyExpression, String brokerKey,
                                Map<String, Object> scope, Object value, Expressions expressions,
                                Function<MessageRequest, MessageResult> correlate, String nobodyListens) {
        List<String> reasons = new ArrayList<>();
        Map<String, Object> variables = value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        for (ChannelMessage m : listeners) {
            String key = brokerKey;
            Expression k = keyExpression.apply(m);
            if (k != null && !k.isBlank()) {
                Evaluation e = expressions.evaluate(k, scope, m.dialect());
                if (e instanceof Evaluation.Failure f) {
                    reasons.add("message '" + m.name() + "': correlation key " + k.text() + " failed: " + f.message());
                    continue;
                }
                Object v = ((Evaluation.Value) e).value();
                key = v == null ? null : String.valueOf(v);
            }
            try {
                correlate.apply(new MessageRequest(m.name(), key, null, variables));
                return new Outcome.Correlated();
            } catch (EngineException.NotFound | EngineException.Conflict | EngineException.BadRequest e) {
                reasons.add(e.getMessage());
            } catch (RuntimeException e) {
                return new Outcome.Failed(e);
            }
        }
        if (reasons.isEmpty()) reasons.add(nobodyListens);
        return new Outcome.Unmatched(String.join("; ", reasons));
    }
}
