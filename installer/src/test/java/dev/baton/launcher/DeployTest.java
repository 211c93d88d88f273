package dev.baton.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.Baton;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.server.EngineServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code baton deploy} against a real engine on a free loopback port: good files are deployed and listed by the
 * engine, rejected ones print the engine's problems with file, line and element id, a token-protected engine takes the
 * token from the named environment variable, and an engine that is not there is a clear exit 2.
 */
class DeployTest {

    private static final String GOOD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs" targetNamespace="https://baton.dev/test">
              <bpmn:process id="%s" name="Hello" isExecutable="true">
                <bpmn:startEvent id="Start" name="Start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Review"/>
                <bpmn:userTask id="Review" name="Review"/>
                <bpmn:sequenceFlow id="f2" sourceRef="Review" targetRef="End"/>
                <bpmn:endEvent id="End" name="End"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    /** ChargeCard (line 6) is a service task with no implementation: the engine cannot run it. */
    private static final String BAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs" targetNamespace="https://baton.dev/test">
              <bpmn:process id="payment" name="Payment" isExecutable="true">
                <bpmn:startEvent id="Start" name="Start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="ChargeCard"/>
                <bpmn:serviceTask id="ChargeCard" name="Charge card"/>
                <bpmn:sequenceFlow id="f2" sourceRef="ChargeCard" targetRef="End"/>
                <bpmn:endEvent id="End" name="End"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    @TempDir Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) running.get(i).close();
    }

    private String engine(String token) {
        BatonEngine engine = Baton.builder().dataDir(dir.resolve("engine-" + running.size())).build();
        running.add(engine);
        EngineServer server = EngineServer.start(engine, "127.0.0.1", 0, token);
        running.add(server);
        return "http://127.0.0.1:" + server.port();
    }

    private int deploy(Map<String, String> env, String... args) {
        Deploy d = new Deploy(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env::get);
        return d.deploy(List.of(args));
    }

    private Path file(String name, String xml) throws Exception {
        return Files.writeString(dir.resolve(name), xml);
    }

    private static JsonNode get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + url + ": " + r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void goodFilesAreDeployedTogetherAndTheEngineListsTheirDefinitions() throws Exception {
        String engine = engine(null);
        Path hello = file("hello.bpmn", GOOD.formatted("hello"));
        Path other = file("other.bpmn", GOOD.formatted("other"));

        assertThat(deploy(Map.of(), hello.toString(), other.toString(), "--engine", engine)).as(err.toString()).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("deployed 2 files to " + engine)
                .containsPattern("hello\\s+version 1\\s+hello:1").containsPattern("other\\s+version 1\\s+other:1");
        JsonNode definitions = get(engine + "/api/definitions", null);
        assertThat(definitions.findValuesAsText("processId")).contains("hello", "other");

        // a changed file gets the next version; the command says which
        out.reset();
        Files.writeString(hello, GOOD.formatted("hello").replace("name=\"Hello\"", "name=\"Hello again\""));
        assertThat(deploy(Map.of(), hello.toString(), "--engine", engine)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("hello\\s+version 2\\s+hello:2");
    }

    @Test
    void aFolderDeploysItsBpmnAndDmnFilesTogether() throws Exception {
        String engine = engine(null);
        Path folder = Files.createDirectories(dir.resolve("shipping"));
        Files.writeString(folder.resolve("shipping.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  id="Defs" targetNamespace="https://baton.dev/test">
                  <bpmn:process id="shipping" isExecutable="true">
                    <bpmn:startEvent id="Start"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Mode"/>
                    <bpmn:businessRuleTask id="Mode" camunda:decisionRef="shippingMode" camunda:mapDecisionResult="singleEntry"
                                           camunda:resultVariable="mode"/>
                    <bpmn:sequenceFlow id="f2" sourceRef="Mode" targetRef="End"/>
                    <bpmn:endEvent id="End"/>
                  </bpmn:process>
                </bpmn:definitions>
                """);
        Files.writeString(folder.resolve("shipping.dmn"), """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="Shipping" namespace="https://baton.dev/test">
                  <decision id="shippingMode" name="Shipping mode">
                    <decisionTable id="t" hitPolicy="FIRST">
                      <input id="i"><inputExpression id="e" typeRef="number"><text>weight</text></inputExpression></input>
                      <output id="o" name="mode" typeRef="string"/>
                      <rule id="a"><inputEntry id="a1"><text>&gt; 10</text></inputEntry><outputEntry id="a2"><text>"freight"</text></outputEntry></rule>
                      <rule id="b"><inputEntry id="b1"><text>-</text></inputEntry><outputEntry id="b2"><text>"parcel"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """);
        Files.writeString(folder.resolve("notes.txt"), "not deployed");

        assertThat(deploy(Map.of(), folder.toString(), "--engine", engine)).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("deployed 2 files to " + engine)
                .containsPattern("shipping\\s+version 1\\s+shipping:1").containsPattern("shippingMode\\s+version 1\\s+shippingMode:1 \\(decision\\)");
    }

    @Test
    void aRejectedFileExitsOneAndNamesFileLineAndElement() throws Exception {
        String engine = engine(null);
        Path good = file("hello.bpmn", GOOD.formatted("hello"));
        Path bad = file("payment.bpmn", BAD);

        assertThat(deploy(Map.of(), good.toString(), bad.toString(), "--engine", engine)).isEqualTo(1);

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("rejected").contains(bad + ":6: ERROR [ChargeCard]");
        assertThat(get(engine + "/api/definitions", null).findValuesAsText("processId")).as("nothing deployed").isEmpty();
    }

    @Test
    void aTokenProtectedEngineTakesTheTokenFromTheNamedVariable() throws Exception {
        String engine = engine("s3cret-token");
        Path hello = file("hello.bpmn", GOOD.formatted("hello"));

        assertThat(deploy(Map.of(), hello.toString(), "--engine", engine)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refused the API token (401)").contains("--token-env");

        err.reset();
        assertThat(deploy(Map.of("CI_BATON_TOKEN", "s3cret-token"), hello.toString(), "--engine", engine, "--token-env", "CI_BATON_TOKEN"))
                .as(err.toString()).isZero();
        assertThat(get(engine + "/api/definitions", "s3cret-token").findValuesAsText("processId")).contains("hello");
        assertThat(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).doesNotContain("s3cret-token");

        err.reset();
        assertThat(deploy(Map.of(), hello.toString(), "--engine", engine, "--token-env", "CI_BATON_TOKEN")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("CI_BATON_TOKEN").contains("not set");
    }

    @Test
    void anEngineThatIsNotThereIsExitTwoWithoutAStackTrace() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path hello = file("hello.bpmn", GOOD.formatted("hello"));

        assertThat(deploy(Map.of(), hello.toString(), "--engine", "http://127.0.0.1:" + port)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot reach the engine at http://127.0.0.1:" + port)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void usageErrorsAreExitTwo() throws Exception {
        assertThat(deploy(Map.of())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no BPMN or DMN files given").contains("usage: baton deploy");
        err.reset();
        assertThat(deploy(Map.of(), dir.resolve("missing.bpmn").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.bpmn: no such file");
        err.reset();
        assertThat(deploy(Map.of(), file("a.bpmn", GOOD.formatted("a")).toString(), "--engine")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--engine needs a value");
        err.reset();
        assertThat(deploy(Map.of(), file("b.bpmn", GOOD.formatted("b")).toString(), "--engine", "127.0.0.1:8080")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not an engine address");
    }
}
