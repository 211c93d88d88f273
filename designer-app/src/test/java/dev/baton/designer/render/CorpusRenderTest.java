package dev.baton.designer.render;

import dev.baton.designer.io.BpmnFiles;
import dev.baton.designer.model.DiagramIndex;
import dev.baton.model.Definitions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every MIWG reference file opens and renders as PNG and SVG, drawing every diagram element it has. */
public class CorpusRenderTest {

    static Path corpus() {
        String env = System.getProperty("BATON_CORPUS", System.getenv("BATON_CORPUS"));
        if (env != null && Files.isDirectory(Path.of(env))) return Path.of(env);
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("shared/bpmn-corpus");
            if (Files.isDirectory(c)) return c;
        }
        return null;
    }

    public static List<Path> referenceFiles() throws Exception {
        Path c = corpus();
        Assumptions.assumeTrue(c != null, "the MIWG corpus (shared/bpmn-corpus or BATON_CORPUS) is not on this machine");
        try (Stream<Path> s = Files.list(c.resolve("miwg/Reference"))) {
            return s.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyReferenceFileRenders() throws Exception {
        List<Path> files = referenceFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Definitions d = new BpmnFiles().open(f).definitions();
            assertThat(d.diagrams()).as("diagrams of " + f.getFileName()).isNotEmpty();
            for (int i = 0; i < d.diagrams().size(); i++) {
                DiagramIndex idx = new DiagramIndex(d, i);
                long drawable = idx.diagramElements().stream().filter(de -> idx.element(de.elementRef()) != null).count();
                CountingPainter counter = new CountingPainter();
                int drawn = new BpmnRenderer().render(counter, idx, Theme.LIGHT, null);
                assertThat(drawn).as("elements drawn in diagram " + (i + 1) + " of " + f.getFileName()).isEqualTo(drawable);
                assertThat(counter.figures).isGreaterThanOrEqualTo((int) drawable);
                BufferedImage png = DiagramExport.png(idx, Theme.DARK, 1);
                assertThat(png.getWidth()).isGreaterThan(100);
                String svg = DiagramExport.svg(idx, Theme.LIGHT);
                assertThat(svg).startsWith("<?xml").endsWith("</svg>\n");
                dev.baton.bpmn.xml.SecureXml.documentBuilder().parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }));
    }

    /** Counts the figures the renderers ask for, measuring text like the SVG writer. */
    static final class CountingPainter implements Painter {
        int figures;
        private final SvgPainter measure = new SvgPainter();
        @Override public void save() { }
        @Override public void restore() { }
        @Override public void translate(double dx, double dy) { }
        @Override public void rotate(double degrees) { }
        @Override public void rect(double x, double y, double w, double h, double arc, Style style) { figures++; }
        @Override public void ellipse(double cx, double cy, double rx, double ry, Style style) { figures++; }
        @Override public void path(PathData path, Style style) { figures++; }
        @Override public void text(String text, double x, double y, double size, boolean bold, Align align, Rgb color) { }
        @Override public double textWidth(String text, double size, boolean bold) { return measure.textWidth(text, size, bold); }
    }
}
