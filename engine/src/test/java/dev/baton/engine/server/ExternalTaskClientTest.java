package dev.baton.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.Engines;
import dev.baton.engine.Engines.Db;
import dev.baton.model.api.IncidentView;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.StartInstanceRequest;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.task.ExternalTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workers written for Camunda 7 with the official camunda-external-task-client, pointed at Baton's /engine-rest,
 * run Baton's external tasks: they fetch and lock, complete with variables, fail with retries, throw BPMN
 * errors and extend locks; a lock that runs out goes to another worker.
 */
class ExternalTaskClientTest {
    @TempDir Path dir;
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    final List<ExternalTaskClient> clients = new ArrayList<>();
    BatonEngine engine;
    EngineServer server;
    String base;

    @BeforeEach
    void start() {
        engine = Engines.open(Db.H2, dir);
        server = EngineServer.start(engine, "127.0.0.1", 0, null);
        base = "http://127.0.0.1:" + server.port() + "/engine-rest";
        engine.deploy(Engines.files("camunda7-external.bpmn"));
    }

    @AfterEach
    void stop() {
        clients.forEach(ExternalTaskClient::stop);
        server.close();
        engine.close();
    }

    ExternalTaskClient client(String workerId) {
        ExternalTaskClient c = ExternalTaskClient.create().baseUrl(base).workerId(workerId).asyncResponseTimeout(1000)
                .disableBackoffStrategy().build();
        clients.add(c);
        return c;
    }

    String startPayment(Map<String, Object> variables) {
        return engine.startInstance("payment", new StartInstanceRequest(variables, "order-" + UUID.randomUUID(), null)).instance().id();
    }

    void await(String what, java.util.function.BooleanSupplier condition) {
        Engines.await(Duration.ofSeconds(20), what, condition);
    }

    record Reply(int status, String contentType, String body) {
        JsonNode json() throws Exception { return JSON.readTree(body); }
    }

    Reply post(String path, String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
        return new Reply(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""), res.body());
    }

    @Test
    void workersCompleteTasksWithVariablesAndTheInstanceMovesOn() {
        String id = startPayment(Map.of("amount", 120, "receiptTopic", "send-receipt"));
        List<Object> amountsSeen = new CopyOnWriteArrayList<>();
        ExternalTaskClient worker = client("card-worker");
        worker.subscribe("charge-card").lockDuration(20_000).handler((task, service) -> {
            amountsSeen.add(task.getVariable("amount"));
            service.complete(task, Map.of("charged", true, "receiptNo", "R-" + task.getBusinessKey(), "fee", 2L));
        }).open();
        List<String> receipts = new CopyOnWriteArrayList<>();
        worker.subscribe("send-receipt").lockDuration(20_000).variables("receiptNo").handler((task, service) -> {
            receipts.add(task.getVariable("receiptNo"));
            assertThat(task.getAllVariables()).containsOnlyKeys("receiptNo");
            service.complete(task);
        }).open();

        await("the instance completed", () -> engine.instance(id).state() == InstanceState.COMPLETED);
        assertThat(amountsSeen).containsExactly(120);
        assertThat(receipts).hasSize(1).allMatch(r -> r.startsWith("R-order-"));
        assertThat(engine.variables(id)).containsEntry("charged", true).containsEntry("fee", 2);
    }

    @Test
    void eachInstanceOfAMultiInstanceExternalTaskGivesTheWorkerItsLocalVariables() {
        engine.deploy(List.of(dev.baton.engine.BpmnFile.of("notify-each.bpmn", """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  id="defs" targetNamespace="http://baton.dev/test">
                  <bpmn:process id="notifyEach" isExecutable="true">
                    <bpmn:startEvent id="Start"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Notify"/>
                    <bpmn:serviceTask id="Notify" camunda:type="external" camunda:topic="notify">
                      <bpmn:multiInstanceLoopCharacteristics camunda:collection="${customers}" camunda:elementVariable="customer"/>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="f2" sourceRef="Notify" targetRef="End"/>
                    <bpmn:endEvent id="End"/>
                  </bpmn:process>
                </bpmn:definitions>
                """)));
        String id = engine.startInstance("notifyEach", new StartInstanceRequest(Map.of("customers", List.of("ann", "bob")), null, null))
                .instance().id();
        List<String> seen = new CopyOnWriteArrayList<>();
        client("notifier").subscribe("notify").lockDuration(20_000).handler((task, service) -> {
            seen.add(task.getVariable("customer") + " " + task.getVariable("loopCounter") + "/" + task.getVariable("nrOfInstances"));
            service.complete(task);
        }).open();

        await("the instance completed", () -> engine.instance(id).state() == InstanceState.COMPLETED);
        assertThat(seen).containsExactlyInAnyOrder("ann 0/2", "bob 1/2");
        assertThat(engine.variables(id)).containsOnlyKeys("customers");
    }

    @Test
    void aFailureWithRetriesComesBackAndNoRetriesLeftIsAnIncident() {
        String id = startPayment(Map.of("amount", 5, "receiptTopic", "send-receipt"));
        List<Integer> retriesSeen = new CopyOnWriteArrayList<>();
        client("flaky-worker").subscribe("charge-card").lockDuration(20_000).handler((task, service) -> {
            retriesSeen.add(task.getRetries());
            if (task.getRetries() == null) service.handleFailure(task, "card service down", "HTTP 503 from cards", 1, 50);
            else service.complete(task);
        }).open();
        List<String> errors = new CopyOnWriteArrayList<>();
        client("broken-worker").subscribe("send-receipt").lockDuration(20_000).handler((task, service) -> {
            errors.add(String.valueOf(task.getErrorMessage()));
            service.handleFailure(task, "mail server refuses", "550", 0, 0);
        }).open();

        await("an incident holds the token at Receipt", () -> engine.incidents(id, true).size() == 1);
        assertThat(retriesSeen).containsExactly(null, 1);
        IncidentView incident = engine.incidents(id, true).get(0);
        assertThat(incident.elementId()).isEqualTo("Receipt");
        assertThat(incident.message()).contains("broken-worker").contains("mail server refuses");
        assertThat(engine.history(id)).anyMatch(e -> e.type().equals("JOB_FAILED") && "card service down".equals(e.payload().get("error")));
        assertThat(engine.instance(id).state()).isEqualTo(InstanceState.ACTIVE);
    }

    String startCardPayment() {
        engine.deploy(Engines.files("camunda7-external-errors.bpmn"));
        return engine.startInstance("cardPayment", new StartInstanceRequest(Map.of("amount", 5), "card-" + UUID.randomUUID(), null)).instance().id();
    }

    @Test
    void aBpmnErrorGoesToTheErrorBoundaryEventOfTheTask() {
        String id = startCardPayment();
        client("strict-worker").subscribe("charge-card").lockDuration(20_000).handler((task, service) ->
                service.handleBpmnError(task, "CARD_DECLINED", "insufficient funds", Map.of("declined", true))).open();
        List<Object> asked = new CopyOnWriteArrayList<>();
        client("customer-worker").subscribe("ask-customer").lockDuration(20_000).handler((task, service) -> {
            asked.add(task.getVariable("declined"));
            service.complete(task);
        }).open();

        await("the instance ended through the boundary path", () -> engine.instance(id).state() == InstanceState.COMPLETED);
        assertThat(asked).containsExactly(true);
        assertThat(engine.incidents(id, true)).isEmpty();
        assertThat(engine.history(id)).anyMatch(e -> e.type().equals("ELEMENT_LEFT") && "NotPaid".equals(e.elementId()))
                .noneMatch(e -> "Paid".equals(e.elementId()))
                .anyMatch(e -> e.type().equals("ELEMENT_CANCELED") && "Charge".equals(e.elementId()));
        assertThat(engine.variables(id)).containsEntry("declined", true);
    }

    @Test
    void aBpmnErrorStartsTheErrorEventSubprocessThatCatchesItsCode() {
        String id = startCardPayment();
        client("strict-worker").subscribe("charge-card").lockDuration(20_000).handler((task, service) ->
                service.handleBpmnError(task, "FRAUD", "card reported stolen")).open();
        List<String> reported = new CopyOnWriteArrayList<>();
        client("fraud-worker").subscribe("report-fraud").lockDuration(20_000).handler((task, service) -> {
            reported.add(task.getActivityId());
            service.complete(task);
        }).open();

        await("the fraud subprocess ran and the instance ended", () -> engine.instance(id).state() == InstanceState.COMPLETED);
        assertThat(reported).containsExactly("ReportFraud");
        assertThat(engine.history(id)).anyMatch(e -> e.type().equals("ELEMENT_LEFT") && "FraudEnd".equals(e.elementId()))
                .noneMatch(e -> "Paid".equals(e.elementId()) || "AskForAnotherCard".equals(e.elementId()));
    }

    @Test
    void anUncaughtBpmnErrorEndsTheTokenAsCamundaDoes() {
        String id = startPayment(Map.of("amount", 5, "receiptTopic", "send-receipt"));
        client("strict-worker").subscribe("charge-card").lockDuration(20_000).handler((task, service) ->
                service.handleBpmnError(task, "CARD_DECLINED", "insufficient funds", Map.of("declined", true))).open();
        List<String> receipts = new CopyOnWriteArrayList<>();
        client("receipt-worker").subscribe("send-receipt").lockDuration(20_000).handler((task, service) -> {
            receipts.add(task.getId());
            service.complete(task);
        }).open();

        await("the instance ended", () -> engine.instance(id).state() == InstanceState.COMPLETED);
        assertThat(engine.incidents(id, true)).isEmpty();
        assertThat(receipts).as("the token did not go on past Charge").isEmpty();
        assertThat(engine.history(id)).anyMatch(e -> e.type().equals("ERROR_UNCAUGHT") && "Charge".equals(e.elementId())
                && "CARD_DECLINED".equals(e.payload().get("errorCode")));
        assertThat(engine.variables(id)).containsEntry("declined", true);
    }

    @Test
    void anExtendedLockKeepsOtherWorkersAwayAndAnExpiredLockGoesToAnotherWorker() throws Exception {
        String id = startPayment(Map.of("amount", 5, "receiptTopic", "send-receipt"));
        AtomicReference<ExternalTask> held = new AtomicReference<>();
        client("slow-worker").subscribe("charge-card").lockDuration(500).handler((task, service) -> {
            if (held.compareAndSet(null, task)) service.extendLock(task, 60_000);
        }).open();
        await("the slow worker holds the task", () -> held.get() != null);
        String taskId = held.get().getId();

        // the lock was 0.5 s; extended to a minute, another worker gets nothing within 1.5 s
        Reply other = post("/external-task/fetchAndLock", "{\"workerId\":\"other\",\"maxTasks\":1,\"asyncResponseTimeout\":1500,"
                + "\"topics\":[{\"topicName\":\"charge-card\",\"lockDuration\":10000}]}");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.contentType()).isEqualTo("application/json");
        assertThat(other.json()).isEmpty();
        Reply stolen = post("/external-task/" + taskId + "/complete", "{\"workerId\":\"other\"}");
        assertThat(stolen.status()).isEqualTo(400);
        assertThat(stolen.contentType()).isEqualTo("application/json");
        assertThat(stolen.json().get("type").asText()).isEqualTo("InvalidRequestException");
        assertThat(stolen.json().get("message").asText()).contains("slow-worker");
        assertThat(stolen.json().has("code")).isTrue();

        // the slow worker lets its lock run out (100 ms); a second worker takes the task and completes it
        assertThat(post("/external-task/" + taskId + "/extendLock", "{\"workerId\":\"slow-worker\",\"newDuration\":100}").status())
                .isEqualTo(204);
        List<String> secondWorkerSaw = new CopyOnWriteArrayList<>();
        client("second-worker").subscribe("charge-card").lockDuration(20_000).handler((task, service) -> {
            secondWorkerSaw.add(task.getId());
            service.complete(task, Map.of("by", "second-worker"));
        }).open();
        await("the second worker completed Charge", () -> engine.variables(id).containsKey("by"));
        assertThat(secondWorkerSaw).containsExactly(taskId);
        assertThat(post("/external-task/" + taskId + "/complete", "{\"workerId\":\"slow-worker\"}").status()).isEqualTo(404);
    }

    @Test
    void scriptsDeployStartAndCorrelateThroughTheCamundaRestShapes() throws Exception {
        String boundary = "----baton" + UUID.randomUUID();
        byte[] file = Engines.bpmn("camunda7-external.bpmn").content();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\npayments\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"payment.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), file, tail);
        HttpResponse<String> deployed = http.send(HttpRequest.newBuilder(URI.create(base + "/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deployed.statusCode()).isEqualTo(200);
        JsonNode d = JSON.readTree(deployed.body());
        assertThat(d.get("name").asText()).isEqualTo("payments");
        assertThat(d.get("deployedProcessDefinitions").elements().next().get("key").asText()).isEqualTo("payment");

        Reply started = post("/process-definition/key/payment/start", "{\"businessKey\":\"B-1\",\"variables\":{"
                + "\"amount\":{\"value\":\"42\",\"type\":\"integer\"},\"vip\":{\"value\":true,\"type\":\"BOOLEAN\"},"
                + "\"cart\":{\"value\":\"{\\\"items\\\":[1,2]}\",\"type\":\"Json\"}}}");
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.contentType()).isEqualTo("application/json");
        String id = started.json().get("id").asText();
        assertThat(engine.variables(id)).containsEntry("amount", 42).containsEntry("vip", true)
                .containsEntry("cart", Map.of("items", List.of(1, 2)));

        Reply badType = post("/process-definition/key/payment/start", "{\"variables\":{\"x\":{\"value\":1,\"type\":\"Matrix\"}}}");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("message").asText()).contains("'x'").contains("Matrix");

        Reply nobody = post("/message", "{\"messageName\":\"no-such-message\",\"businessKey\":\"B-1\"}");
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.json().get("type").asText()).isNotBlank();

        Reply unknown = post("/external-task/does-not-exist/complete", "{\"workerId\":\"w\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo("application/json");
    }

    @Test
    void aProcessVersionTagShowsInTheDeployedDefinitionsTheApiAndFetchedTasks() throws Exception {
        String boundary = "----baton" + UUID.randomUUID();
        byte[] file = new String(Engines.bpmn("camunda7-external.bpmn").content(), StandardCharsets.UTF_8)
                .replace("<bpmn:process id=\"payment\"", "<bpmn:process camunda:versionTag=\"2024.1\" id=\"payment\"")
                .getBytes(StandardCharsets.UTF_8);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"payment.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), file, ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> deployed = http.send(HttpRequest.newBuilder(URI.create(base + "/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deployed.statusCode()).isEqualTo(200);
        JsonNode definition = JSON.readTree(deployed.body()).get("deployedProcessDefinitions").get("payment:2");
        assertThat(definition.get("versionTag").asText()).isEqualTo("2024.1");

        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create(base.replace("/engine-rest", "") + "/api/definitions")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode defs = JSON.readTree(listed.body());
        assertThat(defs.get(0).get("id").asText()).isEqualTo("payment:1");
        assertThat(defs.get(0).get("versionTag").isNull()).isTrue();
        assertThat(defs.get(1).get("versionTag").asText()).isEqualTo("2024.1");

        startPayment(Map.of("amount", 3, "receiptTopic", "send-receipt"));
        Reply locked = post("/external-task/fetchAndLock", "{\"workerId\":\"w\",\"maxTasks\":1,"
                + "\"topics\":[{\"topicName\":\"charge-card\",\"lockDuration\":10000}]}");
        assertThat(locked.status()).isEqualTo(200);
        assertThat(locked.json().get(0).get("processDefinitionId").asText()).isEqualTo("payment:2");
        assertThat(locked.json().get(0).get("processDefinitionVersionTag").asText()).isEqualTo("2024.1");
    }

    @Test
    void openApiListsTheEngineRestCallsWithSchemasThatResolve() throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base.replace("/engine-rest", "") + "/openapi")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode doc = JSON.readTree(res.body());
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/deployments").contains("/engine-rest/external-task/fetchAndLock",
                "/engine-rest/external-task/{id}/complete", "/engine-rest/external-task/{id}/failure",
                "/engine-rest/external-task/{id}/bpmnError", "/engine-rest/external-task/{id}/extendLock",
                "/engine-rest/external-task/{id}/lock", "/engine-rest/external-task/{id}/unlock", "/engine-rest/deployment/create",
                "/engine-rest/process-definition/key/{key}/start", "/engine-rest/message");
        assertThat(doc.at("/paths/~1engine-rest~1external-task~1{id}~1bpmnError/post/summary").asText()).contains("error boundary event");
        List<String> refs = new ArrayList<>();
        doc.findValues("$ref").forEach(r -> refs.add(r.asText()));
        assertThat(refs).isNotEmpty().allSatisfy(r -> assertThat(doc.at(r.substring(1)).isMissingNode()).as(r).isFalse());
    }

    @Test
    void aLongPollAnswersAsSoonAsATaskArrives() throws Exception {
        var poll = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/external-task/fetchAndLock"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"workerId\":\"w1\",\"maxTasks\":5,\"asyncResponseTimeout\":15000,"
                                + "\"topics\":[{\"topicName\":\"charge-card\",\"lockDuration\":10000,\"variables\":[\"amount\"]}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        long started = System.nanoTime();
        String id = startPayment(Map.of("amount", 7, "receiptTopic", "send-receipt"));
        HttpResponse<String> r = poll.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        JsonNode tasks = JSON.readTree(r.body());
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("processInstanceId").asText()).isEqualTo(id);
        assertThat(tasks.get(0).get("activityId").asText()).isEqualTo("Charge");
        assertThat(tasks.get(0).get("variables").get("amount").get("type").asText()).isEqualTo("Integer");
        assertThat(tasks.get(0).get("variables").get("amount").get("value").asInt()).isEqualTo(7);

        // lock and unlock by id: another worker may take it after the unlock
        String taskId = tasks.get(0).get("id").asText();
        assertThat(post("/external-task/" + taskId + "/lock", "{\"workerId\":\"w2\",\"lockDuration\":1000}").status()).isEqualTo(400);
        assertThat(post("/external-task/" + taskId + "/unlock", "").status()).isEqualTo(204);
        assertThat(post("/external-task/" + taskId + "/lock", "{\"workerId\":\"w2\",\"lockDuration\":10000}").status()).isEqualTo(204);
        assertThat(post("/external-task/" + taskId + "/complete", "{\"workerId\":\"w2\",\"variables\":{\"ok\":{\"value\":\"yes\",\"type\":\"string\"}}}").status())
                .isEqualTo(204);
        assertThat(engine.variables(id)).containsEntry("ok", "yes");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
