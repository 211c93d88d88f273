package dev.baton.designer.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `baton render` as a CI pipeline uses it: a BPMN file in, a picture out, clear errors otherwise. */
class RenderCommandTest {

    private static final String SMALL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="d" targetNamespace="t">
              <process id="p" isExecutable="true">
                <startEvent id="s" name="Order received"/>
                <sequenceFlow id="f" sourceRef="s" targetRef="t1"/>
                <userTask id="t1" name="Check order"/>
              </process>
              <bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="pl" bpmnElement="p">
                <bpmndi:BPMNShape id="s_di" bpmnElement="s"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
                <bpmndi:BPMNShape id="t_di" bpmnElement="t1"><dc:Bounds x="200" y="78" width="100" height="80"/></bpmndi:BPMNShape>
                <bpmndi:BPMNEdge id="f_di" bpmnElement="f"><di:waypoint x="136" y="118"/><di:waypoint x="200" y="118"/></bpmndi:BPMNEdge>
              </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
            </definitions>
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RenderCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void rendersPngAndSvg(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("order.bpmn");
        Files.writeString(in, SMALL);
        assertThat(run(in.toString(), dir.resolve("order.png").toString(), "--scale", "2")).isZero();
        var img = ImageIO.read(dir.resolve("order.png").toFile());
        assertThat(img.getWidth()).isGreaterThan(400);
        assertThat(run(in.toString(), dir.resolve("out/order.svg").toString(), "--theme", "dark")).isZero();
        String svg = Files.readString(dir.resolve("out/order.svg"));
        assertThat(svg).contains(">Check order</text>").contains(">Order received</text>").contains("<path");
    }

    @Test
    void badInputGetsAClearMessageAndExitCode(@TempDir Path dir) throws Exception {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("usage: baton render");
        assertThat(run(dir.resolve("missing.bpmn").toString(), dir.resolve("x.png").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("missing.bpmn").contains("does not exist");
        Path in = dir.resolve("order.bpmn");
        Files.writeString(in, SMALL);
        assertThat(run(in.toString(), dir.resolve("x.gif").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("must end in .png or .svg");
        Files.writeString(dir.resolve("broken.bpmn"), "<definitions><process id='p'>");
        assertThat(run(dir.resolve("broken.bpmn").toString(), dir.resolve("x.png").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("broken.bpmn");
        assertThat(err.toString()).doesNotContain("Exception");
    }
}
