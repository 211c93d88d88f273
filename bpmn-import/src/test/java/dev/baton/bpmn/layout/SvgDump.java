package dev.baton.bpmn.layout;

import dev.baton.model.Artifact;
import dev.baton.model.Collaboration;
import dev.baton.model.DataObjectReference;
import dev.baton.model.DataStoreReference;
import dev.baton.model.Definitions;
import dev.baton.model.Event;
import dev.baton.model.Gateway;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.DiagramElement;
import dev.baton.model.di.Edge;
import dev.baton.model.di.Point;
import dev.baton.model.di.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Writes a laid-out diagram as SVG under target/layout-svg, so a person can look at what the layout drew. */
final class SvgDump {
    private SvgDump() {}

    static Path write(String name, Definitions d) {
        Map<String, Object> semantic = new HashMap<>();
        new ModelIndex(d).elements.forEach(semantic::put);
        Map<String, String> names = new HashMap<>();
        semantic.forEach((id, e) -> {
            if (e instanceof dev.baton.model.FlowElement fe && fe.name() != null) names.put(id, fe.name());
            if (e instanceof Artifact.TextAnnotation t && t.text() != null) names.put(id, t.text());
        });
        for (Collaboration c : d.collaborations()) {
            c.participants().forEach(p -> { if (p.name() != null) names.put(p.id(), p.name()); });
            c.messageFlows().forEach(m -> semantic.put(m.id(), m));
        }
        d.processes().forEach(p -> p.content().laneSets().forEach(ls -> ls.lanes().forEach(l -> laneNames(l, names))));

        double maxX = 0, maxY = 0;
        StringBuilder body = new StringBuilder();
        for (var diagram : d.diagrams()) {
            for (DiagramElement el : diagram.plane().elements()) {
                if (el instanceof Shape s) {
                    Bounds b = s.bounds();
                    body.append(String.format("<!-- %s %s -->%n", s.elementRef(), b));
                    maxX = Math.max(maxX, b.maxX());
                    maxY = Math.max(maxY, b.maxY());
                    Object e = semantic.get(s.elementRef());
                    String label = names.getOrDefault(s.elementRef(), "");
                    if (e instanceof Event) {
                        body.append(String.format("<circle cx='%.1f' cy='%.1f' r='%.1f' fill='white' stroke='black' stroke-width='%s'/>%n",
                                b.centerX(), b.centerY(), b.width() / 2,
                                ((Event) e).kind() == dev.baton.model.ElementKind.END_EVENT ? "3" : "1.5"));
                    } else if (e instanceof Gateway) {
                        body.append(String.format("<polygon points='%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f' fill='white' stroke='black'/>%n",
                                b.centerX(), b.y(), b.maxX(), b.centerY(), b.centerX(), b.maxY(), b.x(), b.centerY()));
                    } else if (e instanceof DataObjectReference || e instanceof DataStoreReference) {
                        body.append(rect(b, 0, "#f4f4f4", "black"));
                    } else if (e instanceof Artifact.TextAnnotation) {
                        body.append(String.format("<path d='M %.1f %.1f L %.1f %.1f L %.1f %.1f L %.1f %.1f' fill='none' stroke='black'/>%n",
                                b.x() + 15, b.y(), b.x(), b.y(), b.x(), b.maxY(), b.x() + 15, b.maxY()));
                    } else if (Boolean.TRUE.equals(s.horizontal())) {
                        body.append(rect(b, 0, "none", "#333"));
                        body.append(rect(new Bounds(b.x(), b.y(), 30, b.height()), 0, "none", "#333"));
                        body.append(String.format("<text x='%.1f' y='%.1f' font-size='11' font-family='Arial' transform='rotate(-90 %.1f %.1f)' text-anchor='middle'>%s</text>%n",
                                b.x() + 19, b.centerY(), b.x() + 19, b.centerY(), esc(label)));
                        label = "";
                    } else {
                        body.append(rect(b, 10, "white", "black"));
                    }
                    if (!label.isEmpty()) {
                        Bounds lb = s.label() != null && s.label().bounds() != null ? s.label().bounds() : null;
                        boolean container = Boolean.TRUE.equals(s.expanded());
                        double tx = lb != null ? lb.x() : container ? b.x() + 8 : b.x() + 5;
                        double ty = lb != null ? lb.y() + 11 : container ? b.y() + 16 : b.centerY();
                        text(body, tx, ty, lb != null ? lb.width() : b.width() - 10, label);
                    }
                }
            }
            for (DiagramElement el : diagram.plane().elements()) {
                if (el instanceof Edge e) {
                    body.append(String.format("<!-- %s -->%n", e.elementRef()));
                    Object sem = semantic.get(e.elementRef());
                    boolean seq = sem instanceof dev.baton.model.SequenceFlow;
                    boolean message = sem instanceof Collaboration.MessageFlow;
                    StringBuilder pts = new StringBuilder();
                    for (Point p : e.waypoints()) {
                        pts.append(String.format("%.1f,%.1f ", p.x(), p.y()));
                        maxX = Math.max(maxX, p.x());
                        maxY = Math.max(maxY, p.y());
                    }
                    String dash = seq ? "" : message ? " stroke-dasharray='8 4'" : " stroke-dasharray='2 3'";
                    body.append(String.format("<polyline points='%s' fill='none' stroke='%s' stroke-width='1.5'%s marker-end='url(#arrow)'/>%n",
                            pts.toString().trim(), seq ? "#1a4fa0" : "#555", dash));
                    if (e.label() != null && e.label().bounds() != null) {
                        String n = sem instanceof dev.baton.model.SequenceFlow f ? f.name() : sem instanceof Collaboration.MessageFlow m ? m.name() : null;
                        if (n != null) text(body, e.label().bounds().x(), e.label().bounds().y() + 11, e.label().bounds().width(), n);
                    }
                }
            }
        }
        String svg = String.format("<svg xmlns='http://www.w3.org/2000/svg' width='%.0f' height='%.0f' viewBox='0 0 %.0f %.0f'>%n"
                + "<defs><marker id='arrow' markerWidth='8' markerHeight='8' refX='8' refY='4' orient='auto'>"
                + "<path d='M0,0 L8,4 L0,8 z' fill='#333'/></marker></defs>%n<rect width='100%%' height='100%%' fill='white'/>%n%s</svg>%n",
                maxX + 60, maxY + 60, maxX + 60, maxY + 60, body);
        try {
            Path dir = Path.of("target", "layout-svg");
            Files.createDirectories(dir);
            Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".svg");
            Files.writeString(file, svg);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void laneNames(dev.baton.model.Lane l, Map<String, String> names) {
        if (l.name() != null) names.put(l.id(), l.name());
        l.childLanes().forEach(c -> laneNames(c, names));
    }

    private static String rect(Bounds b, double r, String fill, String stroke) {
        return String.format("<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' rx='%.0f' fill='%s' stroke='%s'/>%n",
                b.x(), b.y(), b.width(), b.height(), r, fill, stroke);
    }

    private static void text(StringBuilder out, double x, double y, double width, String s) {
        int perLine = Math.max(4, (int) (width / 6));
        var lines = Sizes.wrap(s, perLine * 6);
        for (int i = 0; i < lines.size(); i++) {
            out.append(String.format("<text x='%.1f' y='%.1f' font-size='10' font-family='Arial'>%s</text>%n", x, y + i * 13, esc(lines.get(i))));
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
