package dev.baton.designer.live;

import dev.baton.designer.ui.EditorTab;
import dev.baton.model.api.DefinitionSummary;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.InstanceSummary;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.baton.designer.live.LiveDesigner.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given 10,000 running instances of one definition, all waiting at a user task, the monitor shows one badge
 * saying 10000 at the task (the engine's aggregated statistics, drawn on the canvas: no node per instance), one
 * page of the instance list (the table holds 50 rows, the label names the total), an instance can be selected, and
 * the JavaFX thread keeps answering while the events of the 10,000 starts stream in. Functional only: the timings
 * are measured by TenThousandInstancesBenchmarkTest.
 */
@ExtendWith(ApplicationExtension.class)
class TenThousandInstancesGuiTest {

    static final int INSTANCES = Integer.getInteger("baton.test.tenk", 10_000);

    /** Start, one user task, end: each instance waits at "Approve" once started. */
    static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Defs_tenk" targetNamespace="https://baton.dev/test">
              <bpmn:process id="tenk" name="Ten thousand" isExecutable="true">
                <bpmn:startEvent id="Requested"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="Requested" targetRef="Approve" />
                <bpmn:userTask id="Approve" name="Approve"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
                <bpmn:sequenceFlow id="f2" sourceRef="Approve" targetRef="Done" />
                <bpmn:endEvent id="Done"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
              </bpmn:process>
              <bpmndi:BPMNDiagram id="dia">
                <bpmndi:BPMNPlane id="plane" bpmnElement="tenk">
                  <bpmndi:BPMNShape id="Requested_di" bpmnElement="Requested"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="Approve_di" bpmnElement="Approve"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="Done_di" bpmnElement="Done"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;

    /** How long the waits for 10,000 instances' events allow. */
    static final long TIMEOUT_SECONDS = 120;

    @TempDir static Path data;
    private LiveDesigner live;

    @Start
    void start(Stage stage) {
        live = LiveDesigner.start(stage, data, "baton-tenk-test-", 1400, 900);
    }

    @AfterEach
    void stop() throws Exception {
        live.close();
    }

    @Test
    void ten_thousand_waiting_instances_show_as_one_badge_and_one_page_and_the_ui_keeps_answering(FxRobot robot) throws Exception {
        await(TIMEOUT_SECONDS, () -> live.session.ready() && live.session.client() != null, "the engine");
        EngineClient client = live.session.client();
        client.deploy("tenk.bpmn", PROCESS);
        DefinitionSummary def = client.definitions().stream().filter(d -> d.processId().equals("tenk")).findFirst().orElseThrow();
        // the monitor is open while the instances start, so their events stream into it
        CompletableFuture<Monitor> opened = new CompletableFuture<>();
        Platform.runLater(() -> opened.complete(live.session.openMonitor(def, PROCESS)));
        Monitor m = opened.get(30, TimeUnit.SECONDS);

        long t0 = System.nanoTime();
        startAll(client, INSTANCES);
        System.out.printf("tenk: %d instances started over HTTP in %.1f s%n", INSTANCES, (System.nanoTime() - t0) / 1e9);
        // while the events of the last starts still arrive, the JavaFX thread answers
        CompletableFuture<Boolean> answered = new CompletableFuture<>();
        Platform.runLater(() -> answered.complete(Platform.isFxApplicationThread()));
        assertThat(answered.get(30, TimeUnit.SECONDS)).isTrue();

        await(TIMEOUT_SECONDS, () -> m.counts("Approve")[0] == INSTANCES, INSTANCES + " tokens at 'Approve'");
        System.out.printf("tenk: badge at %d after %.1f s%n", INSTANCES, (System.nanoTime() - t0) / 1e9);
        // and the engine's own figures, fetched once the events pause, agree
        assertThat(client.statistics(def.id())).anySatisfy(s -> {
            assertThat(s.elementId()).isEqualTo("Approve");
            assertThat(s.active()).isEqualTo(INSTANCES);
        });
        assertThat(m.counts("Requested")[2]).isEqualTo(INSTANCES);

        // one page of the list, the total in the label
        TableView<InstanceSummary> table = robot.lookup("#monitor-instances").queryAs(TableView.class);
        await(TIMEOUT_SECONDS, () -> m.total() == INSTANCES && table.getItems().size() == m.pageSize(), "one page of the instance list");
        Label page = robot.from(table.getParent()).lookup((Node n) -> n instanceof Label l && l.getText().contains(" of ")).queryAs(Label.class);
        assertThat(page.getText()).isEqualTo("1–" + m.pageSize() + " of " + INSTANCES);
        assertThat(table.getItems()).allMatch(i -> i.state() == InstanceState.ACTIVE);
        // virtualised: a screenful of row cells, not a row per instance; the diagram is one canvas
        int rows = robot.from(table).lookup(".table-row-cell").queryAll().size();
        assertThat(rows).isBetween(1, m.pageSize() + 5);
        EditorTab tab = m.tab();
        assertThat(countNodes(live.window.stage().getScene().getRoot())).isLessThan(2_000);

        // the badge drawn at 'Approve' says 10000
        List<String> texts = new ArrayList<>();
        robot.interact(() -> texts.addAll(m.badgeTexts("Approve")));
        assertThat(texts).containsExactly(String.valueOf(INSTANCES));

        // paging moves to the next page
        List<InstanceSummary> first = List.copyOf(table.getItems());
        robot.interact(() -> m.page(1));
        await(TIMEOUT_SECONDS, () -> page.getText().equals((m.pageSize() + 1) + "–" + 2 * m.pageSize() + " of " + INSTANCES), "the second page");
        assertThat(table.getItems()).hasSize(m.pageSize()).doesNotContainAnyElementsOf(first);

        // selecting an instance shows it
        InstanceSummary chosen = table.getItems().get(3);
        robot.interact(() -> table.getSelectionModel().select(3));
        await(TIMEOUT_SECONDS, () -> m.selected() != null && m.selected().id().equals(chosen.id()), "the selected instance");
        assertThat(m.activeElements()).containsExactly("Approve");
        assertThat(m.pathTaken()).contains("Requested", "f1", "Approve");
        assertThat(tab.getText()).isEqualTo(def.id() + " (engine)");
    }

    /** Starts the instances over HTTP from four threads, as any clients would. */
    static void startAll(EngineClient client, int n) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                for (int k; (k = next.getAndIncrement()) < n; ) {
                    try {
                        client.start("tenk", Map.of("n", k), "req-" + k);
                    } catch (Exception e) {
                        failures.add(e);
                        return;
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) th.join();
        assertThat(failures).isEmpty();
    }

    private static int countNodes(Node n) {
        int c = 1;
        if (n instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) c += countNodes(child);
        return c;
    }
}
