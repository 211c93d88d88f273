package dev.baton.bpmn.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.di.Bounds;
import dev.baton.model.di.Diagram;
import dev.baton.model.di.Edge;
import dev.baton.model.di.Label;
import dev.baton.model.di.LabelStyle;
import dev.baton.model.di.Point;
import dev.baton.model.di.Shape;
import dev.baton.model.validation.Severity;
import org.junit.jupiter.api.Test;

/** Given BPMN DI, the reader keeps every diagram with its shapes, edges, labels and styles. */
class DiagramMappingTest {

    private static final String PROCESS = """
            <bpmn:message id="Msg"/>
            <bpmn:collaboration id="C">
              <bpmn:participant id="Pool" processRef="P"/>
              <bpmn:participant id="Other"/>
              <bpmn:messageFlow id="MF" sourceRef="Other" targetRef="gw" messageRef="Msg"/>
            </bpmn:collaboration>
            <bpmn:process id="P">
              <bpmn:exclusiveGateway id="gw"/>
              <bpmn:subProcess id="sub"/>
              <bpmn:sequenceFlow id="f" sourceRef="gw" targetRef="sub"/>
            </bpmn:process>
            """;

    @Test
    void shapesEdgesLabelsAndStylesAreRead() throws Exception {
        ImportResult r = Bpmn.read(Bpmn.OPEN.replace("id=\"Definitions_1\"",
                "xmlns:color=\"http://www.omg.org/spec/BPMN/non-normative/color/1.0\" xmlns:bioc=\"http://bpmn.io/schema/bpmn/biocolor/1.0\" id=\"D\"")
                + PROCESS + """
                <bpmndi:BPMNDiagram id="Diagram" name="Overview" documentation="main view" resolution="96">
                  <bpmndi:BPMNPlane id="Plane" bpmnElement="C">
                    <bpmndi:BPMNShape id="Pool_di" bpmnElement="Pool" isHorizontal="true">
                      <dc:Bounds x="10" y="20" width="600" height="250.5"/>
                    </bpmndi:BPMNShape>
                    <bpmndi:BPMNShape id="gw_di" bpmnElement="gw" isMarkerVisible="true" bioc:fill="#ffcc00" color:background-color="#ffcc00">
                      <dc:Bounds x="100" y="100" width="50" height="50"/>
                      <bpmndi:BPMNLabel labelStyle="Style1" color:color="#333333"><dc:Bounds x="95" y="155" width="60" height="14"/></bpmndi:BPMNLabel>
                    </bpmndi:BPMNShape>
                    <bpmndi:BPMNShape id="sub_di" bpmnElement="sub" isExpanded="false">
                      <dc:Bounds x="200" y="80" width="100" height="80"/>
                      <bpmndi:BPMNLabel/>
                    </bpmndi:BPMNShape>
                    <bpmndi:BPMNEdge id="f_di" bpmnElement="f" sourceElement="gw_di" targetElement="sub_di">
                      <di:waypoint x="150" y="125"/><di:waypoint x="175.5" y="125"/><di:waypoint x="200" y="120"/>
                    </bpmndi:BPMNEdge>
                    <bpmndi:BPMNEdge id="MF_di" bpmnElement="MF" messageVisibleKind="initiating">
                      <di:waypoint x="125" y="400"/><di:waypoint x="125" y="150"/>
                    </bpmndi:BPMNEdge>
                    <bpmndi:BPMNShape id="Other_di" bpmnElement="Other" isHorizontal="true" isMessageVisible="true"><dc:Bounds x="10" y="380" width="600" height="60"/></bpmndi:BPMNShape>
                  </bpmndi:BPMNPlane>
                  <bpmndi:BPMNLabelStyle id="Style1"><dc:Font name="Arial" size="9" isBold="true" isItalic="false" isUnderline="false" isStrikeThrough="true"/></bpmndi:BPMNLabelStyle>
                </bpmndi:BPMNDiagram>
                <bpmndi:BPMNDiagram id="Detail">
                  <bpmndi:BPMNPlane bpmnElement="sub"/>
                </bpmndi:BPMNDiagram>
                """ + Bpmn.CLOSE);
        assertThat(r.definitions().diagrams()).extracting(Diagram::id).containsExactly("Diagram", "Detail");
        Diagram d = r.definitions().diagrams().get(0);
        assertThat(d.name()).isEqualTo("Overview");
        assertThat(d.documentation()).isEqualTo("main view");
        assertThat(d.resolution()).isEqualTo(96.0);
        assertThat(d.plane().id()).isEqualTo("Plane");
        assertThat(d.plane().elementRef()).isEqualTo("C");
        assertThat(d.plane().elements()).extracting(e -> e.id())
                .containsExactly("Pool_di", "gw_di", "sub_di", "f_di", "MF_di", "Other_di");
        assertThat(d.labelStyles()).containsExactly(new LabelStyle("Style1", "Arial", 9.0, true, false, false, true));

        Shape pool = d.plane().shapeFor("Pool").orElseThrow();
        assertThat(pool.bounds()).isEqualTo(new Bounds(10, 20, 600, 250.5));
        assertThat(pool.horizontal()).isTrue();
        assertThat(pool.expanded()).isNull();
        Shape gw = d.plane().shapeFor("gw").orElseThrow();
        assertThat(gw.markerVisible()).isTrue();
        assertThat(gw.extensions().attributes()).containsExactly(
                java.util.Map.entry("{http://bpmn.io/schema/bpmn/biocolor/1.0}fill", "#ffcc00"),
                java.util.Map.entry("{http://www.omg.org/spec/BPMN/non-normative/color/1.0}background-color", "#ffcc00"));
        assertThat(gw.label().bounds()).isEqualTo(new Bounds(95, 155, 60, 14));
        assertThat(gw.label().labelStyle()).isEqualTo("Style1");
        assertThat(gw.label().extensions().attributes())
                .containsEntry("{http://www.omg.org/spec/BPMN/non-normative/color/1.0}color", "#333333");
        Shape sub = d.plane().shapeFor("sub").orElseThrow();
        assertThat(sub.expanded()).isFalse();
        assertThat(sub.label()).isEqualTo(new Label(null, null, null));
        assertThat(d.plane().shapeFor("Other").orElseThrow().messageVisible()).isTrue();

        Edge f = d.plane().edgeFor("f").orElseThrow();
        assertThat(f.waypoints()).containsExactly(new Point(150, 125), new Point(175.5, 125), new Point(200, 120));
        assertThat(f.sourceElement()).isEqualTo("gw_di");
        assertThat(f.targetElement()).isEqualTo("sub_di");
        assertThat(f.label()).isNull();
        assertThat(d.plane().edgeFor("MF").orElseThrow().messageVisibleKind()).isEqualTo("initiating");

        Diagram detail = r.definitions().diagrams().get(1);
        assertThat(detail.plane().id()).as("a plane without id gets none made up").isNull();
        assertThat(detail.plane().elementRef()).isEqualTo("sub");
        assertThat(r.messages()).isEmpty();
    }

    @Test
    void diagramElementsThatPointAtNothingAreKeptWithAWarning() throws Exception {
        ImportResult r = Bpmn.readContent(PROCESS + """
                <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="Pl" bpmnElement="P">
                  <bpmndi:BPMNShape id="ghost_di" bpmnElement="ghost"><dc:Bounds x="1" y="2" width="3" height="4"/></bpmndi:BPMNShape>
                </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
                """);
        assertThat(r.definitions().diagrams().get(0).plane().shapes()).extracting(Shape::elementRef).containsExactly("ghost");
        assertThat(r.messages()).singleElement().satisfies(m -> {
            assertThat(m.severity()).isEqualTo(Severity.WARNING);
            assertThat(m.elementId()).isEqualTo("ghost_di");
            assertThat(m.line()).isEqualTo(21);
            assertThat(m.message()).contains("\"ghost\"", "names no element");
        });
    }
}
