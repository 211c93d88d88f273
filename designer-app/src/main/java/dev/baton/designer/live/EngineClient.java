package dev.baton.designer.live;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.baton.model.api.DefinitionSummary;
import dev.baton.model.api.DeploymentProblem;
import dev.baton.model.api.DeploymentResult;
import dev.baton.model.api.ElementStatistics;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.IncidentView;
import dev.baton.model.api.InstanceFamily;
import dev.baton.model.api.InstanceModification;
import dev.baton.model.api.InstanceSummary;
import dev.baton.model.api.InstanceView;
import dev.baton.model.api.Page;
import dev.baton.model.api.StartInstanceRequest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The engine's REST API as seen by the designer: every engine, embedded or remote, is reached this way only. */
public final class EngineClient {

    /** The engine answered with an error; {@code problems} holds the deployment problems of a 422. */
    public static final class EngineException extends IOException {
        private final int status;
        private final List<DeploymentProblem> problems;

        EngineException(int status, String message, List<DeploymentProblem> problems) {
            super(message);
            this.status = status;
            this.problems = problems;
        }

        public int status() { return status; }

        public List<DeploymentProblem> problems() { return problems; }
    }

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final URI base;
    private final String token;
    private final HttpClient http;

    public EngineClient(URI base, String token) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    public URI base() { return base; }

    HttpClient http() { return http; }

    String token() { return token; }

    public boolean healthy() {
        try {
            return send(get("/health")) != null;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public DeploymentResult deploy(String fileName, String xml) throws IOException, InterruptedException {
        HttpRequest r = builder("/api/deployments?name=" + enc(fileName)).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build();
        return JSON.readValue(send(r), DeploymentResult.class);
    }

    /** One BPMN file of a deployment: its name (problems refer to it) and its XML. */
    public record BpmnPart(String fileName, byte[] content) {
        public BpmnPart {
            if (fileName == null || fileName.isBlank()) throw new IllegalArgumentException("a deployed file needs a name");
            if (content == null) throw new IllegalArgumentException("no content for " + fileName);
        }
    }

    /**
     * Deploys several files together, as one multipart request with a part named {@code file} per file: either every
     * process is deployed or, on any problem in any file, none is (a 422 whose problems name the file).
     */
    public DeploymentResult deploy(List<BpmnPart> parts) throws IOException, InterruptedException {
        if (parts.isEmpty()) throw new IllegalArgumentException("no file to deploy");
        String boundary = "baton-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (BpmnPart p : parts) {
            String name = p.fileName().replace("\"", "'").replace("\r", "").replace("\n", "");
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(p.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest r = builder("/api/deployments").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return JSON.readValue(send(r), DeploymentResult.class);
    }

    public List<DefinitionSummary> definitions() throws IOException, InterruptedException {
        return JSON.readValue(send(get("/api/definitions")), new TypeReference<>() {});
    }

    public String definitionXml(String definitionId) throws IOException, InterruptedException {
        return send(get("/api/definitions/" + enc(definitionId) + "/xml"));
    }

    public List<ElementStatistics> statistics(String definitionId) throws IOException, InterruptedException {
        return JSON.readValue(send(get("/api/definitions/" + enc(definitionId) + "/statistics")), new TypeReference<>() {});
    }

    public Page<InstanceSummary> instances(String definitionId, int limit) throws IOException, InterruptedException {
        return JSON.readValue(send(get("/api/instances?definitionId=" + enc(definitionId) + "&limit=" + limit)),
                new TypeReference<>() {});
    }

    /** One page of a definition's instances, newest first; state and businessKey (a prefix with a trailing *) may be null. */
    public Page<InstanceSummary> instances(String definitionId, String state, String businessKey, int offset, int limit)
            throws IOException, InterruptedException {
        StringBuilder q = new StringBuilder("/api/instances?definitionId=").append(enc(definitionId))
                .append("&offset=").append(offset).append("&limit=").append(limit);
        if (state != null) q.append("&state=").append(enc(state));
        if (businessKey != null && !businessKey.isEmpty()) q.append("&businessKey=").append(enc(businessKey));
        return JSON.readValue(send(get(q.toString())), new TypeReference<>() {});
    }

    /** The instance's caller and the instances its call activities started. */
    public InstanceFamily family(String instanceId) throws IOException, InterruptedException {
        return JSON.readValue(send(get("/api/instances/" + enc(instanceId) + "/family")), InstanceFamily.class);
    }

    /** Moves tokens: cancels those at the elements in cancel, then starts one before each element in startBefore. */
    public InstanceView modify(String instanceId, List<String> cancel, List<String> startBefore) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(new InstanceModification(cancel, startBefore));
        return JSON.readValue(send(builder("/api/instances/" + enc(instanceId) + "/modifications").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()), InstanceView.class);
    }

    /** Adds or replaces variables; answers all the instance's variables. */
    public Map<String, Object> setVariables(String instanceId, Map<String, Object> variables) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(variables);
        return JSON.readValue(send(builder("/api/instances/" + enc(instanceId) + "/variables").header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build()), new TypeReference<>() {});
    }

    /** Sets one variable to a JSON value. */
    public Map<String, Object> setVariable(String instanceId, String name, Object value) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(value);
        return JSON.readValue(send(builder("/api/instances/" + enc(instanceId) + "/variables/" + enc(name))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build()), new TypeReference<>() {});
    }

    public InstanceView instance(String id) throws IOException, InterruptedException {
        return JSON.readValue(send(get("/api/instances/" + enc(id))), InstanceView.class);
    }

    public List<HistoryEvent> history(String instanceId) throws IOException, InterruptedException {
        return JSON.readValue(send(get("/api/instances/" + enc(instanceId) + "/history")), new TypeReference<>() {});
    }

    public List<IncidentView> incidents(String instanceId) throws IOException, InterruptedException {
        return JSON.readValue(send(get("/api/incidents?instanceId=" + enc(instanceId))), new TypeReference<>() {});
    }

    public InstanceView start(String processId, Map<String, Object> variables, String businessKey) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(new StartInstanceRequest(variables, businessKey, null));
        HttpRequest r = builder("/api/processes/" + enc(processId) + "/instances").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return JSON.readValue(send(r), InstanceView.class);
    }

    public void retry(String incidentId) throws IOException, InterruptedException {
        send(builder("/api/incidents/" + enc(incidentId) + "/retry").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    public void suspend(String instanceId) throws IOException, InterruptedException {
        send(builder("/api/instances/" + enc(instanceId) + "/suspend").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public void resume(String instanceId) throws IOException, InterruptedException {
        send(builder("/api/instances/" + enc(instanceId) + "/resume").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public void cancel(String instanceId) throws IOException, InterruptedException {
        send(builder("/api/instances/" + enc(instanceId)).DELETE().build());
    }

    HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null && !token.isEmpty()) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private HttpRequest get(String path) {
        return builder(path).header("Accept", "application/json").GET().build();
    }

    private String send(HttpRequest r) throws IOException, InterruptedException {
        HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() / 100 == 2) return res.body();
        String detail = "HTTP " + res.statusCode();
        List<DeploymentProblem> problems = new ArrayList<>();
        try {
            JsonNode n = JSON.readTree(res.body());
            if (n.hasNonNull("detail")) detail = n.get("detail").asText();
            if (n.has("problems")) problems = JSON.convertValue(n.get("problems"), new TypeReference<>() {});
        } catch (IOException e) {
            if (res.body() != null && !res.body().isBlank()) detail += ": " + res.body();
        }
        throw new EngineException(res.statusCode(), detail, problems);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
