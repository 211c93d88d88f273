package dev.baton.bpmn.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.baton.bpmn.read.BpmnReader;
import dev.baton.model.Definitions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Given the corpus files that have no diagram (IBM Process Designer's exports) and every reference model with its
 * diagram taken away, the layout draws each one with no overlapping shapes and no flow through a shape.
 */
class CorpusLayoutTest {
    private final AutoLayout layout = new AutoLayout();
    private final BpmnReader reader = new BpmnReader();

    static Path miwg() {
        String configured = System.getProperty("BATON_CORPUS", System.getenv("BATON_CORPUS"));
        Path corpus = configured != null && Files.isDirectory(Path.of(configured)) ? Path.of(configured) : null;
        for (Path dir = Path.of("").toAbsolutePath(); corpus == null && dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("bpmn-corpus");
            if (Files.isDirectory(candidate)) corpus = candidate;
        }
        Path miwg = corpus == null ? null : corpus.resolve("miwg");
        assumeTrue(miwg != null && Files.isDirectory(miwg),
                "the BPMN corpus (shared/bpmn-corpus/miwg) is not next to the repository and BATON_CORPUS is not set; skipping");
        return miwg;
    }

    private static List<Path> bpmnFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    /** Lays the file out and returns its problems, each prefixed with the file name. */
    private List<String> layOut(String label, Definitions d) {
        Definitions result = layout.layout(d);
        SvgDump.write(label, result);
        LayoutChecks checks = new LayoutChecks(result);
        List<String> problems = new ArrayList<>();
        for (String p : checks.missingDi()) problems.add(label + ": " + p);
        for (String p : checks.overlaps()) problems.add(label + ": " + p);
        for (String p : checks.flowsThroughShapes()) problems.add(label + ": " + p);
        for (String p : checks.endsOffBorders()) problems.add(label + ": " + p);
        for (String p : checks.boundaryEventsOffHostBorder()) problems.add(label + ": " + p);
        for (String p : checks.outsideContainers()) problems.add(label + ": " + p);
        System.out.printf("%s: %d shapes, %d edges, %d problems, %d message flows through a shape%n", label,
                checks.shapes.size(), checks.edges.size(), problems.size(), checks.messageFlowsThroughShapes().size());
        checks.messageFlowsThroughShapes().forEach(m -> System.out.println("  (best effort) " + m));
        return problems;
    }

    @Test
    void ibmProcessDesignerFilesWithoutDiagramsAreDrawnCleanly() throws Exception {
        List<Path> files = bpmnFiles(miwg().resolve("IBM Process Designer 8.0.1"));
        assertThat(files).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            Definitions d = reader.read(file).definitions();
            assertThat(layout.needsLayout(d)).as(file.getFileName() + " has no diagram").isTrue();
            problems.addAll(layOut("ibm-" + file.getFileName(), d));
        }
        System.out.println("IBM Process Designer: " + files.size() + " files laid out, " + problems.size() + " problems");
        assertThat(problems).isEmpty();
    }

    @Test
    void everyReferenceModelWithItsDiagramRemovedIsDrawnCleanly() throws Exception {
        List<Path> files = bpmnFiles(miwg().resolve("Reference"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            Definitions d = reader.read(file).definitions().withDiagrams(List.of());
            assertThat(layout.needsLayout(d)).isTrue();
            problems.addAll(layOut("ref-" + file.getFileName(), d));
        }
        System.out.println("Reference: " + files.size() + " files laid out, " + problems.size() + " problems");
        assertThat(problems).isEmpty();
    }
}
