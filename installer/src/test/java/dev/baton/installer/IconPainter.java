package dev.baton.installer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws Baton's application icon (a start event, a task and an end event on blue) and writes it as PNG (Linux),
 * ICO (Windows) and ICNS (macOS), each holding PNG images. Run once when the icon changes; the files are committed in
 * installer/src/main/packaging: {@code java installer/src/test/java/dev/baton/installer/IconPainter.java
 * installer/src/main/packaging}.
 */
public final class IconPainter {

    private IconPainter() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "installer/src/main/packaging");
        Files.createDirectories(dir);
        Files.write(dir.resolve("baton.png"), png(paint(256)));
        Files.write(dir.resolve("baton.ico"), ico(png(paint(256)), png(paint(48)), png(paint(32)), png(paint(16))));
        Files.write(dir.resolve("baton.icns"), icns(png(paint(512)), png(paint(256)), png(paint(128))));
        System.out.println("wrote baton.png, baton.ico and baton.icns to " + dir);
    }

    static BufferedImage paint(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);
        g.setPaint(new GradientPaint(0, 0, new Color(0x2F6FDB), 0, 256, new Color(0x1B3F8F)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
        g.setColor(Color.WHITE);
        // the flow: start event -> task -> end event
        g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(78, 128, 96, 128));
        g.draw(new Line2D.Double(160, 128, 178, 128));
        g.setStroke(new BasicStroke(8));
        g.draw(new Ellipse2D.Double(32, 106, 44, 44));
        g.draw(new RoundRectangle2D.Double(98, 96, 60, 64, 18, 18));
        g.setStroke(new BasicStroke(16));
        g.draw(new Ellipse2D.Double(184, 110, 36, 36));
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** An ICO file whose images are PNGs (Windows Vista and later read these). Sizes: 256, 48, 32, 16. */
    static byte[] ico(byte[]... pngs) throws IOException {
        int[] sizes = {256, 48, 32, 16};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LittleEndian out = new LittleEndian(bytes);
        out.short16(0);
        out.short16(1);
        out.short16(pngs.length);
        int offset = 6 + 16 * pngs.length;
        for (int i = 0; i < pngs.length; i++) {
            bytes.write(sizes[i] == 256 ? 0 : sizes[i]); // 0 means 256
            bytes.write(sizes[i] == 256 ? 0 : sizes[i]);
            bytes.write(0);
            bytes.write(0);
            out.short16(1);
            out.short16(32);
            out.int32(pngs[i].length);
            out.int32(offset);
            offset += pngs[i].length;
        }
        for (byte[] p : pngs) bytes.write(p);
        return bytes.toByteArray();
    }

    /** An ICNS file with PNG entries: ic09 (512), ic08 (256), ic07 (128). */
    static byte[] icns(byte[] png512, byte[] png256, byte[] png128) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeBytes("icns");
        out.writeInt(8 + 3 * 8 + png512.length + png256.length + png128.length);
        for (Object[] e : new Object[][] {{"ic09", png512}, {"ic08", png256}, {"ic07", png128}}) {
            byte[] data = (byte[]) e[1];
            out.writeBytes((String) e[0]);
            out.writeInt(8 + data.length);
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private record LittleEndian(ByteArrayOutputStream out) {
        void short16(int v) {
            out.write(v & 0xff);
            out.write((v >> 8) & 0xff);
        }

        void int32(int v) {
            short16(v & 0xffff);
            short16((v >>> 16) & 0xffff);
        }
    }
}
