package dev.baton.designer.render;

import dev.baton.bpmn.read.BpmnReadException;
import dev.baton.designer.io.BpmnFiles;
import dev.baton.designer.model.DiagramIndex;
import dev.baton.model.Definitions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code baton render IN.bpmn OUT.png|OUT.svg [--theme light|dark] [--scale N] [--diagram N]}: draws a BPMN file
 * without a window or display, with the designer's renderers (for CI pipelines and docs).
 */
public final class RenderCommand {

    private RenderCommand() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, System.out, System.err));
    }

    /** Returns the process exit code: 0 done, 1 the file could not be read or written, 2 bad arguments. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path in = null, target = null;
        Theme theme = Theme.LIGHT;
        double scale = 1;
        int diagram = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            try {
                switch (a) {
                    case "--theme" -> theme = Theme.named(args[++i]);
                    case "--scale" -> scale = Double.parseDouble(args[++i]);
                    case "--diagram" -> diagram = Integer.parseInt(args[++i]) - 1;
                    case "-h", "--help" -> {
                        out.println(usage());
                        return 0;
                    }
                    default -> {
                        if (a.startsWith("--")) {
                            err.println("render: unknown option " + a + "\n" + usage());
                            return 2;
                        }
                        if (in == null) in = Path.of(a);
                        else if (target == null) target = Path.of(a);
                        else {
                            err.println("render: too many arguments\n" + usage());
                            return 2;
                        }
                    }
                }
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                err.println("render: " + a + " needs a value\n" + usage());
                return 2;
            }
        }
        if (in == null || target == null) {
            err.println(usage());
            return 2;
        }
        if (scale <= 0 || scale > 8) {
            err.println("render: --scale must be between 0 and 8, got " + scale);
            return 2;
        }
        String lower = target.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!lower.endsWith(".png") && !lower.endsWith(".svg")) {
            err.println("render: " + target + " must end in .png or .svg");
            return 2;
        }
        try {
            BpmnFiles.Opened opened = new BpmnFiles().open(in);
            Definitions d = opened.definitions();
            if (d.diagrams().isEmpty()) {
                err.println("render: " + in + " has no diagram and no process to lay out");
                return 1;
            }
            if (diagram < 0 || diagram >= d.diagrams().size()) {
                err.println("render: " + in + " has " + d.diagrams().size() + " diagram(s); --diagram must be 1.." + d.diagrams().size());
                return 2;
            }
            opened.messages().forEach(err::println);
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            DiagramExport.write(new DiagramIndex(d, diagram), theme, target, scale);
            out.println("rendered " + in + " to " + target);
            return 0;
        } catch (BpmnReadException e) {
            err.println("render: " + e.getMessage());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("render: cannot write " + target + ": " + e.getMessage());
            return 1;
        }
    }

    static String usage() {
        return "usage: baton render IN.bpmn OUT.png|OUT.svg [--theme light|dark] [--scale N] [--diagram N]";
    }
}
