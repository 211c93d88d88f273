package dev.baton.launcher;

import dev.baton.bpmn.cli.BpmnCli;
import dev.baton.designer.DesignerApp;
import dev.baton.designer.render.RenderCommand;
import dev.baton.engine.server.EngineMain;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code ./baton SUBCOMMAND ...}: one entry point for every command Baton has. With no subcommand, or with only file
 * names, it opens the designer.
 */
public final class Main {

    private record Subcommand(String usage, String summary, Function<List<String>, Integer> run) {}

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        BpmnCli files = new BpmnCli(System.out, System.err);
        Map<String, Subcommand> commands = new LinkedHashMap<>();
        commands.put("designer", new Subcommand("designer [FILE...]",
                "open the designer (the default when no command is given)", Main::designer));
        commands.put("engine", new Subcommand("engine [--port N] [OPTION...]",
                "run the process engine with its REST API until stopped", EngineMain::run));
        commands.put("demo", new Subcommand("demo [--port N] [--services-port N]",
                "run the sample processes: demo services, an engine, instances starting", Demo::run));
        commands.put("deploy", new Subcommand("deploy FILE... [--engine URL]",
                "deploy BPMN files to a running engine; its problems with file, line and element id", Deploy::run));
        commands.put("render", new Subcommand("render IN OUT.png|OUT.svg",
                "draw a BPMN file to PNG or SVG without a window", Main::render));
        commands.put("check", new Subcommand("check [--json] FILE|DIR...",
                "read and validate BPMN files; errors and warnings with line and element id", files::check));
        commands.put("convert", new Subcommand("convert IN OUT",
                "read a BPMN file and write it back normalised, keeping what Baton does not understand", files::convert));
        commands.put("layout", new Subcommand("layout IN OUT",
                "write a BPMN file with a freshly laid out diagram", files::layout));

        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            printHelp(commands);
            return 0;
        }
        // 'baton' alone, or 'baton some.bpmn' (a desktop file association), opens the designer
        if (args.length == 0 || looksLikeFile(args[0])) {
            return designer(List.of(args));
        }
        Subcommand c = commands.get(args[0]);
        if (c == null) {
            System.err.println("baton: unknown command '" + args[0] + "'");
            printHelp(commands);
            return 2;
        }
        return c.run().apply(List.of(Arrays.copyOfRange(args, 1, args.length)));
    }

    private static boolean looksLikeFile(String arg) {
        return !arg.startsWith("-") && (arg.contains(".") || arg.contains("/") || arg.contains("\\"));
    }

    private static int designer(List<String> files) {
        if (files.contains("--help") || files.contains("-h")) {
            System.out.println("usage: baton designer [FILE...]\n\nOpens the designer, with these BPMN files in tabs.");
            return 0;
        }
        if (java.awt.GraphicsEnvironment.isHeadless()) {
            System.err.println("baton: the designer needs a display, and this session has none (DISPLAY is not set)."
                    + "\nWithout one: 'baton engine' runs the engine, 'baton render IN OUT.png' draws a file, 'baton check FILE' checks it.");
            return 2;
        }
        // JavaFX keeps the process alive until the last window closes; the exit code then is 0
        DesignerApp.main(files.toArray(String[]::new));
        return 0;
    }

    private static int render(List<String> args) {
        System.setProperty("java.awt.headless", "true");
        return RenderCommand.run(args.toArray(String[]::new), System.out, System.err);
    }

    private static void printHelp(Map<String, Subcommand> commands) {
        System.out.println("usage: baton COMMAND [ARGS...]");
        System.out.println();
        System.out.println("Commands:");
        commands.forEach((name, c) -> System.out.printf("  %-28s %s%n", c.usage(), c.summary()));
        System.out.println();
        System.out.println("'baton COMMAND --help' tells more about one command.");
    }
}
