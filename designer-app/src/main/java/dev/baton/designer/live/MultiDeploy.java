package dev.baton.designer.live;

import dev.baton.designer.io.BpmnFiles;
import dev.baton.designer.ui.EditorTab;
import dev.baton.model.Process;
import dev.baton.model.api.DeploymentProblem;
import dev.baton.model.validation.Problem;
import dev.baton.model.validation.Severity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Several files deployed together in one deployment: open diagrams (their current content, saved or not) and files
 * from disk. The engine deploys all of them or none; its problems name the file, so they go back to the diagram
 * they belong to.
 */
public final class MultiDeploy {

    /** The rule of problems the engine reported: they are replaced on the next deployment. */
    public static final String RULE = "engine";

    /** One file of the deployment; tab is the open diagram it comes from, null for a file read from disk. */
    public record Source(String fileName, byte[] xml, EditorTab tab) {
        EngineClient.BpmnPart part() { return new EngineClient.BpmnPart(fileName, xml); }
    }

    /** Where the engine's problems go: per open diagram, and those of files not open in a tab. */
    public record Placed(Map<EditorTab, List<Problem>> byTab, List<Problem> elsewhere) {}

    private MultiDeploy() {}

    /** The name a diagram is deployed under: its file's name, or its tab title with .bpmn. */
    public static String fileName(EditorTab tab) {
        Path f = tab.editor().document().file();
        String name = f != null ? f.getFileName().toString() : tab.editor().document().title().replace(" (engine)", "");
        return name.endsWith(".bpmn") || name.endsWith(".xml") ? name : name + ".bpmn";
    }

    /**
     * The files to send: each tab's diagram as it is now, then each file from disk that is not already among the
     * tabs. Two different files with the same name are refused, since the engine's problems name only the file.
     */
    public static List<Source> sources(List<EditorTab> tabs, List<Path> files, BpmnFiles io) throws IOException {
        List<Source> out = new ArrayList<>();
        Map<String, Object> seen = new LinkedHashMap<>();
        for (EditorTab t : tabs) {
            String name = fileName(t);
            if (seen.putIfAbsent(name, t) != null) throw new IllegalArgumentException("Two diagrams are named " + name
                    + ": save one under another name first (the engine's problems are reported by file name)");
            out.add(new Source(name, io.toXml(t.editor().document().definitions()), t));
        }
        for (Path p : files) {
            Path abs = p.toAbsolutePath().normalize();
            if (tabs.stream().anyMatch(t -> abs.equals(t.editor().document().file()))) continue; // the open tab wins
            String name = abs.getFileName().toString();
            Object before = seen.putIfAbsent(name, abs);
            if (before != null) {
                if (before.equals(abs)) continue;
                throw new IllegalArgumentException("Two files are named " + name + " (" + abs + "): rename one"
                        + " (the engine's problems are reported by file name)");
            }
            out.add(new Source(name, Files.readAllBytes(abs), null));
        }
        if (out.isEmpty()) throw new IllegalArgumentException("Choose at least one diagram or file to deploy");
        return out;
    }

    /** The process ids of an open diagram. */
    static Set<String> processIds(EditorTab tab) {
        return tab.editor().document().definitions().processes().stream().map(Process::id).collect(Collectors.toSet());
    }

    /**
     * Sends each problem to the open diagram of its file (the engine names the file; a few checks made while
     * storing name the process instead). A problem of a file not open in a tab names its element in the message.
     */
    public static Placed place(List<Source> sources, List<DeploymentProblem> problems) {
        Map<EditorTab, List<Problem>> byTab = new LinkedHashMap<>();
        List<Problem> elsewhere = new ArrayList<>();
        for (Source s : sources) if (s.tab() != null) byTab.put(s.tab(), new ArrayList<>());
        for (DeploymentProblem p : problems) {
            EditorTab tab = null;
            for (Source s : sources) {
                if (s.tab() != null && (s.fileName().equals(p.file()) || processIds(s.tab()).contains(p.file()))) {
                    tab = s.tab();
                    break;
                }
            }
            if (tab != null) byTab.get(tab).add(problem(p, p.elementId() != null && tab.editor().index().contains(p.elementId()) ? p.elementId() : null));
            else elsewhere.add(problem(p, null));
        }
        return new Placed(byTab, elsewhere);
    }

    /** A problem for the problems panel: the element (drawn on the diagram) and the file and line in the message. */
    static Problem problem(DeploymentProblem p, String elementId) {
        Severity sev = "WARNING".equals(p.severity()) ? Severity.WARNING : "INFO".equals(p.severity()) ? Severity.INFO : Severity.ERROR;
        String where = p.file() + (p.line() == null ? "" : ", line " + p.line())
                + (elementId == null && p.elementId() != null ? ", element " + p.elementId() : "");
        return new Problem(RULE, sev, elementId, "Engine (" + where + "): " + p.message(), p.line() == null ? 0 : p.line());
    }

    /** "file, element X, line N: message". */
    public static String describe(DeploymentProblem p) {
        return p.file() + (p.elementId() == null ? "" : ", element " + p.elementId()) + (p.line() == null ? "" : ", line " + p.line())
                + ": " + p.message();
    }
}
