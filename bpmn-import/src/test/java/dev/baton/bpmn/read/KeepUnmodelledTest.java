package dev.baton.bpmn.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.Event;
import dev.baton.model.Extensions;
import dev.baton.model.Process;
import dev.baton.model.Task;
import dev.baton.model.XmlFragment;
import dev.baton.model.di.Shape;
import dev.baton.model.validation.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given what the model has no field for, the reader keeps it so that a writer can put it back unchanged. */
class KeepUnmodelledTest {

    private static Task task(ImportResult r, String id) {
        return (Task) r.definitions().flowElement(id).orElseThrow();
    }

    @Test
    void foreignAttributesAreKeptInClarkNotationAndDialectsAreNotInterpreted() throws Exception {
        ImportResult r = Bpmn.readContent("""
                <bpmn:process id="P" camunda:versionTag="v2" camunda:historyTimeToLive="30">
                  <bpmn:serviceTask id="t" name="Charge" camunda:type="external" camunda:topic="charge" camunda:asyncBefore="true"
                      implementation="##WebService" operationRef="Op"/>
                </bpmn:process>
                """);
        Task t = task(r, "t");
        assertThat(t.extensions().attributes()).containsExactly(
                Map.entry("{http://camunda.org/schema/1.0/bpmn}type", "external"),
                Map.entry("{http://camunda.org/schema/1.0/bpmn}topic", "charge"),
                Map.entry("{http://camunda.org/schema/1.0/bpmn}asyncBefore", "true"),
                Map.entry("implementation", "##WebService"),
                Map.entry("operationRef", "Op"));
        assertThat(t.extensions().attribute("http://camunda.org/schema/1.0/bpmn", "topic")).contains("charge");
        assertThat(t.implementation()).as("mapping camunda: settings is the dialect mapper's job").isNull();
        assertThat(t.activity().asyncBefore()).isFalse();
        Process p = r.definitions().process("P").orElseThrow();
        assertThat(p.extensions().attributes()).containsEntry("{http://camunda.org/schema/1.0/bpmn}versionTag", "v2");
        assertThat(p.extensions().attributes()).doesNotContainKeys("id", "name", "isExecutable");
    }

    @Test
    void extensionElementsAreKeptAsStandaloneFragmentsWithTheirNamespaces() throws Exception {
        ImportResult r = Bpmn.read("""
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D">
                  <bpmn:process id="P">
                    <bpmn:serviceTask id="t">
                      <bpmn:extensionElements>
                        <zeebe:taskDefinition type="charge" retries="3"/>
                        <camunda:inputOutput>
                          <camunda:inputParameter name="amount">${order.total &amp; 1}</camunda:inputParameter>
                          <camunda:outputParameter name="x"><camunda:script scriptFormat="js"><![CDATA[a < b]]></camunda:script></camunda:outputParameter>
                        </camunda:inputOutput>
                        <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${a}</bpmn:conditionExpression>
                      </bpmn:extensionElements>
                    </bpmn:serviceTask>
                  </bpmn:process>
                </bpmn:definitions>
                """);
        Extensions ext = task(r, "t").extensions();
        assertThat(ext.elements()).extracting(XmlFragment::namespace, XmlFragment::localName).containsExactly(
                org.assertj.core.groups.Tuple.tuple("http://camunda.org/schema/zeebe/1.0", "taskDefinition"),
                org.assertj.core.groups.Tuple.tuple("http://camunda.org/schema/1.0/bpmn", "inputOutput"),
                org.assertj.core.groups.Tuple.tuple("http://www.omg.org/spec/BPMN/20100524/MODEL", "conditionExpression"));
        assertThat(ext.elements().get(0).xml())
                .isEqualTo("<zeebe:taskDefinition xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\" type=\"charge\" retries=\"3\"/>");
        assertThat(ext.elements().get(1).xml()).startsWith("<camunda:inputOutput xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\">")
                .contains("${order.total &amp; 1}", "<![CDATA[a < b]]>");
        // a QName inside a value keeps its prefix declared, so xsi:type still means bpmn:tFormalExpression
        assertThat(ext.elements().get(2).xml()).contains("xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"",
                "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"");
        Set<String> ids = new HashSet<>();
        ext.elements().forEach(f -> ModelIds.fragmentIds(f, ids)); // each parses on its own
        assertThat(r.messages()).isEmpty();
    }

    @Test
    void bpmnChildrenWithoutAFieldAreKeptAsUnmodelledChildren() throws Exception {
        ImportResult r = Bpmn.readContent("""
                <bpmn:process id="P">
                  <bpmn:property id="prop" name="total"/>
                  <bpmn:ioSpecification id="io"><bpmn:dataInput id="in"/><bpmn:inputSet><bpmn:dataInputRefs>in</bpmn:dataInputRefs></bpmn:inputSet><bpmn:outputSet/></bpmn:ioSpecification>
                  <bpmn:userTask id="t">
                    <bpmn:incoming>f</bpmn:incoming>
                    <bpmn:humanPerformer id="hp"><bpmn:resourceAssignmentExpression><bpmn:formalExpression>sales</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:humanPerformer>
                    <bpmn:potentialOwner/>
                  </bpmn:userTask>
                  <bpmn:startEvent id="s"><bpmn:outgoing>f</bpmn:outgoing></bpmn:startEvent>
                  <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="t"/>
                  <bpmn:auditing/>
                </bpmn:process>
                """);
        Process p = r.definitions().process("P").orElseThrow();
        assertThat(p.extensions().unmodelledChildren()).extracting(XmlFragment::localName)
                .containsExactly("property", "ioSpecification", "auditing");
        assertThat(p.extensions().unmodelledChildren().get(1).xml())
                .isEqualTo("<bpmn:ioSpecification xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"io\"><bpmn:dataInput id=\"in\"/>"
                        + "<bpmn:inputSet><bpmn:dataInputRefs>in</bpmn:dataInputRefs></bpmn:inputSet><bpmn:outputSet/></bpmn:ioSpecification>");
        assertThat(task(r, "t").extensions().unmodelledChildren()).extracting(XmlFragment::localName)
                .as("incoming/outgoing are derived from the flows, not kept").containsExactly("humanPerformer", "potentialOwner");
        assertThat(((Event) r.definitions().flowElement("s").orElseThrow()).extensions().isEmpty()).isTrue();
        assertThat(r.lineOf("in")).isEqualTo(11);
    }

    @Test
    void undefinedElementsInTheBpmnNamespaceAreKeptWithOneWarningPerName() throws Exception {
        ImportResult r = Bpmn.read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D">
                  <process id="P">
                    <task id="a"><extensionElements><attribute name="x">1</attribute><attribute name="y">2</attribute></extensionElements></task>
                    <task id="b"><extensionElements><attribute name="z">3</attribute><Grid><Ruler/></Grid></extensionElements></task>
                  </process>
                </definitions>
                """);
        assertThat(task(r, "a").extensions().elements()).extracting(XmlFragment::xml).containsExactly(
                "<attribute xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" name=\"x\">1</attribute>",
                "<attribute xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" name=\"y\">2</attribute>");
        assertThat(r.messages()).extracting(ImportMessage::severity).containsOnly(Severity.WARNING);
        assertThat(r.messages()).extracting(m -> m.line() + " " + m.message().substring(0, m.message().indexOf(' ')))
                .containsExactly("4 <attribute>", "5 <Grid>", "5 <Ruler>");
        assertThat(r.messages().get(0).message()).contains("not a BPMN 2.0 element", "keeps it");
    }

    @Test
    void elementLinesNameTheLineEachElementStartsOn() throws Exception {
        for (String lineEnd : new String[] {"\n", "\r\n"}) {
            elementLinesWith(lineEnd);
        }
    }

    private static void elementLinesWith(String lineEnd) throws Exception {
        ImportResult r = Bpmn.read(("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D">
                  <process id="P">
                    <task
                        id="multiLine"
                        name="a task whose start tag spans lines"/>
                    <task id="t2"/>
                  </process>
                </definitions>
                """).replace("\n", lineEnd));
        assertThat(r.lineOf("D")).isEqualTo(2);
        assertThat(r.lineOf("P")).isEqualTo(3);
        assertThat(r.lineOf("multiLine")).isEqualTo(4);
        assertThat(r.lineOf("t2")).isEqualTo(7);
        assertThat(r.lineOf("nope")).isZero();
    }

    @Test
    void elementsWithoutIdGetAStableOneWithOneInfoPerName() throws Exception {
        String xml = Bpmn.definitions("""
                <bpmn:process id="P">
                  <bpmn:task id="t"/>
                  <bpmn:textAnnotation><bpmn:text>no id</bpmn:text></bpmn:textAnnotation>
                </bpmn:process>
                <bpmndi:BPMNDiagram><bpmndi:BPMNPlane bpmnElement="P">
                  <bpmndi:BPMNShape bpmnElement="t"><dc:Bounds x="0" y="0" width="100" height="80"/></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape bpmnElement="t"><dc:Bounds x="0" y="0" width="100" height="80"/></bpmndi:BPMNShape>
                </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
                """);
        ImportResult first = Bpmn.read(xml);
        ImportResult second = Bpmn.read(xml);
        var shapes = first.definitions().diagrams().get(0).plane().shapes();
        assertThat(shapes).extracting(Shape::id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(second.definitions()).as("the same file gets the same ids").isEqualTo(first.definitions());
        assertThat(first.definitions().diagrams().get(0).id()).isNull();
        String annotationId = first.definitions().process("P").orElseThrow().content().artifacts().get(0).id();
        assertThat(annotationId).startsWith("textAnnotation_");
        assertThat(first.lineOf(annotationId)).isEqualTo(11);
        assertThat(first.messages()).extracting(ImportMessage::severity).containsOnly(Severity.INFO);
        assertThat(first.messages()).extracting(ImportMessage::message).anySatisfy(m -> assertThat(m).startsWith("2 <BPMNShape> elements have no id"))
                .anySatisfy(m -> assertThat(m).startsWith("1 <textAnnotation> element has no id"));
        assertThat(first.messages()).hasSize(2);
    }

    @Test
    void importsMissingNextToTheFileAreWarnedAbout(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("present.xsd"), "<schema/>");
        Path file = dir.resolve("orders.bpmn");
        Files.writeString(file, """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D">
                  <import namespace="http://a" location="present.xsd" importType="http://www.w3.org/2001/XMLSchema"/>
                  <import namespace="http://b" location="missing.wsdl" importType="http://schemas.xmlsoap.org/wsdl/"/>
                  <import namespace="http://c" location="http://example.com/remote.xsd" importType="http://www.w3.org/2001/XMLSchema"/>
                </definitions>
                """, StandardCharsets.UTF_8);
        ImportResult r = new BpmnReader().read(file);
        assertThat(r.definitions().imports()).hasSize(3);
        assertThat(r.messages()).singleElement().satisfies(m -> {
            assertThat(m.severity()).isEqualTo(Severity.WARNING);
            assertThat(m.source()).isEqualTo(file.toString());
            assertThat(m.message()).contains("missing.wsdl", "http://b", "not there");
        });
        // from bytes there is no folder to look in, so nothing is claimed
        assertThat(new BpmnReader().read(Files.readAllBytes(file), "upload.bpmn").messages()).isEmpty();
    }
}
