package dev.baton.bpmn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.bpmn.BpmnFiles;
import dev.baton.model.Definitions;
import dev.baton.model.Task;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file commands as a user runs them: exit codes, what is printed, what is written. */
class BpmnCliTest {
    private static final String NS = "xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
            + "xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\" "
            + "xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" "
            + "xmlns:acme=\"https://acme.example/bpmn\"";

    /** A valid, drawn, executable process with a vendor extension Baton does not know. */
    private static final String GOOD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions %s id="d" targetNamespace="https://example.org">
              <bpmn:process id="order" name="Order" isExecutable="true">
                <bpmn:startEvent id="start" name="Order received"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="charge"/>
                <bpmn:serviceTask id="charge" name="Charge card" camunda:type="external" camunda:topic="payments">
                  <bpmn:extensionElements><acme:audit level="high"/></bpmn:extensionElements>
                  <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="f2" sourceRef="charge" targetRef="end"/>
                <bpmn:endEvent id="end" name="Order charged"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
              </bpmn:process>
              <bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="pl" bpmnElement="order">
                <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
                <bpmndi:BPMNShape id="charge_di" bpmnElement="charge"><dc:Bounds x="200" y="78" width="100" height="80"/></bpmndi:BPMNShape>
                <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="360" y="100" width="36" height="36"/></bpmndi:BPMNShape>
                <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118"/><di:waypoint x="200" y="118"/></bpmndi:BPMNEdge>
                <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118"/><di:waypoint x="360" y="118"/></bpmndi:BPMNEdge>
              </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """.formatted(NS);

    /** A task with two unconditional outgoing flows (no-implicit-split) on line 6, and no diagram at all. */
    private static final String SPLIT_WITHOUT_DI = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions %s id="d" targetNamespace="https://example.org">
              <bpmn:process id="p" isExecutable="false">
                <bpmn:startEvent id="start" name="Start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
                <bpmn:task id="work" name="Work"/>
                <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="a"/>
                <bpmn:sequenceFlow id="f3" sourceRef="work" targetRef="b"/>
                <bpmn:endEvent id="a" name="A"/>
                <bpmn:endEvent id="b" name="B"/>
              </bpmn:process>
            </bpmn:definitions>
            """.formatted(NS);

    @TempDir Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final BpmnCli cli = new BpmnCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void a_clean_file_checks_ok_and_exits_0() throws Exception {
        Path f = write("good.bpmn", GOOD);
        assertThat(cli.check(List.of(f.toString()))).isEqualTo(BpmnCli.OK);
        assertThat(out()).isEqualTo(f + ": ok\n");
    }

    @Test
    void errors_name_the_rule_the_element_and_its_line_and_exit_1() throws Exception {
        Path f = write("split.bpmn", SPLIT_WITHOUT_DI);
        assertThat(cli.check(List.of(f.toString()))).isEqualTo(BpmnCli.FAILED);
        assertThat(out()).contains(f + ": ").contains("error line 6 [work] no-implicit-split: ")
                .contains("no-bpmndi");
    }

    @Test
    void json_prints_one_object_per_file_with_element_ids_and_lines() throws Exception {
        write("good.bpmn", GOOD);
        write("split.bpmn", SPLIT_WITHOUT_DI);
        assertThat(cli.check(List.of("--json", dir.toString()))).isEqualTo(BpmnCli.FAILED);
        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode good = json.readTree(lines.get(0));
        JsonNode split = json.readTree(lines.get(1));
        assertThat(good.get("path").asText()).endsWith("good.bpmn");
        assertThat(good.get("errors")).isEmpty();
        assertThat(split.get("errors")).anySatisfy(e -> {
            assertThat(e.get("elementId").asText()).isEqualTo("work");
            assertThat(e.get("line").asInt()).isEqualTo(6);
            assertThat(e.get("message").asText()).contains("Work");
        });
    }

    @Test
    void a_hostile_file_is_an_error_with_its_line_not_a_crash() throws Exception {
        Path f = write("lol.bpmn", """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p">&lol2;</process></definitions>
                """);
        assertThat(cli.check(List.of(f.toString()))).isEqualTo(BpmnCli.FAILED);
        assertThat(out()).contains("error line 2 read: ").contains("DOCTYPE");
    }

    @Test
    void usage_errors_exit_2() {
        assertThat(cli.check(List.of())).isEqualTo(BpmnCli.USAGE);
        assertThat(cli.check(List.of("--frobnicate", "x.bpmn"))).isEqualTo(BpmnCli.USAGE);
        assertThat(cli.check(List.of(dir.resolve("missing.bpmn").toString()))).isEqualTo(BpmnCli.USAGE);
        assertThat(cli.convert(List.of("only-one.bpmn"))).isEqualTo(BpmnCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file or directory").contains("--help");
    }

    @Test
    void convert_keeps_unknown_extensions_and_the_camunda_topic() throws Exception {
        Path in = write("good.bpmn", GOOD);
        Path converted = dir.resolve("out/converted.bpmn");
        assertThat(cli.convert(List.of(in.toString(), converted.toString()))).isEqualTo(BpmnCli.OK);
        String xml = Files.readString(converted);
        assertThat(xml).contains("acme:audit").contains("level=\"high\"").contains("camunda:topic=\"payments\"");
        Definitions again = BpmnFiles.read(converted).definitions();
        Task charge = (Task) again.flowElement("charge").orElseThrow();
        assertThat(charge.implementation()).hasToString(
                BpmnFiles.read(in).definitions().flowElement("charge").map(e -> ((Task) e).implementation()).orElseThrow().toString());
    }

    @Test
    void layout_gives_a_file_without_diagram_one_and_changes_nothing_else() throws Exception {
        Path in = write("split.bpmn", SPLIT_WITHOUT_DI);
        Path laid = dir.resolve("laid.bpmn");
        assertThat(cli.layout(List.of(in.toString(), laid.toString()))).isEqualTo(BpmnCli.OK);
        Definitions before = BpmnFiles.read(in).definitions();
        Definitions after = BpmnFiles.read(laid).definitions();
        assertThat(after.rootElements()).isEqualTo(before.rootElements());
        assertThat(after.diagrams()).hasSize(1);
        assertThat(after.diagrams().get(0).plane().shapes()).hasSize(4);
        assertThat(after.diagrams().get(0).plane().edges()).hasSize(3);
        // the laid out file no longer has the no-bpmndi error
        cli.check(List.of(laid.toString()));
        assertThat(out()).doesNotContain("no-bpmndi");
    }

    @Test
    void a_failed_read_leaves_no_output_file_behind() throws Exception {
        Path in = write("broken.bpmn", "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">");
        Path target = dir.resolve("never.bpmn");
        assertThat(cli.convert(List.of(in.toString(), target.toString()))).isEqualTo(BpmnCli.FAILED);
        assertThat(target).doesNotExist();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("broken.bpmn:2:1: the file is not well-formed XML");
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content.strip() + "\n");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
