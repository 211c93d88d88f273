package dev.baton.bpmn.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.bpmn.xml.Namespaces;
import dev.baton.model.ActivitySettings;
import dev.baton.model.Collaboration;
import dev.baton.model.DataAssociation;
import dev.baton.model.Definitions;
import dev.baton.model.Documentation;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.Extensions;
import dev.baton.model.FlowContent;
import dev.baton.model.GlobalElement;
import dev.baton.model.LoopCharacteristics;
import dev.baton.model.Process;
import dev.baton.model.RootElement;
import dev.baton.model.SequenceFlow;
import dev.baton.model.Task;
import dev.baton.model.XmlFragment;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Diagram;
import dev.baton.model.di.Label;
import dev.baton.model.di.Plane;
import dev.baton.model.di.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Given what a reader keeps without modelling it, the writer puts it back where the schema wants it. */
class ExtensionsWriteTest {
    private static final BpmnWriter WRITER = new BpmnWriter();
    private static final String BPMN = Namespaces.BPMN;
    private static final String VENDOR = "http://vendor.example/ext";

    private static XmlFragment bpmn(String local, String xml) { return new XmlFragment(BPMN, local, xml); }

    /** A Camunda-style service task with properties, an I/O specification, a performer and a loop, all kept. */
    static Definitions keptContent() {
        Map<String, String> taskAttributes = new LinkedHashMap<>();
        taskAttributes.put("{" + Namespaces.CAMUNDA + "}asyncBefore", "true");
        taskAttributes.put("{http://undeclared.example/ns}flag", "x");
        taskAttributes.put("implementation", "##WebService");
        taskAttributes.put("madeUp", "1");
        Extensions taskExtensions = new Extensions(taskAttributes, List.of(
                new XmlFragment(Namespaces.CAMUNDA, "properties",
                        "<camunda:properties xmlns:camunda=\"" + Namespaces.CAMUNDA + "\">\n        <camunda:property name=\"a\" value=\"1\"/>\n      </camunda:properties>"),
                new XmlFragment("", "Grid", "<Grid spacing=\"10\"><Line/></Grid>"),
                new XmlFragment(BPMN, "VerticalRuler", "<VerticalRuler xmlns=\"" + BPMN + "\" at=\"3\"><Mark/></VerticalRuler>"),
                new XmlFragment(VENDOR, "meta", "<v:meta xmlns:v=\"" + VENDOR + "\"><entry key=\"k\">v</entry></v:meta>")),
                List.of(
                        bpmn("resourceRole", "<humanPerformer xmlns=\"" + BPMN + "\" id=\"Performer_1\"><resourceAssignmentExpression>"
                                + "<formalExpression xmlns:xsi=\"" + Namespaces.XSI + "\" xsi:type=\"tFormalExpression\">clerk</formalExpression>"
                                + "</resourceAssignmentExpression></humanPerformer>"),
                        bpmn("ioSpecification", "<bpmn2:ioSpecification xmlns:bpmn2=\"" + BPMN + "\" id=\"Io_1\">"
                                + "<bpmn2:dataInput id=\"Input_1\" name=\"amount\"/><bpmn2:inputSet><bpmn2:dataInputRefs>Input_1</bpmn2:dataInputRefs>"
                                + "</bpmn2:inputSet><bpmn2:outputSet/></bpmn2:ioSpecification>"),
                        bpmn("property", "<property xmlns=\"" + BPMN + "\" id=\"Property_1\" name=\"p\"/>"),
                        bpmn("incoming", "<incoming xmlns=\"" + BPMN + "\">Stale_flow</incoming>"),
                        bpmn("noSuchChild", "<noSuchChild xmlns=\"" + BPMN + "\" note=\"kept anyway\"/>")));
        ActivitySettings activity = new ActivitySettings(false, null,
                new LoopCharacteristics.MultiInstance("Loop_1", false, null, null, null, null, null, null,
                        new Extensions(Map.of("behavior", "All"), List.of(), List.of(
                                bpmn("loopDataInputRef", "<loopDataInputRef xmlns=\"" + BPMN + "\">Input_1</loopDataInputRef>")))),
                false, false, null, null,
                List.of(new DataAssociation("Assoc_1", List.of("Data_1"), "Input_1", new Extensions(null, null, List.of(
                        bpmn("transformation", "<transformation xmlns=\"" + BPMN + "\" xmlns:xsi=\"" + Namespaces.XSI
                                + "\" xsi:type=\"tFormalExpression\">x + 1</transformation>"))))),
                null, null, null);
        Task task = new Task("Task_1", "Charge", ElementKind.SERVICE_TASK, activity, null, null, null, null, false,
                List.of(Documentation.plain("charges the card")), taskExtensions);
        Event catchEvent = new Event("Catch_1", null, ElementKind.INTERMEDIATE_CATCH_EVENT,
                List.of(new EventDefinition.Message("Def_1", "Message_1", null, null)), true, null, false, null,
                List.of(new DataAssociation("Assoc_2", List.of("Output_1"), "Data_1", null)), null, null, null,
                new Extensions(null, null, List.of(
                        bpmn("outputSet", "<outputSet xmlns=\"" + BPMN + "\"><dataOutputRefs>Output_1</dataOutputRefs></outputSet>"),
                        bpmn("dataOutput", "<dataOutput xmlns=\"" + BPMN + "\" id=\"Output_1\"/>"))));
        Process process = new Process("Process_1", "Pay", true, null, false, new FlowContent(List.of(
                new dev.baton.model.DataObject("Data_1", "card", false, null, null, null),
                task, catchEvent, SequenceFlow.of("Flow_1", "Task_1", "Catch_1")), List.of(), List.of()), null,
                new Extensions(Map.of("definitionalCollaborationRef", "Collab_1"), List.of(), List.of(
                        bpmn("supports", "<supports xmlns=\"" + BPMN + "\">Process_1</supports>"),
                        bpmn("property", "<property xmlns=\"" + BPMN + "\" id=\"Process_property\"/>"))));
        Collaboration collaboration = new Collaboration("Collab_1", null, false,
                List.of(new Collaboration.Participant("Pool_1", "Payer", "Process_1", null, new Extensions(null, null, List.of(
                        bpmn("participantMultiplicity", "<participantMultiplicity xmlns=\"" + BPMN + "\" minimum=\"1\" maximum=\"3\"/>"))))),
                List.of(), List.of(), null, new Extensions(null, null, List.of(
                        bpmn("conversation", "<conversation xmlns=\"" + BPMN + "\" id=\"Conversation_1\"/>"))));
        RootElement.Unmodelled iface = new RootElement.Unmodelled("Interface_1", bpmn("interface",
                "<semantic:interface xmlns:semantic=\"" + BPMN + "\" id=\"Interface_1\" name=\"Payments\">"
                        + "<semantic:operation id=\"Op_1\" name=\"pay\"><semantic:inMessageRef>Message_1</semantic:inMessageRef>"
                        + "</semantic:operation></semantic:interface>"));
        Map<String, String> shapeAttributes = new LinkedHashMap<>();
        shapeAttributes.put("{" + Namespaces.OMG_COLOR + "}background-color", "#ffe0b2");
        shapeAttributes.put("{" + Namespaces.BIOC + "}stroke", "#fb8c00");
        Shape shape = new Shape("Task_1_di", "Task_1", new Bounds(100, 100, 100, 80), null, null, null, null, null, null,
                new Label(new Bounds(110, 190, 80, 14), null, new Extensions(Map.of("{" + Namespaces.OMG_COLOR + "}color", "#000000"), null, null)),
                new Extensions(shapeAttributes, null, null));
        Map<String, String> namespaces = new LinkedHashMap<>();
        namespaces.put("", BPMN);
        namespaces.put("semantic", BPMN);
        namespaces.put("camunda", Namespaces.CAMUNDA);
        namespaces.put("color", Namespaces.OMG_COLOR);
        namespaces.put("bioc", Namespaces.BIOC);
        namespaces.put("di", Namespaces.BPMNDI);
        namespaces.put("vendor", "http://other-vendor.example/clash");
        namespaces.put("xsd", "http://www.w3.org/2001/XMLSchema");
        Map<String, String> definitionsAttributes = Map.of("{http://www.w3.org/XML/1998/namespace}lang", "de",
                "{" + VENDOR + "}edition", "2");
        return new Definitions("Definitions_1", null, "https://example.com/pay", null, null, "Some Tool", "1.0", namespaces, null,
                List.of(new GlobalElement.Message("Message_1", "paid", null, null, null, null), iface, collaboration, process),
                List.of(new Diagram("Diagram_1", null, null, null, new Plane("Plane_1", "Collab_1", List.of(shape), null), null, null)),
                null, new Extensions(definitionsAttributes, null, List.of(
                bpmn("relationship", "<relationship xmlns=\"" + BPMN + "\" type=\"trace\"><source>Task_1</source><target>Task_1</target></relationship>"),
                bpmn("extension", "<extension xmlns=\"" + BPMN + "\" mustUnderstand=\"false\"/>"))));
    }

    @Test
    void givenKeptContentEverywhere_whenWritten_thenTheSchemaAcceptsIt() {
        WrittenXml.of(WRITER.write(keptContent())).assertValid();
    }

    @Test
    void givenKeptBpmnChildren_whenWritten_thenEachSitsInItsSchemaSlot() {
        WrittenXml xml = WrittenXml.of(WRITER.write(keptContent()));

        assertThat(xml.childNames("//bpmn:serviceTask")).containsExactly("documentation", "extensionElements", "outgoing", "ioSpecification", "property", "dataInputAssociation", "humanPerformer", "multiInstanceLoopCharacteristics");
        assertThat(xml.childNames("//bpmn:intermediateCatchEvent"))
                .containsExactly("incoming", "dataOutput", "dataOutputAssociation", "outputSet", "messageEventDefinition");
        assertThat(xml.childNames("//bpmn:multiInstanceLoopCharacteristics")).containsExactly("loopDataInputRef");
        assertThat(xml.childNames("//bpmn:dataInputAssociation")).containsExactly("sourceRef", "targetRef", "transformation");
        assertThat(xml.childNames("//bpmn:participant")).containsExactly("participantMultiplicity");
        assertThat(xml.childNames("//bpmn:collaboration")).containsExactly("participant", "conversation");
        assertThat(xml.childNames("//bpmn:process").subList(0, 1)).containsExactly("property");
        assertThat(xml.childNames("//bpmn:process").get(xml.childNames("//bpmn:process").size() - 1)).isEqualTo("supports");
    }

    @Test
    void givenDefinitionsLevelContent_whenWritten_thenExtensionComesFirstUnmodelledRootsKeepTheirPlaceAndRelationshipComesLast() {
        WrittenXml xml = WrittenXml.of(WRITER.write(keptContent()));

        assertThat(xml.childNames("/bpmn:definitions"))
                .containsExactly("extension", "message", "interface", "collaboration", "process", "BPMNDiagram", "relationship");
        assertThat(xml.string("//bpmn:interface/bpmn:operation/bpmn:inMessageRef")).isEqualTo("Message_1");
        assertThat(xml.string("/bpmn:definitions/@*[local-name()='lang' and namespace-uri()='http://www.w3.org/XML/1998/namespace']"))
                .isEqualTo("de");
        assertThat(xml.string("/bpmn:definitions/@*[local-name()='edition']")).isEqualTo("2");
    }

    @Test
    void givenForeignAttributes_whenWritten_thenTheyKeepTheirPrefixOrGetAnInventedOne() {
        WrittenXml xml = WrittenXml.of(WRITER.write(keptContent()));

        assertThat(xml.text).contains("camunda:asyncBefore=\"true\"");
        assertThat(xml.rootDeclarations()).containsEntry("ns1", "http://undeclared.example/ns");
        assertThat(xml.text).contains("ns1:flag=\"x\"");
        assertThat(xml.string("//bpmn:serviceTask/@implementation")).isEqualTo("##WebService");
        assertThat(xml.string("//bpmn:serviceTask/@kept:madeUp")).isEqualTo("1");
        assertThat(xml.string("//bpmn:multiInstanceLoopCharacteristics/@behavior")).isEqualTo("All");
        assertThat(xml.string("//bpmn:process/@definitionalCollaborationRef")).isEqualTo("Collab_1");
    }

    @Test
    void givenExtensionElements_whenWritten_thenForeignOnesAreUnchangedAndBpmnOrUnqualifiedOnesMoveToTheKeptNamespace() {
        WrittenXml xml = WrittenXml.of(WRITER.write(keptContent()));

        assertThat(xml.childNames("//bpmn:serviceTask/bpmn:extensionElements"))
                .containsExactly("properties", "Grid", "VerticalRuler", "meta", "noSuchChild");
        assertThat(xml.string("//bpmn:extensionElements/camunda:properties/camunda:property/@value")).isEqualTo("1");
        assertThat(xml.string("//bpmn:extensionElements/kept:Grid/@spacing")).isEqualTo("10");
        assertThat(xml.count("//bpmn:extensionElements/kept:Grid/kept:Line")).isEqualTo(1);
        assertThat(xml.string("//bpmn:extensionElements/kept:VerticalRuler/@at")).isEqualTo("3");
        assertThat(xml.count("//bpmn:extensionElements/kept:VerticalRuler/kept:Mark")).isEqualTo(1);
        assertThat(xml.string("//bpmn:extensionElements/vendor:meta/entry[@key='k']")).isEqualTo("v");
        assertThat(xml.string("//bpmn:extensionElements/kept:noSuchChild/@note")).isEqualTo("kept anyway");
        assertThat(xml.text).contains("<camunda:properties>\n          <camunda:property name=\"a\" value=\"1\" />\n        </camunda:properties>");
    }

    @Test
    void givenKeptIncomingAndOutgoing_whenWritten_thenTheyAreGeneratedFromTheFlowsInstead() {
        WrittenXml xml = WrittenXml.of(WRITER.write(keptContent()));

        assertThat(xml.string("//bpmn:serviceTask/bpmn:outgoing")).isEqualTo("Flow_1");
        assertThat(xml.count("//bpmn:serviceTask/bpmn:incoming")).isZero();
        assertThat(xml.text).doesNotContain("Stale_flow");
    }

    @Test
    void givenKeptOutgoingInAnotherOrderThanTheFlows_whenWritten_thenTheGeneratedOutgoingKeepThatOrder() {
        Task split = new Task("Task_split", null, ElementKind.TASK, null, null, null, null, null, false, null,
                new Extensions(null, null, List.of(
                        bpmn("outgoing", "<bpmn:outgoing xmlns:bpmn=\"" + BPMN + "\">bpmn:Flow_b</bpmn:outgoing>"),
                        bpmn("outgoing", "<outgoing xmlns=\"" + BPMN + "\">Flow_gone</outgoing>"))));
        Process p = Process.of("P", null, new FlowContent(List.of(split,
                Task.of("A", null, ElementKind.TASK), Task.of("B", null, ElementKind.TASK), Task.of("C", null, ElementKind.TASK),
                SequenceFlow.of("Flow_a", "Task_split", "A"), SequenceFlow.of("Flow_b", "Task_split", "B"),
                SequenceFlow.of("Flow_c", "Task_split", "C")), List.of(), List.of()));

        WrittenXml xml = WrittenXml.of(WRITER.write(Definitions.of("D", List.of(p), List.of()))).assertValid();

        assertThat(xml.elements("//bpmn:task[@id='Task_split']/bpmn:outgoing")).extracting(e -> e.getTextContent())
                .containsExactly("Flow_b", "Flow_a", "Flow_c");
    }

    @Test
    void givenSourcePrefixes_whenWritten_thenBpmnElementsUseBpmnAndOtherDeclarationsAreKeptWithoutClashes() {
        WrittenXml xml = WrittenXml.of(WRITER.write(keptContent()));

        Map<String, String> declared = xml.rootDeclarations();
        assertThat(declared).containsEntry("", BPMN).containsEntry("semantic", BPMN).containsEntry("camunda", Namespaces.CAMUNDA)
                .containsEntry("color", Namespaces.OMG_COLOR).containsEntry("bioc", Namespaces.BIOC)
                .containsEntry("di", Namespaces.DI).containsEntry("bpmndi", Namespaces.BPMNDI)
                .containsEntry("vendor", "http://other-vendor.example/clash").containsEntry("kept", BpmnWriter.KEPT_NAMESPACE);
        // the fragment's own prefix for VENDOR is kept because it is free; the source's "vendor" keeps its URI
        assertThat(declared).containsEntry("v", VENDOR);
        assertThat(xml.text).contains("<bpmn:interface ", "<bpmn:ioSpecification ", "<bpmn:humanPerformer ");
    }

    @Test
    void givenAnyModel_whenWritten_thenEveryPrefixIsDeclaredOnceOnTheRootOnly() {
        String text = WRITER.writeString(keptContent());

        Matcher m = Pattern.compile("xmlns(:[A-Za-z0-9_.-]+)?=\"([^\"]*)\"").matcher(text);
        Map<String, String> seen = new LinkedHashMap<>();
        int rootEnd = text.indexOf('>', text.indexOf("<bpmn:definitions"));
        while (m.find()) {
            String prefix = m.group(1) == null ? "" : m.group(1).substring(1);
            if (m.start() > rootEnd) {
                // below the root only the undeclaration for elements in no namespace is allowed
                assertThat(prefix + "=" + m.group(2)).isEqualTo("=");
                continue;
            }
            assertThat(seen.put(prefix, m.group(2))).as("prefix %s declared twice", prefix).isNull();
        }
    }

    @Test
    void givenAnUnprefixedXsiTypeInAKeptChild_whenWritten_thenItNamesTheBpmnTypeWithTheBpmnPrefix() {
        WrittenXml xml = WrittenXml.of(WRITER.write(keptContent()));

        assertThat(xml.string("//bpmn:transformation/@xsi:type")).isEqualTo("bpmn:tFormalExpression");
        assertThat(xml.string("//bpmn:humanPerformer//bpmn:formalExpression/@xsi:type")).isEqualTo("bpmn:tFormalExpression");
    }

    @Test
    void givenDiColours_whenWritten_thenTheyAreKeptOnShapesAndLabels() {
        WrittenXml xml = WrittenXml.of(WRITER.write(keptContent()));

        assertThat(xml.text).contains("color:background-color=\"#ffe0b2\"", "bioc:stroke=\"#fb8c00\"");
        assertThat(xml.string("//bpmndi:BPMNLabel/@color:color")).isEqualTo("#000000");
    }

    @Test
    void givenDiExtensionElementsWithAPrefixTheSourceUsedForAnotherNamespace_whenWritten_thenTheyAreKeptUnderAFreePrefix() {
        // di:extension's wildcard is strict in the schema, so such content is kept even though the schema cannot accept it
        Shape shape = new Shape("Shape_1", "Task_1", new Bounds(0, 0, 10, 10), null, null, null, null, null, null, null,
                new Extensions(null, List.of(new XmlFragment(VENDOR, "shapeInfo",
                        "<vendor:shapeInfo xmlns:vendor=\"" + VENDOR + "\" rank=\"1\"/>")), null));
        Definitions d = keptContent().withDiagrams(List.of(new Diagram("D", null, null, null, new Plane("P", "Process_1", List.of(shape), null), null, null)));

        WrittenXml xml = WrittenXml.of(WRITER.write(d));

        assertThat(xml.childNames("//bpmndi:BPMNShape")).containsExactly("extension", "Bounds");
        assertThat(xml.string("//bpmndi:BPMNShape/di:extension/vendor:shapeInfo/@rank")).isEqualTo("1");
        assertThat(xml.rootDeclarations()).containsEntry("vendor", "http://other-vendor.example/clash").containsEntry("v", VENDOR);
    }

    @Test
    void givenAnExtensionFragmentThatIsNotXml_whenWritten_thenTheErrorNamesTheElement() {
        Definitions d = keptContent();
        Process p = d.processes().get(0);
        Task broken = new Task("Task_broken", null, ElementKind.TASK, null, null, null, null, null, false, null,
                new Extensions(null, List.of(new XmlFragment(VENDOR, "meta", "<v:meta xmlns:v=\"" + VENDOR + "\">")), null));
        Definitions withBroken = d.replace(p.withContent(p.content().plus(broken)));

        assertThatThrownBy(() -> WRITER.write(withBroken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task Task_broken")
                .hasMessageContaining("<meta>");
    }
}
