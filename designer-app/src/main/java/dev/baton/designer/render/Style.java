package dev.baton.designer.render;

/** How a figure is filled and stroked; fill or stroke null means none. dash null means solid. */
public record Style(Rgb fill, Rgb stroke, double width, double[] dash) {

    public static Style stroke(Rgb c, double width) { return new Style(null, c, width, null); }

    public static Style fill(Rgb c) { return new Style(c, null, 0, null); }

    public static Style of(Rgb fill, Rgb stroke, double width) { return new Style(fill, stroke, width, null); }

    public Style dashed(double... pattern) { return new Style(fill, stroke, width, pattern); }

    public Style withFill(Rgb f) { return new Style(f, stroke, width, dash); }

    public Style withWidth(double w) { return new Style(fill, stroke, w, dash); }
}
