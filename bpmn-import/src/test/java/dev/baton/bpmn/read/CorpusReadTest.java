package dev.baton.bpmn.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.baton.model.Process;
import dev.baton.model.di.DiagramElement;
import dev.baton.model.di.Plane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Given every BPMN file of the OMG MIWG test suite (real exports of 17 tools), the reader reads each one, and every
 * diagram shape and edge points at something it read.
 */
class CorpusReadTest {

    static Path corpus() {
        String configured = System.getProperty("BATON_CORPUS", System.getenv("BATON_CORPUS"));
        if (configured != null && Files.isDirectory(Path.of(configured))) return Path.of(configured);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("bpmn-corpus");
            if (Files.isDirectory(candidate)) return candidate;
        }
        return null;
    }

    static Path miwg() {
        Path corpus = corpus();
        Path miwg = corpus == null ? null : corpus.resolve("miwg");
        assumeTrue(miwg != null && Files.isDirectory(miwg),
                "the BPMN corpus (shared/bpmn-corpus/miwg) is not next to the repository and BATON_CORPUS is not set; skipping");
        return miwg;
    }

    @Test
    void everyCorpusFileReadsAndEveryDiagramElementPointsAtSomethingRead() throws IOException {
        Path miwg = miwg();
        List<Path> files;
        try (Stream<Path> s = Files.walk(miwg)) {
            files = s.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        BpmnReader reader = new BpmnReader();
        Map<String, int[]> perFolder = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            String folder = miwg.relativize(file).getName(0).toString();
            int[] counts = perFolder.computeIfAbsent(folder, k -> new int[2]);
            counts[1]++;
            try {
                ImportResult result = reader.read(file);
                List<String> problems = unresolvedDiagramReferences(result);
                if (problems.isEmpty()) counts[0]++;
                else failures.add(miwg.relativize(file) + ": " + problems);
            } catch (BpmnReadException e) {
                failures.add(miwg.relativize(file) + ": " + e.getMessage());
            }
        }
        perFolder.forEach((folder, c) -> System.out.println(folder + ": " + c[0] + "/" + c[1] + " read"));
        assertThat(failures).as("files that did not read cleanly").isEmpty();
    }

    private static ImportResult read(String relative) throws BpmnReadException {
        Path file = miwg().resolve(relative);
        assumeTrue(Files.exists(file), relative + " is not in this corpus; skipping");
        return new BpmnReader().read(file);
    }

    @Test
    void theSimplestReferenceReadsAsOneProcessOfThreeTasksInARow() throws Exception {
        ImportResult r = read("Reference/A.1.0.bpmn");
        Process p = r.definitions().processes().get(0);
        assertThat(p.id()).isEqualTo("WFP-6-");
        assertThat(p.content().nodes()).extracting(n -> n.kind() + " " + n.name()).containsExactly(
                "START_EVENT Start Event", "TASK Task 1", "TASK Task 2", "TASK Task 3", "END_EVENT End Event");
        assertThat(p.content().flows()).hasSize(4);
        assertThat(r.definitions().diagrams()).singleElement().satisfies(d -> {
            assertThat(d.plane().elementRef()).isEqualTo("WFP-6-");
            assertThat(d.plane().shapes()).hasSize(5);
            assertThat(d.plane().edges()).hasSize(4);
            assertThat(d.labelStyles()).isNotEmpty();
        });
        assertThat(r.messages()).isEmpty();
    }

    @Test
    void referencesWithSeveralDiagramsKeepEveryOne() throws Exception {
        assertThat(read("Reference/C.4.0.bpmn").definitions().diagrams()).hasSize(4)
                .allSatisfy(d -> assertThat(d.plane().elements()).isNotEmpty());
        assertThat(read("Reference/C.5.0.bpmn").definitions().diagrams()).hasSize(2)
                .allSatisfy(d -> assertThat(d.plane().elements()).isNotEmpty());
    }

    @Test
    void genMyModelFilesThatDeclareUtf8ButHoldLatin1AreRecoveredWithAWarning() throws Exception {
        for (String name : List.of("C.1.0-export", "C.1.0-roundtrip", "C.1.1-export", "C.1.1-roundtrip")) {
            ImportResult r = read("GenMyModel 0.47/" + name + ".bpmn");
            assertThat(r.messages()).as(name).filteredOn(m -> m.message().contains("not UTF-8")).hasSize(1);
            assertThat(r.definitions().allFlowElements()).as(name).anySatisfy(e -> assertThat(e.name()).contains("klären"));
        }
    }

    @Test
    void undefinedBpmnNamespaceElementsAreWarnedAboutOncePerName() throws Exception {
        for (String name : List.of("Reference/C.1.0.bpmn", "Reference/C.1.1.bpmn", "Reference/C.3.0.bpmn")) {
            ImportResult r = read(name);
            List<String> warnings = r.messages().stream().map(ImportMessage::message)
                    .filter(m -> m.contains("is in the BPMN namespace but is not a BPMN 2.0 element")).toList();
            assertThat(warnings).as(name).isNotEmpty().doesNotHaveDuplicates().hasSizeLessThan(12);
        }
        Path vp = miwg().resolve("Visual Paradigm 11.1");
        assumeTrue(Files.isDirectory(vp), "no Visual Paradigm files in this corpus");
        try (Stream<Path> s = Files.list(vp)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                assertThat(new BpmnReader().read(f).messages()).as(f.getFileName().toString()).hasSizeLessThan(40);
            }
        }
    }

    @Test
    void theLargestReferenceReadsWellUnderASecond() throws Exception {
        read("Reference/B.2.0.bpmn"); // warm up class loading
        long start = System.nanoTime();
        ImportResult r = read("Reference/B.2.0.bpmn");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.definitions().allFlowElements()).hasSizeGreaterThan(100);
        assertThat(millis).isLessThan(1000);
    }

    /**
     * Shape and edge references that name nothing read. A reference to an id the file itself does not define
     * (iGrafx writes some) is allowed when a warning names it.
     */
    static List<String> unresolvedDiagramReferences(ImportResult result) {
        Set<String> ids = ModelIds.of(result.definitions());
        List<String> problems = new ArrayList<>();
        for (var diagram : result.definitions().diagrams()) {
            Plane plane = diagram.plane();
            if (plane == null) continue;
            for (DiagramElement e : plane.elements()) {
                assertThat(e.id()).as("diagram element id in " + result.source()).isNotNull();
                String ref = e.elementRef();
                if (ref == null || ids.contains(ref)) continue;
                boolean definedByFile = result.elementLines().containsKey(ref);
                boolean warned = result.messages().stream().anyMatch(m -> m.message().contains(ref));
                if (definedByFile || !warned) problems.add(e.id() + " -> " + ref + (definedByFile ? " (lost while reading)" : ""));
            }
        }
        return problems;
    }
}
