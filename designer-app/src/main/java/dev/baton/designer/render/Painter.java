package dev.baton.designer.render;

/**
 * What the renderers draw with. The JavaFX canvas, PNG export (Java2D) and SVG export each implement it, so all
 * three share the renderers' geometry.
 */
public interface Painter {

    enum Align { LEFT, CENTER }

    void save();

    void restore();

    void translate(double dx, double dy);

    /** Rotates by degrees (clockwise on screen) around the origin. */
    void rotate(double degrees);

    void rect(double x, double y, double w, double h, double arc, Style style);

    void ellipse(double cx, double cy, double rx, double ry, Style style);

    void path(PathData path, Style style);

    /** One line of text; y is the top of the line box. */
    void text(String text, double x, double y, double size, boolean bold, Align align, Rgb color);

    double textWidth(String text, double size, boolean bold);

    /** False when text would be too small to read at the current zoom; renderers then skip labels. */
    default boolean drawsText() { return true; }

    /** The height of one line of text of this size. */
    default double lineHeight(double size) { return Math.round(size * 1.25); }
}
