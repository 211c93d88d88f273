package dev.baton.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Java code the peers' processes call: the HTTP service task and the end listener, for Camunda and Flowable. */
public final class PeerHooks {
    private PeerHooks() {}

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** POSTs the order as a small JSON body to serviceUrl/step and answers the response's "ok". */
    static boolean post(String serviceUrl, String step, Object orderId, Object amount) {
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("orderId", orderId);
            body.put("amount", amount);
            HttpRequest request = HttpRequest.newBuilder(URI.create(serviceUrl + "/" + step)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) throw new IllegalStateException(step + " answered HTTP " + response.statusCode());
            JsonNode answer = JSON.readTree(response.body());
            return answer.path("ok").asBoolean(false);
        } catch (IOException e) {
            throw new IllegalStateException(step + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(step + " was interrupted", e);
        }
    }

    public static final class CamundaHttp implements org.camunda.bpm.engine.delegate.JavaDelegate {
        @Override
        public void execute(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
            execution.setVariable("ok", post((String) execution.getVariable("serviceUrl"), execution.getCurrentActivityId(),
                    execution.getVariable("orderId"), execution.getVariable("amount")));
        }
    }

    public static final class CamundaEnd implements org.camunda.bpm.engine.delegate.ExecutionListener {
        @Override
        public void notify(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
            String id = execution.getProcessInstanceId();
            org.camunda.bpm.engine.impl.context.Context.getCommandContext().getTransactionContext().addTransactionListener(
                    org.camunda.bpm.engine.impl.cfg.TransactionState.COMMITTED, ctx -> Ends.ended(id));
        }
    }

    public static final class FlowableHttp implements org.flowable.engine.delegate.JavaDelegate {
        @Override
        public void execute(org.flowable.engine.delegate.DelegateExecution execution) {
            execution.setVariable("ok", post((String) execution.getVariable("serviceUrl"), execution.getCurrentActivityId(),
                    execution.getVariable("orderId"), execution.getVariable("amount")));
        }
    }

    public static final class FlowableEnd implements org.flowable.engine.delegate.ExecutionListener {
        @Override
        public void notify(org.flowable.engine.delegate.DelegateExecution execution) {
            String id = execution.getProcessInstanceId();
            org.flowable.common.engine.impl.context.Context.getTransactionContext().addTransactionListener(
                    org.flowable.common.engine.impl.cfg.TransactionState.COMMITTED, ctx -> Ends.ended(id));
        }
    }
}
