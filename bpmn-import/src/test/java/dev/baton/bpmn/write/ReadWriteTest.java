package dev.baton.bpmn.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.bpmn.read.BpmnReader;
import dev.baton.bpmn.xml.Namespaces;
import dev.baton.model.Definitions;
import dev.baton.model.Process;
import dev.baton.model.XmlFragment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Given files as modelling tools write them, reading and writing them keeps them as the tool (and the schema) wants. */
class ReadWriteTest {
    private static final BpmnWriter WRITER = new BpmnWriter();

    /** A file exactly as Camunda Modeler 5 saves it: Camunda extensions, colours, a condition, an error end event. */
    static final String CAMUNDA_MODELER_FILE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:bioc="http://bpmn.io/schema/bpmn/biocolor/1.0" xmlns:color="http://www.omg.org/spec/BPMN/non-normative/color/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.17.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.20.0">
              <bpmn:process id="Process_payment" name="Payment" isExecutable="true" camunda:historyTimeToLive="180">
                <bpmn:startEvent id="StartEvent_1" name="Order received">
                  <bpmn:outgoing>Flow_1</bpmn:outgoing>
                </bpmn:startEvent>
                <bpmn:serviceTask id="Task_charge" name="Charge&#10;card" camunda:type="external" camunda:topic="charge">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="amount">${amount}</camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                  <bpmn:incoming>Flow_1</bpmn:incoming>
                  <bpmn:outgoing>Flow_2</bpmn:outgoing>
                </bpmn:serviceTask>
                <bpmn:exclusiveGateway id="Gateway_paid" name="Paid?" default="Flow_no">
                  <bpmn:incoming>Flow_2</bpmn:incoming>
                  <bpmn:outgoing>Flow_yes</bpmn:outgoing>
                  <bpmn:outgoing>Flow_no</bpmn:outgoing>
                </bpmn:exclusiveGateway>
                <bpmn:endEvent id="End_paid" name="Paid">
                  <bpmn:incoming>Flow_yes</bpmn:incoming>
                </bpmn:endEvent>
                <bpmn:endEvent id="End_failed">
                  <bpmn:incoming>Flow_no</bpmn:incoming>
                  <bpmn:errorEventDefinition id="ErrorEventDefinition_1" errorRef="Error_payment" />
                </bpmn:endEvent>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_charge" />
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_charge" targetRef="Gateway_paid" />
                <bpmn:sequenceFlow id="Flow_yes" name="yes" sourceRef="Gateway_paid" targetRef="End_paid">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${paid}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Flow_no" sourceRef="Gateway_paid" targetRef="End_failed" />
              </bpmn:process>
              <bpmn:error id="Error_payment" name="Payment failed" errorCode="PAYMENT_FAILED" />
              <bpmndi:BPMNDiagram id="BPMNDiagram_1">
                <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_payment">
                  <bpmndi:BPMNShape id="_BPMNShape_StartEvent_2" bpmnElement="StartEvent_1">
                    <dc:Bounds x="179" y="99" width="36" height="36" />
                    <bpmndi:BPMNLabel>
                      <dc:Bounds x="160" y="142" width="75" height="14" />
                    </bpmndi:BPMNLabel>
                  </bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="Task_charge_di" bpmnElement="Task_charge" bioc:stroke="#0d4372" bioc:fill="#bbdefb" color:background-color="#bbdefb" color:border-color="#0d4372">
                    <dc:Bounds x="270" y="77" width="100" height="80" />
                  </bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="Gateway_paid_di" bpmnElement="Gateway_paid" isMarkerVisible="true">
                    <dc:Bounds x="425" y="92" width="50" height="50" />
                    <bpmndi:BPMNLabel>
                      <dc:Bounds x="436" y="68" width="29" height="14" />
                    </bpmndi:BPMNLabel>
                  </bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="End_paid_di" bpmnElement="End_paid">
                    <dc:Bounds x="532" y="99" width="36" height="36" />
                    <bpmndi:BPMNLabel>
                      <dc:Bounds x="539" y="142" width="23" height="14" />
                    </bpmndi:BPMNLabel>
                  </bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="End_failed_di" bpmnElement="End_failed">
                    <dc:Bounds x="532" y="209" width="36" height="36" />
                  </bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1">
                    <di:waypoint x="215" y="117" />
                    <di:waypoint x="270" y="117" />
                  </bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2">
                    <di:waypoint x="370" y="117" />
                    <di:waypoint x="425" y="117" />
                  </bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="Flow_yes_di" bpmnElement="Flow_yes">
                    <di:waypoint x="475" y="117" />
                    <di:waypoint x="532" y="117" />
                    <bpmndi:BPMNLabel>
                      <dc:Bounds x="495" y="99" width="18" height="14" />
                    </bpmndi:BPMNLabel>
                  </bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="Flow_no_di" bpmnElement="Flow_no">
                    <di:waypoint x="450" y="142" />
                    <di:waypoint x="450" y="227" />
                    <di:waypoint x="532" y="227" />
                  </bpmndi:BPMNEdge>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;

    private static Definitions read(String xml) throws Exception {
        return new BpmnReader().read(xml.getBytes(StandardCharsets.UTF_8), "test.bpmn").definitions();
    }

    @Test
    void givenAFileAsCamundaModelerSavesIt_whenReadAndWrittenUnchanged_thenEveryByteIsTheSame() throws Exception {
        String written = WRITER.writeString(read(CAMUNDA_MODELER_FILE));

        assertThat(written).isEqualTo(CAMUNDA_MODELER_FILE);
    }

    @Test
    void givenUnqualifiedVendorElementsDirectlyInExtensionElements_whenWritten_thenTheyMoveToTheKeptNamespaceAndStayReadable() throws Exception {
        String source = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://example.com">
                  <process id="P" isExecutable="false">
                    <extensionElements>
                      <Grid spacing="15"><Line at="3"/></Grid>
                    </extensionElements>
                    <task id="T" name="Work"/>
                  </process>
                </definitions>
                """;
        assertThat(WrittenXml.schemaErrors(source.getBytes(StandardCharsets.UTF_8))).as("the source breaks the schema").isNotEmpty();

        byte[] written = WRITER.write(read(source));
        WrittenXml xml = WrittenXml.of(written).assertValid();

        assertThat(xml.string("//bpmn:process/bpmn:extensionElements/kept:Grid/@spacing")).isEqualTo("15");
        assertThat(xml.string("//kept:Grid/kept:Line/@at")).isEqualTo("3");
        Process again = read(new String(written, StandardCharsets.UTF_8)).processes().get(0);
        XmlFragment grid = again.extensions().elements().get(0);
        assertThat(grid.namespace()).isEqualTo(BpmnWriter.KEPT_NAMESPACE);
        assertThat(grid.localName()).isEqualTo("Grid");
    }

    @Test
    void givenAFileWithAnotherBpmnPrefix_whenWritten_thenElementsUseBpmnAndTheOldPrefixStaysDeclaredForItsValues() throws Exception {
        String source = """
                <?xml version="1.0" encoding="UTF-8"?>
                <semantic:definitions xmlns:semantic="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tns="http://example.com/types" id="D" targetNamespace="http://example.com">
                  <semantic:itemDefinition id="Item_1" structureRef="tns:Order"/>
                  <semantic:process id="P" isExecutable="false">
                    <semantic:dataObject id="Data_1" itemSubjectRef="semantic:Item_1"/>
                  </semantic:process>
                </semantic:definitions>
                """;

        WrittenXml xml = WrittenXml.of(WRITER.write(read(source))).assertValid();

        assertThat(xml.text).contains("<bpmn:itemDefinition id=\"Item_1\" structureRef=\"tns:Order\" />");
        assertThat(xml.rootDeclarations()).containsEntry("semantic", Namespaces.BPMN).containsEntry("tns", "http://example.com/types")
                .containsEntry("bpmn", Namespaces.BPMN);
    }
}
