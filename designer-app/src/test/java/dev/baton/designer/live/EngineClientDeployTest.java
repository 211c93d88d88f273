package dev.baton.designer.live;

import dev.baton.model.api.DefinitionSummary;
import dev.baton.model.api.DeploymentResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EngineClient's multipart deployment against a real embedded engine over HTTP. */
class EngineClientDeployTest {

    @TempDir static Path data;
    private static EmbeddedEngine engine;
    private static EngineClient client;

    @BeforeAll
    static void start() {
        engine = EmbeddedEngine.start(data.resolve("engine"));
        client = new EngineClient(engine.url(), null);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void several_files_go_in_one_deployment_and_a_bad_one_refuses_them_all() throws Exception {
        assertThatThrownBy(() -> client.deploy(List.of(part("ms-caller.bpmn", "live/ms-caller.bpmn"),
                part("ms-callee.bpmn", "live/ms-callee-broken.bpmn"))))
                .isInstanceOfSatisfying(EngineClient.EngineException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.problems()).isNotEmpty().allMatch(p -> p.file().equals("ms-callee.bpmn"));
                    assertThat(e.problems()).anyMatch(p -> "AskExpert".equals(p.elementId()) && p.line() != null && p.line() == 6);
                });
        assertThat(client.definitions()).noneMatch(d -> d.processId().startsWith("ms"));

        DeploymentResult r = client.deploy(List.of(part("ms-caller.bpmn", "live/ms-caller.bpmn"), part("ms-callee.bpmn", "live/ms-callee.bpmn")));
        assertThat(r.definitions()).extracting(DefinitionSummary::processId).containsExactlyInAnyOrder("msCaller", "msCallee");
        assertThat(client.definitions()).filteredOn(d -> d.processId().startsWith("ms"))
                .extracting(DefinitionSummary::deploymentId).containsExactly(r.id(), r.id());
        assertThat(client.definitions()).filteredOn(d -> d.processId().equals("msCallee"))
                .extracting(DefinitionSummary::sourceName).containsExactly("ms-callee.bpmn");
    }

    @Test
    void a_deployment_needs_a_named_file() {
        assertThatThrownBy(() -> client.deploy(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EngineClient.BpmnPart(" ", new byte[0])).hasMessageContaining("name");
    }

    private static EngineClient.BpmnPart part(String name, String resource) throws Exception {
        try (InputStream in = EngineClientDeployTest.class.getResourceAsStream("/" + resource)) {
            return new EngineClient.BpmnPart(name, in.readAllBytes());
        }
    }
}
