package dev.baton.bench;

import dev.baton.engine.Baton;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.BpmnFile;
import dev.baton.engine.server.EngineServer;
import dev.baton.model.api.DefinitionSummary;
import dev.baton.model.api.ElementStatistics;
import dev.baton.model.api.InstanceQuery;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.MessageRequest;
import dev.baton.model.api.StartInstanceRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Baton embedded (the builder's defaults), or, with rest, driven through the REST API of its server. */
final class BatonBench implements BenchEngine {
    private final BatonEngine engine;
    private final AutoCloseable subscription;
    private final String url;
    private final EngineServer server;
    private final HttpClient http;

    BatonBench(Path dir, boolean rest) {
        this.url = BenchEngine.h2Url(dir, "engine");
        this.engine = Baton.builder().dataDir(dir).build();
        this.subscription = engine.subscribe(events -> {
            for (var e : events) {
                if ("INSTANCE_ENDED".equals(e.type()) && "COMPLETED".equals(e.payload().get("state"))) Ends.ended(e.instanceId());
            }
        });
        this.server = rest ? EngineServer.start(engine, "127.0.0.1", 0, null) : null;
        this.http = rest ? HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build() : null;
    }

    @Override
    public String name() { return server == null ? "baton" : "baton-rest"; }

    @Override
    public void deploy(Scenario scenario) {
        engine.deploy(List.of(BpmnFile.of(scenario.processId() + ".bpmn", Processes.xml(scenario, Processes.Dialect.BATON))));
    }

    @Override
    public String start(Scenario scenario, String businessKey, Map<String, Object> variables) {
        if (server == null) {
            return engine.startInstance(scenario.processId(), new StartInstanceRequest(variables, businessKey, null)).instance().id();
        }
        try {
            String body = engine.json().writeValueAsString(new StartInstanceRequest(variables, businessKey, null));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/processes/"
                    + scenario.processId() + "/instances")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Starting an instance over REST answered " + response.statusCode() + ": " + response.body());
            }
            return engine.json().readTree(response.body()).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Starting an instance over REST failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void correlate(String message, String businessKey) {
        engine.correlate(new MessageRequest(message, null, businessKey, Map.of()));
    }

    @Override
    public long completed(String processId) {
        return engine.instances(new InstanceQuery(processId, null, InstanceState.COMPLETED, null, null, null, 0, 1)).total();
    }

    @Override
    public long passedThrough(String processId, String elementId) {
        long n = 0;
        for (DefinitionSummary d : engine.definitions()) {
            if (!d.processId().equals(processId)) continue;
            for (ElementStatistics s : engine.statistics(d.id())) if (s.elementId().equals(elementId)) n += s.completed();
        }
        return n;
    }

    @Override
    public String jdbcUrl() { return url; }

    @Override
    public String jdbcUser() { return ""; }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            // closing a listener cannot fail in a way that matters to the numbers
        }
        if (server != null) server.close();
        engine.close();
    }
}
