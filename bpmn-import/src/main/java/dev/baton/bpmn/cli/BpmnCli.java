package dev.baton.bpmn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.bpmn.BpmnFiles;
import dev.baton.bpmn.read.BpmnReadException;
import dev.baton.bpmn.read.ImportMessage;
import dev.baton.bpmn.read.ImportResult;
import dev.baton.model.Definitions;
import dev.baton.model.validation.Problem;
import dev.baton.model.validation.Severity;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The file commands of {@code ./baton}: check, convert and layout. Exit codes: 0 fine, 1 a file has errors, 2 usage. */
public final class BpmnCli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final PrintStream err;

    public BpmnCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** {@code check [--json] FILE|DIR...}: reads and validates each file, prints what is wrong where. */
    public int check(List<String> args) {
        boolean json = false;
        List<Path> roots = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--json")) json = true;
            else if (a.equals("-h") || a.equals("--help")) {
                out.println("usage: baton check [--json] FILE|DIR...");
                out.println("  Reads each BPMN file (directories: every *.bpmn below them) and prints its errors and warnings");
                out.println("  with line and element id. Exit 0 when no file has errors, 1 when some file has, 2 on a usage error.");
                return OK;
            } else if (a.startsWith("-")) return usage("check", "unknown option " + a);
            else roots.add(Path.of(a));
        }
        if (roots.isEmpty()) return usage("check", "name at least one BPMN file or directory");
        for (Path r : roots) {
            if (!Files.exists(r)) return usage("check", "no such file or directory: " + r);
        }
        List<Path> files = new ArrayList<>();
        for (Path r : roots) files.addAll(bpmnFilesUnder(r));
        if (files.isEmpty()) return usage("check", "no .bpmn files found in " + roots);

        boolean anyErrors = false;
        for (Path f : files) {
            FileReport report = checkFile(f);
            anyErrors |= report.errorCount() > 0;
            if (json) out.println(report.toJson());
            else report.print(out);
        }
        return anyErrors ? FAILED : OK;
    }

    /** {@code convert IN OUT}: reads a file and writes it back normalised, keeping everything the reader kept. */
    public int convert(List<String> args) {
        if (args.contains("-h") || args.contains("--help")) {
            out.println("usage: baton convert IN.bpmn OUT.bpmn");
            out.println("  Reads IN and writes it to OUT as BPMN 2.0 XML with diagram interchange; extensions are kept.");
            return OK;
        }
        if (args.size() != 2) return usage("convert", "give an input and an output file");
        return transform(Path.of(args.get(0)), Path.of(args.get(1)), false);
    }

    /** {@code layout IN OUT}: writes the file with a fresh diagram; semantics and extensions unchanged. */
    public int layout(List<String> args) {
        if (args.contains("-h") || args.contains("--help")) {
            out.println("usage: baton layout IN.bpmn OUT.bpmn");
            out.println("  Writes IN to OUT with a freshly laid out diagram (left to right); semantics and extensions unchanged.");
            return OK;
        }
        if (args.size() != 2) return usage("layout", "give an input and an output file");
        return transform(Path.of(args.get(0)), Path.of(args.get(1)), true);
    }

    private int transform(Path in, Path outFile, boolean freshLayout) {
        if (!Files.isRegularFile(in)) return usage(freshLayout ? "layout" : "convert", "no such file: " + in);
        ImportResult result;
        try {
            result = BpmnFiles.read(in);
        } catch (BpmnReadException e) {
            err.println(e.getMessage());
            return FAILED;
        }
        for (ImportMessage m : result.messages()) {
            if (m.severity() != Severity.INFO) err.println(m);
        }
        Definitions d = result.definitions();
        if (freshLayout) d = BpmnFiles.layout(d);
        try {
            Path parent = outFile.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            // write to a sibling first so a failed write never leaves half a file behind
            Path tmp = Files.createTempFile(parent, ".baton-", ".bpmn");
            try {
                Files.write(tmp, BpmnFiles.write(d));
                Files.move(tmp, outFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            err.println(outFile + ": cannot write: " + e.getMessage());
            return FAILED;
        }
        out.println(in + " -> " + outFile + (freshLayout ? " (laid out)" : ""));
        return OK;
    }

    FileReport checkFile(Path file) {
        ImportResult result;
        try {
            result = BpmnFiles.read(file);
        } catch (BpmnReadException e) {
            return new FileReport(file, List.of(new Finding(Severity.ERROR, e.line(), null, "read", stripSource(e))), true);
        }
        List<Finding> findings = new ArrayList<>();
        for (ImportMessage m : result.messages()) {
            if (m.severity() == Severity.INFO) continue;
            findings.add(new Finding(m.severity(), m.line(), m.elementId(), "import", m.message()));
        }
        for (Problem p : BpmnFiles.validate(result.definitions())) {
            int line = p.line() > 0 ? p.line() : result.lineOf(p.elementId());
            findings.add(new Finding(p.severity(), line, p.elementId(), p.rule(), p.message()));
        }
        // in file order, as an editor shows them; findings without a line first
        findings.sort(java.util.Comparator.comparingInt(Finding::line));
        return new FileReport(file, findings, false);
    }

    private static String stripSource(BpmnReadException e) {
        String m = e.getMessage();
        String prefix = e.source() == null ? null : e.source();
        if (prefix != null && m.startsWith(prefix)) {
            int colon = m.indexOf(": ", prefix.length());
            if (colon >= 0) return m.substring(colon + 2);
        }
        return m;
    }

    private List<Path> bpmnFilesUnder(Path root) {
        if (Files.isRegularFile(root)) return List.of(root);
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bpmn"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    private int usage(String command, String problem) {
        err.println("baton " + command + ": " + problem);
        err.println("Run 'baton " + command + " --help' for usage.");
        return USAGE;
    }

    record Finding(Severity severity, int line, String elementId, String rule, String message) {}

    record FileReport(Path path, List<Finding> findings, boolean unreadable) {
        long errorCount() { return findings.stream().filter(f -> f.severity() == Severity.ERROR).count(); }

        long warningCount() { return findings.stream().filter(f -> f.severity() == Severity.WARNING).count(); }

        void print(PrintStream out) {
            long errors = errorCount(), warnings = warningCount();
            if (errors == 0 && warnings == 0) {
                out.println(path + ": ok");
                return;
            }
            out.println(path + ": " + (errors > 0 ? errors + (errors == 1 ? " error" : " errors") : "")
                    + (errors > 0 && warnings > 0 ? ", " : "")
                    + (warnings > 0 ? warnings + (warnings == 1 ? " warning" : " warnings") : ""));
            for (Finding f : findings) {
                out.println("  " + f.severity().name().toLowerCase(Locale.ROOT)
                        + (f.line() > 0 ? " line " + f.line() : "")
                        + (f.elementId() != null ? " [" + f.elementId() + "]" : "")
                        + " " + f.rule() + ": " + f.message());
            }
        }

        String toJson() {
            ObjectNode o = JSON.createObjectNode();
            o.put("path", path.toString());
            ArrayNode errors = o.putArray("errors");
            ArrayNode warnings = o.putArray("warnings");
            for (Finding f : findings) {
                if (f.severity() == Severity.INFO) continue;
                ObjectNode n = (f.severity() == Severity.ERROR ? errors : warnings).addObject();
                if (f.elementId() != null) n.put("elementId", f.elementId());
                else n.putNull("elementId");
                if (f.line() > 0) n.put("line", f.line());
                else n.putNull("line");
                n.put("rule", f.rule());
                n.put("message", f.message());
            }
            return o.toString();
        }
    }
}
