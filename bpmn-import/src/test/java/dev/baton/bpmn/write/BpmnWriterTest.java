package dev.baton.bpmn.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.ActivitySettings;
import dev.baton.model.Definitions;
import dev.baton.model.Documentation;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.Expression;
import dev.baton.model.FlowContent;
import dev.baton.model.Gateway;
import dev.baton.model.Process;
import dev.baton.model.SequenceFlow;
import dev.baton.model.Task;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Diagram;
import dev.baton.model.di.DiagramElement;
import dev.baton.model.di.Edge;
import dev.baton.model.di.Label;
import dev.baton.model.di.Plane;
import dev.baton.model.di.Point;
import dev.baton.model.di.Shape;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given a small order process built in code, the written file is what bpmn.io writes and the schema accepts. */
class BpmnWriterTest {
    private final BpmnWriter writer = new BpmnWriter();

    static Definitions orderProcess() {
        Task check = new Task("Task_check", "Check\norder", ElementKind.USER_TASK,
                ActivitySettings.DEFAULT.withDefaultFlow(null), null, null, null, null, false,
                List.of(Documentation.plain("Look at the order & decide")), null);
        Gateway ok = Gateway.of("Gateway_ok", "Order ok?", ElementKind.EXCLUSIVE_GATEWAY).withDefaultFlow("Flow_no");
        FlowContent content = new FlowContent(List.of(
                Event.of("Start", "Order received", ElementKind.START_EVENT, null),
                check,
                ok,
                Event.of("End_done", "Shipped", ElementKind.END_EVENT, null),
                Event.of("End_rejected", null, ElementKind.END_EVENT, null),
                SequenceFlow.of("Flow_1", "Start", "Task_check"),
                SequenceFlow.of("Flow_2", "Task_check", "Gateway_ok"),
                SequenceFlow.of("Flow_yes", "Gateway_ok", "End_done").withCondition(Expression.of("${amount < 1000}")),
                SequenceFlow.of("Flow_no", "Gateway_ok", "End_rejected")), List.of(), List.of());
        Process process = Process.of("Process_order", "Order", content);
        List<DiagramElement> di = List.of(
                Shape.of("Start_di", "Start", new Bounds(152, 82, 36, 36))
                        .withLabel(new Label(new Bounds(130.5, 125, 80, 14), null, null)),
                Shape.of("Task_check_di", "Task_check", new Bounds(240, 60, 100, 80)),
                new Shape("Gateway_ok_di", "Gateway_ok", new Bounds(395, 75, 50, 50), null, null, true, null, null, null, null, null),
                Shape.of("End_done_di", "End_done", new Bounds(502, 82, 36, 36)),
                Shape.of("End_rejected_di", "End_rejected", new Bounds(502, 192, 36, 36)),
                Edge.of("Flow_1_di", "Flow_1", List.of(new Point(188, 100), new Point(240, 100))),
                Edge.of("Flow_2_di", "Flow_2", List.of(new Point(340, 100), new Point(395, 100))),
                Edge.of("Flow_yes_di", "Flow_yes", List.of(new Point(445, 100), new Point(502, 100))),
                Edge.of("Flow_no_di", "Flow_no", List.of(new Point(420, 125), new Point(420, 210.25), new Point(502, 210.25))));
        Diagram diagram = new Diagram("Diagram_1", "Order", null, null, new Plane("Plane_1", "Process_order", di, null), null, null);
        return Definitions.of("Definitions_order", List.of(process), List.of(diagram));
    }

    @Test
    void givenAnOrderProcess_whenWritten_thenTheSchemaAcceptsIt() {
        WrittenXml.of(writer.write(orderProcess())).assertValid();
    }

    @Test
    void givenAnOrderProcess_whenWritten_thenItUsesTheBpmnIoPrefixesAndIsUtf8() {
        WrittenXml xml = WrittenXml.of(writer.write(orderProcess()));

        assertThat(xml.text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bpmn:definitions ");
        assertThat(xml.rootDeclarations()).containsEntry("bpmn", "http://www.omg.org/spec/BPMN/20100524/MODEL")
                .containsEntry("bpmndi", "http://www.omg.org/spec/BPMN/20100524/DI")
                .containsEntry("dc", "http://www.omg.org/spec/DD/20100524/DC")
                .containsEntry("di", "http://www.omg.org/spec/DD/20100524/DI");
        assertThat(xml.text).contains("<bpmn:userTask id=\"Task_check\"", "<bpmndi:BPMNShape id=\"Start_di\"",
                "<dc:Bounds ", "<di:waypoint ");
    }

    @Test
    void givenFlows_whenWritten_thenNodesListTheirIncomingAndOutgoingFlowsAfterTheirDocumentation() {
        WrittenXml xml = WrittenXml.of(writer.write(orderProcess()));

        assertThat(xml.childNames("//bpmn:userTask[@id='Task_check']")).containsExactly("documentation", "incoming", "outgoing");
        assertThat(xml.string("//bpmn:exclusiveGateway/bpmn:incoming")).isEqualTo("Flow_2");
        assertThat(xml.elements("//bpmn:exclusiveGateway/bpmn:outgoing")).extracting(e -> e.getTextContent())
                .containsExactly("Flow_yes", "Flow_no");
        assertThat(xml.string("//bpmn:exclusiveGateway/@default")).isEqualTo("Flow_no");
    }

    @Test
    void givenAConditionalFlow_whenWritten_thenTheConditionIsAFormalExpressionWithoutLanguage() {
        WrittenXml xml = WrittenXml.of(writer.write(orderProcess()));

        assertThat(xml.string("//bpmn:sequenceFlow[@id='Flow_yes']/bpmn:conditionExpression")).isEqualTo("${amount < 1000}");
        assertThat(xml.text).contains("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${amount &lt; 1000}</bpmn:conditionExpression>");
        assertThat(xml.count("//bpmn:conditionExpression/@language")).isZero();
    }

    @Test
    void givenAMultiLineName_whenWritten_thenTheLineBreakSurvivesAReRead() {
        WrittenXml xml = WrittenXml.of(writer.write(orderProcess()));

        assertThat(xml.text).contains("name=\"Check&#10;order\"");
        assertThat(xml.string("//bpmn:userTask/@name")).isEqualTo("Check\norder");
        assertThat(xml.string("//bpmn:userTask/bpmn:documentation")).isEqualTo("Look at the order & decide");
    }

    @Test
    void givenWholeAndFractionalCoordinates_whenWritten_thenWholeNumbersHaveNoDecimalPoint() {
        WrittenXml xml = WrittenXml.of(writer.write(orderProcess()));

        assertThat(xml.text).contains("<dc:Bounds x=\"152\" y=\"82\" width=\"36\" height=\"36\" />")
                .contains("<dc:Bounds x=\"130.5\" y=\"125\" width=\"80\" height=\"14\" />")
                .contains("<di:waypoint x=\"420\" y=\"210.25\" />");
        assertThat(xml.string("//bpmndi:BPMNShape[@id='Gateway_ok_di']/@isMarkerVisible")).isEqualTo("true");
    }

    @Test
    void givenAProcess_whenWritten_thenRootElementsComeBeforeTheDiagram() {
        WrittenXml xml = WrittenXml.of(writer.write(orderProcess()));

        assertThat(xml.childNames("/bpmn:definitions")).containsExactly("process", "BPMNDiagram");
        assertThat(xml.string("/bpmn:definitions/@targetNamespace")).isEqualTo("https://baton.dev/bpmn");
        assertThat(xml.string("/bpmn:definitions/@exporter")).isEqualTo("Baton");
        assertThat(xml.string("//bpmn:process/@isExecutable")).isEqualTo("true");
        assertThat(xml.string("//bpmndi:BPMNPlane/@bpmnElement")).isEqualTo("Process_order");
    }

    @Test
    void givenTheThreeWriteMethods_whenWritingOneModel_thenTheyProduceTheSameDocument() throws Exception {
        Definitions d = orderProcess();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(d, out);

        assertThat(out.toByteArray()).isEqualTo(writer.write(d));
        assertThat(writer.writeString(d)).isEqualTo(new String(writer.write(d), StandardCharsets.UTF_8));
    }

    @Test
    void givenTextWithControlCharacters_whenWritten_thenTheFileIsStillWellFormed() {
        Definitions d = orderProcess();
        Process p = d.processes().get(0);
        Definitions dirty = d.replace(p.withName("Order\u0001 \uD800process"));

        WrittenXml xml = WrittenXml.of(writer.write(dirty)).assertValid();

        assertThat(xml.string("//bpmn:process/@name")).isEqualTo("Order process");
    }
}
