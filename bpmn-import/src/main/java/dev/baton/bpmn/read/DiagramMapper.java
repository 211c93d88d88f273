package dev.baton.bpmn.read;

import static dev.baton.bpmn.xml.Namespaces.BPMNDI;
import static dev.baton.bpmn.xml.Namespaces.DC;
import static dev.baton.bpmn.xml.Namespaces.DI;

import dev.baton.model.di.Bounds;
import dev.baton.model.di.Diagram;
import dev.baton.model.di.DiagramElement;
import dev.baton.model.di.Edge;
import dev.baton.model.di.Label;
import dev.baton.model.di.LabelStyle;
import dev.baton.model.di.Plane;
import dev.baton.model.di.Point;
import dev.baton.model.di.Shape;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** Maps BPMNDiagram elements (BPMN DI) into the model's diagrams. */
final class DiagramMapper {
    private final ModelMapper mapper;

    DiagramMapper(ModelMapper mapper) {
        this.mapper = mapper;
    }

    /** Diagrams and planes are found by position, not by id, so a missing id stays missing. */
    Diagram diagram(ReadElement r) {
        String id = r.attr("id");
        String name = r.attr("name");
        String documentation = r.attr("documentation");
        Double resolution = r.number("resolution");
        Element planeElement = r.child(BPMNDI, "BPMNPlane");
        Plane plane = planeElement == null ? null : plane(new ReadElement(planeElement, mapper));
        List<LabelStyle> styles = new ArrayList<>();
        for (Element s : r.children(BPMNDI, "BPMNLabelStyle")) styles.add(labelStyle(new ReadElement(s, mapper)));
        return new Diagram(id, name, documentation, resolution, plane, styles, r.extensions());
    }

    private Plane plane(ReadElement r) {
        String id = r.attr("id");
        String elementRef = diRef(r, "bpmnElement");
        List<DiagramElement> elements = new ArrayList<>();
        for (Element c : r.elementChildren()) {
            if (!BPMNDI.equals(c.getNamespaceURI())) continue;
            String local = FragmentWriter.localName(c);
            if (local.equals("BPMNShape")) elements.add(shape(r.open(c)));
            else if (local.equals("BPMNEdge")) elements.add(edge(r.open(c)));
        }
        return new Plane(id, elementRef, elements, r.extensions());
    }

    private Shape shape(ReadElement r) {
        String id = mapper.id(r);
        String elementRef = diRef(r, "bpmnElement");
        Bounds bounds = bounds(r);
        if (bounds == null) mapper.warn(r, "the shape of " + elementRef + " has no complete dc:Bounds, so it has no position");
        Boolean expanded = r.bool("isExpanded");
        Boolean horizontal = r.bool("isHorizontal");
        Boolean markerVisible = r.bool("isMarkerVisible");
        Boolean messageVisible = r.bool("isMessageVisible");
        String band = r.attr("participantBandKind");
        String choreography = r.ref("choreographyActivityShape");
        Label label = label(r);
        return new Shape(id, elementRef, bounds, expanded, horizontal, markerVisible, messageVisible, band, choreography, label,
                r.extensions());
    }

    private Edge edge(ReadElement r) {
        String id = mapper.id(r);
        String elementRef = diRef(r, "bpmnElement");
        List<Point> waypoints = new ArrayList<>();
        for (Element w : r.children(DI, "waypoint")) {
            ReadElement p = new ReadElement(w, mapper);
            Double x = p.number("x");
            Double y = p.number("y");
            if (x != null && y != null) waypoints.add(new Point(x, y));
            else mapper.warn(p, "a waypoint of the edge of " + elementRef + " has no x or y; it is left out");
        }
        String source = r.ref("sourceElement");
        String target = r.ref("targetElement");
        String visibleKind = r.attr("messageVisibleKind");
        Label label = label(r);
        return new Edge(id, elementRef, waypoints, source, target, visibleKind, label, r.extensions());
    }

    private Label label(ReadElement owner) {
        Element l = owner.child(BPMNDI, "BPMNLabel");
        if (l == null) return null;
        ReadElement r = new ReadElement(l, mapper);
        String style = r.ref("labelStyle");
        Bounds bounds = bounds(r);
        return new Label(bounds, style, r.extensions());
    }

    private LabelStyle labelStyle(ReadElement r) {
        String id = r.attr("id");
        Element fontElement = r.child(DC, "Font");
        if (fontElement == null) return new LabelStyle(id, null, null, null, null, null, null);
        ReadElement f = new ReadElement(fontElement, mapper);
        return new LabelStyle(id, f.attr("name"), f.number("size"), f.bool("isBold"), f.bool("isItalic"), f.bool("isUnderline"),
                f.bool("isStrikeThrough"));
    }

    /** The element's dc:Bounds, or null when it has none or a coordinate is missing. */
    private Bounds bounds(ReadElement owner) {
        Element b = owner.child(DC, "Bounds");
        if (b == null) return null;
        ReadElement r = new ReadElement(b, mapper);
        Double x = r.number("x"), y = r.number("y"), w = r.number("width"), h = r.number("height");
        if (x == null || y == null || w == null || h == null) return null;
        return new Bounds(x, y, w, h);
    }

    /** bpmnElement of a shape or edge: warns when the file defines no element with that id. */
    private String diRef(ReadElement r, String attribute) {
        String ref = r.ref(attribute);
        if (ref != null && !mapper.fileIds.contains(ref)) {
            mapper.danglingDiagramReference(r, ref);
        }
        return ref;
    }
}
