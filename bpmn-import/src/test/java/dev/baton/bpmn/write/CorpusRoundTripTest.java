package dev.baton.bpmn.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.baton.bpmn.read.BpmnReadException;
import dev.baton.bpmn.read.BpmnReader;
import dev.baton.bpmn.read.ImportResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Given every BPMN file of the OMG MIWG test suite (exports of 17 tools, some not well-formed as declared), when it is
 * read, written and read again, then the written file validates against the BPMN 2.0 schema and the second read equals
 * the first: ids, kinds, names, flows, event definitions, geometry within 0.5 px, and what was kept.
 */
class CorpusRoundTripTest {
    private int valid;
    private final List<String> inheritedInvalid = new ArrayList<>();

    static Path miwg() {
        Path corpus = null;
        String configured = System.getProperty("BATON_CORPUS", System.getenv("BATON_CORPUS"));
        if (configured != null && Files.isDirectory(Path.of(configured))) corpus = Path.of(configured);
        for (Path dir = Path.of("").toAbsolutePath(); corpus == null && dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("bpmn-corpus");
            if (Files.isDirectory(candidate)) corpus = candidate;
        }
        Path miwg = corpus == null ? null : corpus.resolve("miwg");
        assumeTrue(miwg != null && Files.isDirectory(miwg),
                "the BPMN corpus (shared/bpmn-corpus/miwg) is not next to the repository and BATON_CORPUS is not set; skipping");
        return miwg;
    }

    @Test
    void everyCorpusFileSurvivesReadWriteReadAndValidates() throws IOException {
        Path miwg = miwg();
        List<Path> files;
        try (Stream<Path> s = Files.walk(miwg)) {
            files = s.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        Map<String, int[]> perFolder = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            String name = miwg.relativize(file).toString();
            int[] counts = perFolder.computeIfAbsent(miwg.relativize(file).getName(0).toString(), k -> new int[2]);
            counts[1]++;
            List<String> problems = roundTrip(file);
            if (problems.isEmpty()) counts[0]++;
            else failures.add(name + ":\n  " + String.join("\n  ", problems.subList(0, Math.min(12, problems.size())))
                    + (problems.size() > 12 ? "\n  ... " + (problems.size() - 12) + " more" : ""));
        }
        perFolder.forEach((folder, c) -> System.out.println("round trip " + folder + ": " + c[0] + "/" + c[1] + " passed"));
        System.out.println("round trip total: " + (files.size() - failures.size()) + "/" + files.size() + " passed; " + valid
                + " written files validate without any schema error");
        inheritedInvalid.forEach(f -> System.out.println("round trip kept the source's own schema errors: " + f));
        assertThat(failures).as("files that did not survive read, write, read").isEmpty();
    }

    /**
     * The schema errors of the source file itself. Where a source breaks the schema in its data (ids that are not XML
     * names, references to missing ids, duplicate ids, required children it lacks), the writer keeps the data as the user
     * wrote it rather than invent or rename, so the written file inherits exactly those errors and no others.
     */
    private static Set<String> sourceErrors(Path file) {
        try {
            Set<String> keys = new HashSet<>();
            for (String e : WrittenXml.schemaErrors(asTheReaderDecodesIt(Files.readAllBytes(file)))) keys.add(errorKey(e));
            return keys;
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** Files that declare UTF-8 but hold ISO-8859-1 bytes (GenMyModel's) are validated as the reader recovers them. */
    private static byte[] asTheReaderDecodesIt(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return bytes;
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The error code and the first name or value it quotes, without position or prefix: what identifies one breach. */
    static String errorKey(String error) {
        String e = error.replaceFirst("^\\d+:\\d+ ", "");
        String code = e.contains(":") ? e.substring(0, e.indexOf(':')) : e;
        Matcher m = Pattern.compile("'([^']*)'").matcher(e);
        String quoted = m.find() ? m.group(1).replaceFirst("^[^:{]*:", "") : "";
        return code + " " + quoted;
    }

    private List<String> roundTrip(Path file) {
        BpmnReader reader = new BpmnReader();
        BpmnWriter writer = new BpmnWriter();
        List<String> problems = new ArrayList<>();
        ImportResult first;
        try {
            first = reader.read(file);
        } catch (BpmnReadException e) {
            return List.of("first read failed: " + e.getMessage());
        }
        byte[] written;
        try {
            written = writer.write(first.definitions());
        } catch (RuntimeException e) {
            return List.of("write failed: " + e);
        }
        List<String> schemaErrors = WrittenXml.schemaErrors(written);
        if (schemaErrors.isEmpty()) valid++;
        Set<String> inherited = sourceErrors(file);
        List<String> introduced = schemaErrors.stream().filter(e -> !inherited.contains(errorKey(e))).toList();
        for (String error : introduced.subList(0, Math.min(5, introduced.size()))) problems.add("schema: " + error);
        if (introduced.isEmpty() && !schemaErrors.isEmpty()) {
            inheritedInvalid.add(file.getParent().getFileName() + "/" + file.getFileName() + " (" + schemaErrors.size() + " errors the source file has too, e.g. "
                    + schemaErrors.get(0) + ")");
        }
        ImportResult second;
        try {
            second = reader.read(written, file.getFileName() + " (written by Baton)");
        } catch (BpmnReadException e) {
            problems.add("second read failed: " + e.getMessage());
            return problems;
        }
        problems.addAll(ModelComparison.differences(first.definitions(), second.definitions()));
        return problems;
    }
}
