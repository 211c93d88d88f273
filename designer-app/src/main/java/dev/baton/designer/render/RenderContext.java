package dev.baton.designer.render;

import dev.baton.designer.model.DiagramIndex;
import dev.baton.model.Extensions;
import dev.baton.model.di.DiagramElement;

/** What a renderer needs besides the element: where to paint, the colours, the document. */
public final class RenderContext {

    public static final String COLOR_NS = "http://www.omg.org/spec/BPMN/non-normative/color/1.0";
    public static final String BIOC_NS = "http://bpmn.io/schema/bpmn/biocolor/1.0";
    public static final double FONT_SIZE = 11;

    private final Painter painter;
    private final Theme theme;
    private final DiagramIndex index;
    private final TextLayout text;

    public RenderContext(Painter painter, Theme theme, DiagramIndex index, TextLayout text) {
        this.painter = painter;
        this.theme = theme;
        this.index = index;
        this.text = text;
    }

    public Painter painter() { return painter; }

    public Theme theme() { return theme; }

    public DiagramIndex index() { return index; }

    public TextLayout text() { return text; }

    /** The fill the file gives this element (color:background-color or bioc:fill), else the theme's. */
    public Rgb fill(DiagramElement de) {
        Rgb c = custom(de.extensions(), "background-color", "fill");
        return c != null ? c : theme.fill();
    }

    public Rgb stroke(DiagramElement de) {
        Rgb c = custom(de.extensions(), "border-color", "stroke");
        return c != null ? c : theme.stroke();
    }

    public boolean hasCustomFill(DiagramElement de) { return custom(de.extensions(), "background-color", "fill") != null; }

    /** Text inside a shape: the label's colour from the file, else readable on the shape's fill. */
    public Rgb textOn(DiagramElement de) {
        Rgb c = labelColor(de);
        if (c != null) return c;
        if (hasCustomFill(de)) return fill(de).luminance() > 0.55 ? Rgb.of(0x22242a) : Rgb.of(0xf0f0f0);
        Rgb s = custom(de.extensions(), "border-color", "stroke");
        return s != null ? s : theme.text();
    }

    /** Text outside a shape (events, gateways, flows): on the canvas background. */
    public Rgb textOutside(DiagramElement de) {
        Rgb c = labelColor(de);
        if (c != null) return c;
        Rgb s = custom(de.extensions(), "border-color", "stroke");
        return s != null ? s : theme.text();
    }

    private static Rgb labelColor(DiagramElement de) {
        if (de.label() != null) {
            Rgb c = Rgb.parse(de.label().extensions().attribute(COLOR_NS, "color").orElse(null));
            if (c != null) return c;
        }
        return Rgb.parse(de.extensions().attribute(COLOR_NS, "color").orElse(null));
    }

    private static Rgb custom(Extensions ext, String omg, String bioc) {
        Rgb c = Rgb.parse(ext.attribute(COLOR_NS, omg).orElse(null));
        return c != null ? c : Rgb.parse(ext.attribute(BIOC_NS, bioc).orElse(null));
    }

    /** Draws wrapped lines centred on cx, starting at top. Returns the height used. */
    public double centeredText(String s, double cx, double top, double maxWidth, Rgb color) {
        if (!painter.drawsText()) return 0;
        var lines = text.wrap(painter, s, maxWidth, FONT_SIZE, false);
        double lh = painter.lineHeight(FONT_SIZE);
        for (int i = 0; i < lines.size(); i++) painter.text(lines.get(i), cx, top + i * lh, FONT_SIZE, false, Painter.Align.CENTER, color);
        return lines.size() * lh;
    }

    /** Draws wrapped lines centred in the box both ways. */
    public void boxText(String s, double x, double y, double w, double h, Rgb color) {
        if (!painter.drawsText()) return;
        var lines = text.wrap(painter, s, w, FONT_SIZE, false);
        double lh = painter.lineHeight(FONT_SIZE);
        double top = y + (h - lines.size() * lh) / 2;
        for (int i = 0; i < lines.size(); i++) painter.text(lines.get(i), x + w / 2, top + i * lh, FONT_SIZE, false, Painter.Align.CENTER, color);
    }

    public void leftText(String s, double x, double y, double w, Rgb color) {
        if (!painter.drawsText()) return;
        var lines = text.wrap(painter, s, w, FONT_SIZE, false);
        double lh = painter.lineHeight(FONT_SIZE);
        for (int i = 0; i < lines.size(); i++) painter.text(lines.get(i), x, y + i * lh, FONT_SIZE, false, Painter.Align.LEFT, color);
    }
}
