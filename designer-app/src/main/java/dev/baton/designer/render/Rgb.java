package dev.baton.designer.render;

/** A colour, independent of JavaFX, AWT and SVG; components 0..1. */
public record Rgb(double r, double g, double b, double a) {

    public static Rgb of(int rgb) {
        return new Rgb(((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0, 1);
    }

    public Rgb withAlpha(double alpha) { return new Rgb(r, g, b, alpha); }

    /** Parses #rgb, #rrggbb, rgb(r, g, b) and a few names; null when the text is not a colour. */
    public static Rgb parse(String text) {
        if (text == null) return null;
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.startsWith("#") && t.length() == 7) return of(Integer.parseInt(t.substring(1), 16));
            if (t.startsWith("#") && t.length() == 4) {
                int v = Integer.parseInt(t.substring(1), 16);
                int r = (v >> 8) & 0xf, g = (v >> 4) & 0xf, b = v & 0xf;
                return of((r * 17) << 16 | (g * 17) << 8 | b * 17);
            }
            if (t.startsWith("rgb(") && t.endsWith(")")) {
                String[] p = t.substring(4, t.length() - 1).split(",");
                return new Rgb(Integer.parseInt(p[0].strip()) / 255.0, Integer.parseInt(p[1].strip()) / 255.0,
                        Integer.parseInt(p[2].strip()) / 255.0, 1);
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
        return switch (t) {
            case "white" -> of(0xffffff);
            case "black" -> of(0x000000);
            case "red" -> of(0xff0000);
            case "green" -> of(0x008000);
            case "blue" -> of(0x0000ff);
            case "yellow" -> of(0xffff00);
            case "orange" -> of(0xffa500);
            case "gray", "grey" -> of(0x808080);
            default -> null;
        };
    }

    /** #rrggbb for SVG. */
    public String hex() {
        return String.format("#%02x%02x%02x", Math.round(r * 255), Math.round(g * 255), Math.round(b * 255));
    }

    /** Perceived brightness 0..1, to pick a readable text colour on a custom fill. */
    public double luminance() { return 0.299 * r + 0.587 * g + 0.114 * b; }
}
