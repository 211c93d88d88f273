package dev.baton.designer.render;

import dev.baton.designer.model.DiagramIndex;
import dev.baton.model.di.Bounds;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** PNG and SVG pictures of a whole diagram, drawn by the same renderers as the canvas. */
public final class DiagramExport {

    static final double MARGIN = 30;
    /** Labels under events and gateways are not in the DI bounds; leave room for them. */
    static final double LABEL_ROOM = 40;

    private DiagramExport() {}

    static Bounds area(DiagramIndex index) {
        Bounds c = BpmnRenderer.contentBounds(index);
        if (c == null) c = new Bounds(0, 0, 200, 100);
        return new Bounds(c.x() - MARGIN, c.y() - MARGIN, c.width() + 2 * MARGIN, c.height() + 2 * MARGIN + LABEL_ROOM);
    }

    public static BufferedImage png(DiagramIndex index, Theme theme, double scale) {
        Bounds a = area(index);
        int w = (int) Math.ceil(a.width() * scale), h = (int) Math.ceil(a.height() * scale);
        if ((long) w * h > 400_000_000L) throw new IllegalArgumentException("the picture would be " + w + " x " + h + " pixels; use a smaller --scale");
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(AwtPainter.awt(theme.background()));
            g.fillRect(0, 0, w, h);
            g.scale(scale, scale);
            g.translate(-a.x(), -a.y());
            new BpmnRenderer().render(new AwtPainter(g), index, theme, null);
        } finally {
            g.dispose();
        }
        return img;
    }

    public static String svg(DiagramIndex index, Theme theme) {
        Bounds a = area(index);
        SvgPainter p = new SvgPainter();
        new BpmnRenderer().render(p, index, theme, null);
        return p.document(a.x(), a.y(), a.width(), a.height(), theme.background());
    }

    /** Writes PNG or SVG, chosen by the file's extension. */
    public static void write(DiagramIndex index, Theme theme, Path out, double scale) throws IOException {
        String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".svg")) {
            Files.writeString(out, svg(index, theme), StandardCharsets.UTF_8);
        } else if (name.endsWith(".png")) {
            if (!ImageIO.write(png(index, theme, scale), "png", out.toFile())) throw new IOException("no PNG writer available");
        } else {
            throw new IllegalArgumentException("unknown picture type for " + out + ": use .png or .svg");
        }
    }
}
