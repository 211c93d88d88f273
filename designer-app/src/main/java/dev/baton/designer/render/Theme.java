package dev.baton.designer.render;

/** The diagram's colours; they follow the window's light or dark theme. Colours set in the file win over these. */
public record Theme(String name, Rgb background, Rgb grid, Rgb fill, Rgb stroke, Rgb text, Rgb poolFill, Rgb selection,
                    Rgb hover, Rgb error, Rgb warning, Rgb lasso) {

    public static final Theme LIGHT = new Theme("light", Rgb.of(0xffffff), Rgb.of(0xe8e8ee), Rgb.of(0xffffff), Rgb.of(0x22242a),
            Rgb.of(0x22242a), Rgb.of(0xffffff), Rgb.of(0x0969da), Rgb.of(0x54aeff), Rgb.of(0xcf222e), Rgb.of(0xbf8700),
            Rgb.of(0x0969da).withAlpha(0.12));

    public static final Theme DARK = new Theme("dark", Rgb.of(0x0d1117), Rgb.of(0x1c2128), Rgb.of(0x161b22), Rgb.of(0xc9d1d9),
            Rgb.of(0xe6edf3), Rgb.of(0x0d1117), Rgb.of(0x58a6ff), Rgb.of(0x388bfd), Rgb.of(0xf85149), Rgb.of(0xd29922),
            Rgb.of(0x58a6ff).withAlpha(0.15));

    public static Theme named(String name) { return "dark".equalsIgnoreCase(name) ? DARK : LIGHT; }
}
