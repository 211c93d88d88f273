package dev.baton.bpmn.write;

import dev.baton.bpmn.write.XmlTree.Element;
import dev.baton.bpmn.xml.Namespaces;
import dev.baton.model.Extensions;
import dev.baton.model.XmlFragment;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Diagram;
import dev.baton.model.di.DiagramElement;
import dev.baton.model.di.Edge;
import dev.baton.model.di.Label;
import dev.baton.model.di.LabelStyle;
import dev.baton.model.di.Plane;
import dev.baton.model.di.Point;
import dev.baton.model.di.Shape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds bpmndi:BPMNDiagram elements: plane, shapes, edges, labels and label styles. */
final class DiagramWriter {
    /** di:extension and the DI attribute wildcard only take namespaces other than DI's own. */
    private static final Set<String> DI_FORBIDDEN = Set.of("", Namespaces.DI);
    /** Every diagram element may carry an id, which the model has no field for on labels. */
    private static final Set<String> DI_PLAIN = Set.of("id");

    private final FragmentParser fragments;

    DiagramWriter(FragmentParser fragments) {
        this.fragments = fragments;
    }

    /**
     * A diagram. BPMNDiagram has no extension point in the schema (it is not a DiagramElement), so the diagram's own
     * extensions are not written; those of its plane, shapes, edges and labels are.
     */
    Element diagram(Diagram d) {
        Element el = bpmndi("BPMNDiagram").attr("id", d.id()).attr("name", d.name()).attr("documentation", d.documentation())
                .attr("resolution", d.resolution() == null ? null : number(d.resolution()));
        Plane plane = d.plane();
        Element planeEl = bpmndi("BPMNPlane");
        if (plane != null) {
            planeEl.attr("id", plane.id()).attr("bpmnElement", plane.elementRef());
            extension(planeEl, plane.extensions(), "plane " + plane.id());
            for (DiagramElement de : plane.elements()) {
                Element child = de instanceof Shape s ? shape(s) : edge((Edge) de);
                if (child != null) planeEl.add(child);
            }
        }
        el.add(planeEl);
        for (LabelStyle style : d.labelStyles()) el.add(labelStyle(style));
        return el;
    }

    /** A shape without bounds cannot be drawn and the schema requires them, so it is left out. */
    private Element shape(Shape s) {
        if (s.bounds() == null) return null;
        Element el = bpmndi("BPMNShape").attr("id", s.id()).attr("bpmnElement", s.elementRef())
                .attr("isHorizontal", s.horizontal())
                .attr("isExpanded", s.expanded())
                .attr("isMarkerVisible", s.markerVisible())
                .attr("isMessageVisible", s.messageVisible())
                .attr("participantBandKind", s.participantBandKind())
                .attr("choreographyActivityShape", s.choreographyActivityShape());
        extension(el, s.extensions(), "shape " + s.id());
        el.add(bounds(s.bounds()));
        if (s.label() != null) el.add(label(s.label(), "shape " + s.id()));
        return el;
    }

    /** An edge needs two waypoints in the schema; one with fewer cannot be drawn and is left out. */
    private Element edge(Edge e) {
        if (e.waypoints().size() < 2) return null;
        Element el = bpmndi("BPMNEdge").attr("id", e.id()).attr("bpmnElement", e.elementRef())
                .attr("sourceElement", e.sourceElement())
                .attr("targetElement", e.targetElement())
                .attr("messageVisibleKind", e.messageVisibleKind());
        extension(el, e.extensions(), "edge " + e.id());
        for (Point p : e.waypoints()) {
            el.add(new Element(Namespaces.DI, "di", "waypoint").attr("x", number(p.x())).attr("y", number(p.y())));
        }
        if (e.label() != null) el.add(label(e.label(), "edge " + e.id()));
        return el;
    }

    private Element label(Label l, String owner) {
        Element el = bpmndi("BPMNLabel").attr("labelStyle", l.labelStyle());
        extension(el, l.extensions(), "label of " + owner);
        if (l.bounds() != null) el.add(bounds(l.bounds()));
        return el;
    }

    private static Element labelStyle(LabelStyle s) {
        Element font = new Element(Namespaces.DC, "dc", "Font")
                .attr("name", s.fontName())
                .attr("size", s.size() == null ? null : number(s.size()))
                .attr("isBold", s.bold())
                .attr("isItalic", s.italic())
                .attr("isUnderline", s.underline())
                .attr("isStrikeThrough", s.strikeThrough());
        return bpmndi("BPMNLabelStyle").attr("id", s.id()).add(font);
    }

    private static Element bounds(Bounds b) {
        return new Element(Namespaces.DC, "dc", "Bounds")
                .attr("x", number(b.x())).attr("y", number(b.y()))
                .attr("width", number(b.width())).attr("height", number(b.height()));
    }

    /**
     * Foreign attributes (color:background-color) and di:extension content of a diagram element. A kept di:extension
     * element is written back as the holder itself, so an empty one stays empty.
     */
    private void extension(Element el, Extensions ext, String owner) {
        Foreign.attributes(el, ext, DI_FORBIDDEN, DI_PLAIN);
        if (ext.elements().isEmpty() && ext.unmodelledChildren().isEmpty()) return;
        Element holder = null;
        List<XmlFragment> others = new ArrayList<>();
        for (XmlFragment f : ext.unmodelledChildren()) {
            if (holder == null && Namespaces.DI.equals(f.namespace()) && f.localName().equals("extension")) {
                holder = fragments.parse(f, owner, Set.of(), BpmnWriter.KEPT_NAMESPACE);
            } else {
                others.add(f);
            }
        }
        if (holder == null) holder = new Element(Namespaces.DI, "di", "extension");
        Foreign.elements(ext.elements(), fragments, owner, DI_FORBIDDEN).forEach(holder::add);
        Foreign.elements(others, fragments, owner, DI_FORBIDDEN).forEach(holder::add);
        el.add(holder);
    }

    private static Element bpmndi(String local) {
        return new Element(Namespaces.BPMNDI, "bpmndi", local);
    }

    /** Integers without ".0" (as bpmn-js writes them), other numbers as they are; XSD spellings for the special values. */
    static String number(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "INF" : "-INF";
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return BigDecimal.valueOf(d).toPlainString();
    }
}
