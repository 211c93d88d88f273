package dev.baton.bpmn.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.Collaboration;
import dev.baton.model.Definitions;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.FlowContent;
import dev.baton.model.Lane;
import dev.baton.model.LaneSet;
import dev.baton.model.Process;
import dev.baton.model.SequenceFlow;
import dev.baton.model.SubProcess;
import dev.baton.model.Task;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Diagram;
import dev.baton.model.di.Edge;
import dev.baton.model.di.Label;
import dev.baton.model.di.LabelStyle;
import dev.baton.model.di.Plane;
import dev.baton.model.di.Point;
import dev.baton.model.di.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given pools, nested lanes, message flows and two diagrams, the collaboration and its drawing are written completely. */
class CollaborationWriteTest {
    private static final BpmnWriter WRITER = new BpmnWriter();

    static Definitions purchase() {
        LaneSet nested = new LaneSet("LaneSet_sales", null, List.of(
                new Lane("Lane_desk", "Desk", List.of("Start"), null, null, null, null),
                new Lane("Lane_phone", "Phone", List.of("Task_call"), null, null, null, null)), null);
        LaneSet lanes = new LaneSet("LaneSet_1", "Roles", List.of(
                new Lane("Lane_sales", "Sales", List.of("Start", "Task_call"), nested, null, null, null),
                new Lane("Lane_billing", "Billing", List.of("Sub_bill", "End"), null, null, null, null)), null);
        SubProcess bill = new SubProcess("Sub_bill", "Bill", ElementKind.SUB_PROCESS, new FlowContent(List.of(
                Task.of("Task_invoice", "Invoice", ElementKind.SEND_TASK)), List.of(), List.of()), null, null, null, null, null);
        Process seller = new Process("Process_seller", "Seller", true, null, false, new FlowContent(List.of(
                Event.of("Start", "Order", ElementKind.START_EVENT, null),
                Task.of("Task_call", "Call back", ElementKind.TASK),
                bill,
                Event.of("End", null, ElementKind.END_EVENT, null),
                SequenceFlow.of("Flow_1", "Start", "Task_call"),
                SequenceFlow.of("Flow_2", "Task_call", "Sub_bill"),
                SequenceFlow.of("Flow_3", "Sub_bill", "End")), List.of(), List.of(lanes)), null, null);
        Collaboration collaboration = new Collaboration("Collaboration_1", "Purchase", false, List.of(
                new Collaboration.Participant("Pool_seller", "Seller", "Process_seller", null, null),
                new Collaboration.Participant("Pool_customer", "Customer", null, null, null)), List.of(
                new Collaboration.MessageFlow("MsgFlow_order", "order", "Pool_customer", "Start", null, null, null),
                new Collaboration.MessageFlow("MsgFlow_invoice", null, "Task_invoice", "Pool_customer", null, null, null)),
                List.of(), null, null);
        Plane main = new Plane("Plane_main", "Collaboration_1", List.of(
                new Shape("Pool_seller_di", "Pool_seller", new Bounds(100, 200, 800, 400), null, true, null, null, null, null, null, null),
                new Shape("Lane_sales_di", "Lane_sales", new Bounds(130, 200, 770, 250), null, true, null, null, null, null, null, null),
                new Shape("Lane_desk_di", "Lane_desk", new Bounds(160, 200, 740, 125), null, true, null, null, null, null, null, null),
                new Shape("Lane_phone_di", "Lane_phone", new Bounds(160, 325, 740, 125), null, true, null, null, null, null, null, null),
                new Shape("Lane_billing_di", "Lane_billing", new Bounds(130, 450, 770, 150), null, true, null, null, null, null, null, null),
                new Shape("Pool_customer_di", "Pool_customer", new Bounds(100, 40, 800, 60), null, true, null, null, null, null,
                        new Label(null, "Style_bold", null), null),
                Shape.of("Start_di", "Start", new Bounds(200, 240, 36, 36)),
                Shape.of("Task_call_di", "Task_call", new Bounds(300, 350, 100, 80)),
                Shape.of("Sub_bill_di", "Sub_bill", new Bounds(460, 470, 100, 80)).withExpanded(false),
                Shape.of("End_di", "End", new Bounds(640, 492, 36, 36)),
                Edge.of("Flow_1_di", "Flow_1", List.of(new Point(236, 258), new Point(350, 258), new Point(350, 350))),
                Edge.of("Flow_2_di", "Flow_2", List.of(new Point(400, 390), new Point(510, 390), new Point(510, 470))),
                Edge.of("Flow_3_di", "Flow_3", List.of(new Point(560, 510), new Point(640, 510))),
                new Edge("MsgFlow_order_di", "MsgFlow_order", List.of(new Point(218, 100), new Point(218, 240)),
                        "Pool_customer_di", "Start_di", "initiating",
                        new Label(new Bounds(225, 160, 30, 14), "Style_bold", null), null),
                new Edge("MsgFlow_invoice_di", "MsgFlow_invoice", List.of(new Point(510, 470), new Point(510, 100)),
                        null, null, "non_initiating", null, null)), null);
        Plane inside = new Plane("Plane_bill", "Sub_bill", List.of(Shape.of("Task_invoice_di", "Task_invoice", new Bounds(180, 80, 100, 80))), null);
        List<LabelStyle> styles = List.of(new LabelStyle("Style_bold", "Arial", 11.0, true, false, false, false));
        return new Definitions("Definitions_purchase", null, "https://example.com/purchase", null, null, null, null, null, null,
                List.of(collaboration, seller), List.of(
                new Diagram("Diagram_main", "Purchase", "the whole collaboration", 96.0, main, styles, null),
                new Diagram("Diagram_bill", "Bill", null, null, inside, null, null)), null, null);
    }

    @Test
    void givenPoolsLanesAndTwoDiagrams_whenWritten_thenTheSchemaAcceptsIt() {
        WrittenXml.of(WRITER.write(purchase())).assertValid();
    }

    @Test
    void givenACollaboration_whenWritten_thenParticipantsComeBeforeMessageFlowsAndBlackBoxPoolsHaveNoProcess() {
        WrittenXml xml = WrittenXml.of(WRITER.write(purchase()));

        assertThat(xml.childNames("//bpmn:collaboration")).containsExactly("participant", "participant", "messageFlow", "messageFlow");
        assertThat(xml.string("//bpmn:participant[@id='Pool_seller']/@processRef")).isEqualTo("Process_seller");
        assertThat(xml.count("//bpmn:participant[@id='Pool_customer']/@processRef")).isZero();
        assertThat(xml.string("//bpmn:messageFlow[@id='MsgFlow_order']/@sourceRef")).isEqualTo("Pool_customer");
        assertThat(xml.string("//bpmn:messageFlow[@id='MsgFlow_order']/@targetRef")).isEqualTo("Start");
        assertThat(xml.childNames("/bpmn:definitions")).containsExactly("collaboration", "process", "BPMNDiagram", "BPMNDiagram");
    }

    @Test
    void givenNestedLanes_whenWritten_thenTheLaneSetComesFirstAndChildLanesAreInAChildLaneSet() {
        WrittenXml xml = WrittenXml.of(WRITER.write(purchase()));

        assertThat(xml.childNames("//bpmn:process").get(0)).isEqualTo("laneSet");
        assertThat(xml.childNames("//bpmn:lane[@id='Lane_sales']")).containsExactly("flowNodeRef", "flowNodeRef", "childLaneSet");
        assertThat(xml.string("//bpmn:lane[@id='Lane_sales']/bpmn:childLaneSet/@id")).isEqualTo("LaneSet_sales");
        assertThat(xml.string("//bpmn:childLaneSet/bpmn:lane[@id='Lane_phone']/bpmn:flowNodeRef")).isEqualTo("Task_call");
        assertThat(xml.string("//bpmn:laneSet/@name")).isEqualTo("Roles");
    }

    @Test
    void givenShapeAndEdgeSettings_whenWritten_thenEveryDiAttributeIsWritten() {
        WrittenXml xml = WrittenXml.of(WRITER.write(purchase()));

        assertThat(xml.string("//bpmndi:BPMNShape[@id='Pool_seller_di']/@isHorizontal")).isEqualTo("true");
        assertThat(xml.string("//bpmndi:BPMNShape[@id='Sub_bill_di']/@isExpanded")).isEqualTo("false");
        assertThat(xml.string("//bpmndi:BPMNEdge[@id='MsgFlow_order_di']/@messageVisibleKind")).isEqualTo("initiating");
        assertThat(xml.string("//bpmndi:BPMNEdge[@id='MsgFlow_order_di']/@sourceElement")).isEqualTo("Pool_customer_di");
        assertThat(xml.string("//bpmndi:BPMNEdge[@id='MsgFlow_order_di']/@targetElement")).isEqualTo("Start_di");
        assertThat(xml.childNames("//bpmndi:BPMNEdge[@id='MsgFlow_order_di']")).containsExactly("waypoint", "waypoint", "BPMNLabel");
        assertThat(xml.string("//bpmndi:BPMNEdge[@id='MsgFlow_order_di']/bpmndi:BPMNLabel/@labelStyle")).isEqualTo("Style_bold");
        assertThat(xml.string("//bpmndi:BPMNShape[@id='Pool_customer_di']/bpmndi:BPMNLabel/@labelStyle")).isEqualTo("Style_bold");
        assertThat(xml.count("//bpmndi:BPMNShape[@id='Pool_customer_di']/bpmndi:BPMNLabel/dc:Bounds")).isZero();
    }

    @Test
    void givenTwoDiagramsWithAStyle_whenWritten_thenEachDiagramHasItsPlaneAndTheStyleFollowsThePlane() {
        WrittenXml xml = WrittenXml.of(WRITER.write(purchase()));

        assertThat(xml.childNames("//bpmndi:BPMNDiagram[@id='Diagram_main']")).containsExactly("BPMNPlane", "BPMNLabelStyle");
        assertThat(xml.string("//bpmndi:BPMNDiagram[@id='Diagram_main']/@resolution")).isEqualTo("96");
        assertThat(xml.string("//bpmndi:BPMNDiagram[@id='Diagram_main']/@documentation")).isEqualTo("the whole collaboration");
        assertThat(xml.string("//bpmndi:BPMNDiagram[@id='Diagram_bill']/bpmndi:BPMNPlane/@bpmnElement")).isEqualTo("Sub_bill");
        assertThat(xml.string("//bpmndi:BPMNLabelStyle/dc:Font/@name")).isEqualTo("Arial");
        assertThat(xml.string("//bpmndi:BPMNLabelStyle/dc:Font/@size")).isEqualTo("11");
        assertThat(xml.string("//bpmndi:BPMNLabelStyle/dc:Font/@isBold")).isEqualTo("true");
        assertThat(xml.string("//bpmndi:BPMNLabelStyle/dc:Font/@isStrikeThrough")).isEqualTo("false");
    }

    @Test
    void givenShapesWithoutBoundsAndEdgesWithOneWaypoint_whenWritten_thenTheyAreLeftOutAndTheFileStaysValid() {
        Definitions d = purchase();
        Diagram first = d.diagrams().get(0);
        var elements = new java.util.ArrayList<>(first.plane().elements());
        elements.add(new Shape("Broken_shape", "End", null, null, null, null, null, null, null, null, null));
        elements.add(Edge.of("Broken_edge", "Flow_3", List.of(new Point(1, 1))));
        Definitions broken = d.withDiagrams(List.of(first.withPlane(first.plane().withElements(elements)), d.diagrams().get(1)));

        WrittenXml xml = WrittenXml.of(WRITER.write(broken)).assertValid();

        assertThat(xml.count("//*[@id='Broken_shape' or @id='Broken_edge']")).isZero();
    }
}
