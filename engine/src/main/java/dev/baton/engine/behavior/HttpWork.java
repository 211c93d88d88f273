package dev.baton.engine.behavior;

import dev.baton.engine.runtime.Rows;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.TimerSchedule;
import dev.baton.engine.runtime.Token;
import dev.baton.engine.runtime.Trigger;
import dev.baton.model.Activity;
import dev.baton.model.Expression;
import dev.baton.model.exec.Implementation;
import dev.baton.model.exec.RetryPolicy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP call as work that leaves the engine: the request is worked out from the variables when the token
 * arrives and stored in a job; a worker sends it; the response comes back as a trigger and is mapped into
 * variables.
 */
public final class HttpWork {
    private HttpWork() {}

    static final List<String> BODY_METHODS = List.of("POST", "PUT", "PATCH");

    /** Plans the call as a job; false when an expression failed and became an incident. */
    static boolean plan(Step step, Token token, Activity activity, Implementation.HttpCall call) {
        Optional<Object> url = step.evaluate(token, call.url(), "URL");
        if (url.isEmpty()) return false;
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, Expression> h : call.headers().entrySet()) {
            Optional<Object> v = step.evaluate(token, h.getValue(), "header " + h.getKey());
            if (v.isEmpty()) return false;
            headers.put(h.getKey(), String.valueOf(Step.unwrap(v.get())));
        }
        Object body = null;
        if (call.body() != null && !call.body().isBlank()) {
            Optional<Object> v = step.evaluate(token, call.body(), "body");
            if (v.isEmpty()) return false;
            body = Step.unwrap(v.get());
        } else if (BODY_METHODS.contains(call.method())) {
            body = step.variables(token);
        }
        String bodyText = body == null ? null
                : call.bodyFormat() == Implementation.BodyFormat.FORM && body instanceof Map<?, ?> fields ? form(fields)
                : call.bodyFormat() == Implementation.BodyFormat.TEXT || body instanceof String s && call.bodyFormat() != Implementation.BodyFormat.JSON
                ? String.valueOf(body) : step.json(body);
        RetryPolicy retry = step.retryPolicy(activity);
        int attempts = step.maxAttempts(retry);
        Map<String, Object> payload = Step.map(
                "method", call.method(), "url", String.valueOf(Step.unwrap(url.get())), "headers", headers, "body", bodyText,
                "contentType", call.bodyFormat() == Implementation.BodyFormat.FORM ? "application/x-www-form-urlencoded"
                        : call.bodyFormat() == Implementation.BodyFormat.TEXT ? "text/plain" : "application/json",
                "timeoutMs", call.timeout() == null ? null : call.timeout().toMillis(),
                "backoffMs", backoffMs(retry, step.services.defaultRetry()), "multiplier", retry.retryCycle() != null ? 1.0 : retry.multiplier(),
                "errorCodes", call.errorCodes().isEmpty() ? null : call.errorCodes(),
                // the secret's name only: its value is looked up when the call is made
                "secretRef", call.secretRef());
        step.addJob(token, Rows.JobKind.HTTP, token.elementId, step.now, Math.max(1, attempts), step.json(payload));
        step.waitHere(token);
        return true;
    }

    /** application/x-www-form-urlencoded from a map of fields; lists repeat the field. */
    static String form(Map<?, ?> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> {
            for (Object one : v instanceof List<?> l ? l : java.util.Collections.singletonList(v)) {
                if (b.length() > 0) b.append('&');
                b.append(java.net.URLEncoder.encode(String.valueOf(k), java.nio.charset.StandardCharsets.UTF_8)).append('=')
                        .append(one == null ? "" : java.net.URLEncoder.encode(String.valueOf(one), java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return b.toString();
    }

    private static long backoffMs(RetryPolicy p, RetryPolicy fallback) {
        if (p.retryCycle() != null) {
            String c = p.retryCycle();
            int slash = c.lastIndexOf('/');
            try {
                return TimerSchedule.parseDuration(slash < 0 ? c : c.substring(slash + 1), 0);
            } catch (IllegalArgumentException e) {
                // an unreadable cycle was reported at deployment; fall back to the default backoff
            }
        }
        if (p.initialBackoff() != null) return p.initialBackoff().toMillis();
        return fallback.initialBackoff() == null ? 1000 : fallback.initialBackoff().toMillis();
    }

    /** Maps the response into variables and lets the token go on. */
    @SuppressWarnings("unchecked")
    static void complete(Step step, Token token, Activity activity, Implementation.HttpCall call, Trigger trigger) {
        if (trigger.data().get("bpmnError") instanceof String code) {
            // the service's status is mapped to a BPMN error: the nearest error catcher takes over
            String message = String.valueOf(trigger.data().get("errorMessage"));
            if (!dev.baton.engine.runtime.BpmnErrors.raise(step, token, true, code, message)) {
                step.incident(token, "UNCAUGHT_ERROR", "BPMN error " + code + " raised by " + step.model.describe(token.elementId)
                        + " (" + message + ") is not caught by any error event");
            }
            return;
        }
        Map<String, Object> response = (Map<String, Object>) trigger.data().getOrDefault("response", Map.of());
        Map<String, Object> out = new LinkedHashMap<>();
        if (call.responseMappings().isEmpty()) {
            if (response.get("body") instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(String.valueOf(k), v));
        } else {
            for (Map.Entry<String, Expression> m : call.responseMappings().entrySet()) {
                String text = m.getValue().text().strip();
                if (text.startsWith("/")) {
                    out.put(m.getKey(), pointer(response.get("body"), text));
                    continue;
                }
                Map<String, Object> scope = new LinkedHashMap<>(step.variables(token));
                scope.putAll(response);
                var r = step.services.expressions().evaluate(
                        m.getValue().language() == Expression.Language.LITERAL ? new Expression(
                                step.model.dialect().defaultExpressionLanguage() == Expression.Language.FEEL ? "=" + text : "${" + text + "}", null)
                                : m.getValue(), scope, step.model.dialect());
                if (r instanceof dev.baton.engine.expr.Evaluation.Failure f) {
                    step.incident(token, "EXPRESSION", "Response mapping " + m.getKey() + " = " + text + " at "
                            + step.model.describe(token.elementId) + " failed: " + f.message());
                    return;
                }
                out.put(m.getKey(), ((dev.baton.engine.expr.Evaluation.Value) r).value());
            }
        }
        step.setVariables(token, out);
        step.leave(token);
    }

    /** The BPMN error code an HTTP status maps to ("404" or "4xx"), or null. */
    public static String errorCodeFor(Map<String, String> errorCodes, int status) {
        if (errorCodes == null) return null;
        String exact = errorCodes.get(String.valueOf(status));
        if (exact != null) return exact;
        return errorCodes.get(status / 100 + "xx");
    }

    /** A JSON pointer (RFC 6901) into a parsed JSON body; null when it leads nowhere. */
    static Object pointer(Object body, String pointer) {
        Object at = body;
        for (String raw : pointer.substring(1).split("/", -1)) {
            if (pointer.length() == 1) break;
            String part = raw.replace("~1", "/").replace("~0", "~");
            if (at instanceof Map<?, ?> m) at = m.get(part);
            else if (at instanceof List<?> l) {
                try {
                    at = l.get(Integer.parseInt(part));
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    return null;
                }
            } else return null;
        }
        return at;
    }
}
