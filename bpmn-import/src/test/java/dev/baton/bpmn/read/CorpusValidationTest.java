package dev.baton.bpmn.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.Definitions;
import dev.baton.model.validation.Problem;
import dev.baton.model.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.baton.model.Process;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Given the OMG MIWG corpus read by the reader, the validator checks every file without failing, and what it finds
 * matches known facts about the files. Prints the counts per rule (informative).
 */
class CorpusValidationTest {

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    static Definitions read(Path file) throws BpmnReadException {
        return new BpmnReader().read(file).definitions();
    }

    @Test
    void everyCorpusFileValidatesWithoutFailingAndTheCountsPerRuleArePrinted() throws Exception {
        Path miwg = CorpusReadTest.miwg();
        Validator validator = new Validator(Validator.allRules());
        Map<String, Integer> perRule = new TreeMap<>();
        Map<String, Integer> filesPerRule = new TreeMap<>();
        List<Path> files = files(miwg);
        for (Path file : files) {
            List<Problem> problems = validator.validate(read(file));
            problems.forEach(p -> perRule.merge(p.rule(), 1, Integer::sum));
            problems.stream().map(Problem::rule).distinct().forEach(r -> filesPerRule.merge(r, 1, Integer::sum));
            assertThat(problems).as(file.toString()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
        }
        System.out.println("Validated " + files.size() + " corpus files. Problems per rule (problems / files):");
        perRule.forEach((rule, n) -> System.out.printf("  %-38s %5d / %d%n", rule, n, filesPerRule.get(rule)));
        assertThat(files).hasSizeGreaterThan(100);
    }

    @Test
    void theReferenceModelsValidateAndOnlyUndrawnProcessesLackDiagramInterchange() throws Exception {
        Path reference = CorpusReadTest.miwg().resolve("Reference");
        Map<String, Map<String, Long>> byFile = new TreeMap<>();
        for (Path file : files(reference)) {
            Definitions d = read(file);
            List<Problem> problems = new Validator().validate(d);
            byFile.put(file.getFileName().toString(),
                    problems.stream().collect(Collectors.groupingBy(Problem::rule, TreeMap::new, Collectors.counting())));
            Set<String> undrawn = inUndrawnProcesses(d);
            // the MIWG draws every element, except in B.1.0 and B.2.0 a second process no pool shows
            assertThat(problems).filteredOn(p -> p.rule().equals("no-bpmndi")).as(file.toString())
                    .allSatisfy(p -> assertThat(undrawn).contains(p.elementId()));
        }
        byFile.forEach((file, counts) -> System.out.println("  " + file + ": " + counts));

        assertThat(byFile).hasSize(21);
        assertThat(byFile.get("A.1.0.bpmn")).as("a plain sequence of labelled tasks").isEmpty();
        assertThat(byFile.get("B.1.0.bpmn")).containsEntry("no-bpmndi", 5L);
    }

    /** Ids of the elements of processes that no diagram draws any part of (e.g. a process only called by another). */
    static Set<String> inUndrawnProcesses(Definitions d) {
        Set<String> drawn = new HashSet<>();
        d.diagrams().stream().filter(g -> g.plane() != null).forEach(g -> g.plane().elements().forEach(e -> drawn.add(e.elementRef())));
        Set<String> ids = new HashSet<>();
        for (Process p : d.processes()) {
            if (p.content().deepElements().noneMatch(e -> drawn.contains(e.id()))) {
                p.content().deepElements().forEach(e -> ids.add(e.id()));
            }
        }
        return ids;
    }

    @Test
    void ibmProcessDesignerFilesCarryNoDiagramSoEveryElementLacksBpmndi() throws Exception {
        Path ibm = CorpusReadTest.miwg().resolve("IBM Process Designer 8.0.1");
        List<Path> files = files(ibm);
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Definitions d = read(file);
            List<Problem> missing = new Validator().validate(d).stream().filter(p -> p.rule().equals("no-bpmndi")).toList();
            long drawable = d.allFlowElements().filter(e -> !(e instanceof dev.baton.model.DataObject)).count();

            assertThat(d.diagrams().stream().allMatch(g -> g.plane() == null || g.plane().elements().isEmpty())).as(file.toString()).isTrue();
            assertThat(missing).as(file.toString()).hasSizeGreaterThanOrEqualTo((int) drawable).allMatch(Problem::isError);
        }
    }
}
