package dev.baton.model.exec;

import dev.baton.model.Expression;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a service task, send task, business rule task or throwing message event does its work.
 * Mapped from Baton's own settings or from a vendor dialect (camunda:, zeebe:, flowable:/activiti:).
 */
public sealed interface Implementation {

    /**
     * An HTTP call.
     *
     * @param headers          header name to value expression
     * @param responseMappings variable name to an expression over the response ({@code status}, {@code headers},
     *                         {@code body}) or a JSON pointer starting with {@code /}
     * @param errorCodes       HTTP status (e.g. "404", "4xx") to the BPMN error code it raises
     * @param timeout          per call, or null for the engine's default
     */
    record HttpCall(
            String method,
            Expression url,
            Map<String, Expression> headers,
            Expression body,
            BodyFormat bodyFormat,
            Map<String, Expression> responseMappings,
            Map<String, String> errorCodes,
            Duration timeout,
            String secretRef) implements Implementation {
        public HttpCall {
            method = method == null ? "GET" : method.toUpperCase(java.util.Locale.ROOT);
            headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
            responseMappings = responseMappings == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(responseMappings));
            errorCodes = errorCodes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errorCodes));
            bodyFormat = bodyFormat == null ? BodyFormat.JSON : bodyFormat;
        }
    }

    enum BodyFormat { JSON, FORM, TEXT }

    /** Work pulled by external workers (camunda:type="external" topic, zeebe:taskDefinition type). */
    record ExternalTask(Expression topic, Integer priority) implements Implementation {}

    record KafkaPublish(String topic, Expression key, Expression value, Map<String, Expression> headers) implements Implementation {
        public KafkaPublish {
            headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        }
    }

    record RabbitPublish(String exchange, Expression routingKey, Expression body, Map<String, Expression> headers)
            implements Implementation {
        public RabbitPublish {
            headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        }
    }

    /** camunda:expression / flowable:expression: evaluate, optionally store the result. */
    record ExpressionCall(Expression expression, String resultVariable) implements Implementation {}

    /** camunda:class / flowable:class: Java code of the user's own application, which Baton cannot run. */
    record JavaClass(String className) implements Implementation {}

    /** camunda:delegateExpression / flowable:delegateExpression: a bean of the user's application, which Baton cannot run. */
    record DelegateExpression(Expression expression) implements Implementation {}

    /** A connector or task type Baton does not know (e.g. camunda:connector with another connectorId). */
    record Unsupported(String description) implements Implementation {}

    /**
     * A DMN decision deployed with the process (business rule task).
     *
     * @param details how the decision is picked and its result mapped, as "name=value": decisionRefBinding
     *                (latest, version, deployment), decisionRefVersion, mapDecisionResult (singleEntry, singleResult,
     *                collectEntries, resultList)
     */
    record Decision(String decisionRef, String resultVariable, List<String> details) implements Implementation {
        public Decision { details = details == null ? List.of() : List.copyOf(details); }

        /** The value of one detail, or null when the task does not say it. */
        public String detail(String name) {
            for (String d : details) if (d.startsWith(name + "=")) return d.substring(name.length() + 1);
            return null;
        }
    }
}
