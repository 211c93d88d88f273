package dev.baton.installer;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds Baton's desktop application with jpackage: an application image (the designer with its embedded engine, a
 * jlink'd runtime, and a second launcher 'baton-engine' for the headless engine), then the system's package from it
 * (.deb on Linux, .msi on Windows, .dmg on macOS). The one place the packaging options live: the Maven profile
 * {@code package-app} runs {@link #main} and the smoke test calls {@link #appImage}.
 */
public final class Packager {

    /** What jpackage needs, all under the installer module's folder. */
    public record Project(Path moduleDir, String version) {
        Path target() { return moduleDir.resolve("target"); }
        Path packaging() { return moduleDir.resolve("src/main/packaging"); }
        Path mainJar() { return target().resolve("installer-" + version + ".jar"); }
        /** jpackage wants 1 to 3 numbers: 0.1.0-SNAPSHOT becomes 0.1.0. */
        String appVersion() { return version.replaceAll("[^0-9.].*$", "").replaceAll("\\.$", ""); }
    }

    private Packager() {}

    /** {@code Packager MODULE_DIR VERSION [app-image|native|deb|rpm|msi|exe|dmg|pkg]}; native is the system's kind. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) throw new IllegalArgumentException("usage: Packager MODULE_DIR VERSION [TYPE]");
        Project p = new Project(Path.of(args[0]), args[1]);
        String type = args.length > 2 ? args[2] : "native";
        Path dest = p.target().resolve("jpackage");
        Path image = appImage(p, dest);
        System.out.println("[package-app] application image: " + image);
        if (!type.equals("app-image")) {
            Path pkg = systemPackage(p, image, dest, type.equals("native") ? nativeType() : type);
            System.out.println("[package-app] package: " + pkg);
        }
    }

    /** Builds the application image into DEST/Baton (replacing an older one) and returns its folder. */
    public static Path appImage(Project p, Path dest) throws IOException {
        if (!Files.isRegularFile(p.mainJar())) {
            throw new IllegalStateException(p.mainJar() + " is missing: run 'mvn package' for the installer module first");
        }
        Path input = p.target().resolve("jpackage-input");
        deleteTree(input);
        Files.createDirectories(input);
        // jpackage puts every jar of --input on the class path: the launcher's jar and the runtime libraries
        Files.copy(p.mainJar(), input.resolve(p.mainJar().getFileName()));
        try (Stream<Path> jars = Files.list(p.target().resolve("lib"))) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, input.resolve(jar.getFileName()));
            }
        }
        Path image = dest.resolve(imageName());
        deleteTree(image);
        Files.createDirectories(dest);
        String modules = Files.readString(p.packaging().resolve("modules.txt")).strip();
        List<String> args = new ArrayList<>(List.of(
                "--type", "app-image",
                "--dest", dest.toString(),
                "--name", "Baton",
                "--app-version", p.appVersion(),
                "--vendor", "Baton",
                "--description", "Baton: BPMN 2.0 designer and process engine",
                "--copyright", "Baton contributors",
                "--input", input.toString(),
                "--main-jar", p.mainJar().getFileName().toString(),
                "--main-class", "dev.baton.launcher.Main",
                "--icon", p.packaging().resolve("baton" + iconSuffix()).toString(),
                "--add-modules", modules,
                "--jlink-options", "--strip-debug --no-man-pages --no-header-files --strip-native-commands",
                "--java-options", "-Xmx1g",
                "--add-launcher", "baton-engine=" + engineLauncher(p)));
        jpackage(args);
        return image;
    }

    /** The engine launcher's properties with the icon's absolute path added (jpackage reads it from the working folder). */
    private static Path engineLauncher(Project p) throws IOException {
        Path props = p.target().resolve("jpackage-config/engine-launcher.properties");
        Files.createDirectories(props.getParent());
        Files.writeString(props, Files.readString(p.packaging().resolve("engine-launcher.properties"))
                + "icon=" + p.packaging().resolve("baton" + iconSuffix()).toAbsolutePath().toString().replace("\\", "/") + "\n"
                // the engine prints where it listens: on Windows it needs a console window (the designer does not)
                + (isWindows() ? "win-console=true\n" : ""));
        return props;
    }

    /** Builds a .deb/.rpm/.msi/.exe/.dmg/.pkg from an application image and returns the file. */
    public static Path systemPackage(Project p, Path image, Path dest, String type) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--type", type,
                "--app-image", image.toString(),
                "--dest", dest.toString(),
                "--name", "Baton",
                "--app-version", p.appVersion(),
                "--vendor", "Baton",
                "--description", "Baton: BPMN 2.0 designer and process engine",
                "--file-associations", p.packaging().resolve("bpmn-files.properties").toString()));
        switch (type) {
            case "deb", "rpm" -> args.addAll(List.of(
                    // our own desktop entries: the designer opens the files it is given (%F), the engine runs in a terminal
                    "--resource-dir", p.packaging().resolve("linux").toString(),
                    "--linux-package-name", "baton",
                    "--linux-shortcut",
                    "--linux-menu-group", "Development",
                    "--linux-app-category", "devel",
                    "--linux-deb-maintainer", "baton@localhost"));
            case "msi", "exe" -> args.addAll(List.of(
                    "--win-menu", "--win-menu-group", "Baton", "--win-shortcut", "--win-dir-chooser",
                    // the same upgrade code in every version, so a newer installer replaces an older one
                    "--win-upgrade-uuid", "6f0c4b8e-3d0a-4f4e-9a53-4b6a2f0d7b21"));
            case "dmg", "pkg" -> args.addAll(List.of(
                    "--mac-package-identifier", "dev.baton.designer", "--mac-package-name", "Baton"));
            default -> throw new IllegalArgumentException("unknown package type " + type);
        }
        try (Stream<Path> old = Files.list(dest)) {
            for (Path f : old.filter(f -> f.getFileName().toString().endsWith("." + type)).toList()) Files.delete(f);
        }
        jpackage(args);
        try (Stream<Path> made = Files.list(dest)) {
            return made.filter(f -> f.getFileName().toString().endsWith("." + type)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("jpackage made no ." + type + " in " + dest));
        }
    }

    /** Whether this JDK has jpackage (a JRE or a trimmed JDK does not). */
    public static boolean available() {
        return ToolProvider.findFirst("jpackage").isPresent();
    }

    private static void jpackage(List<String> args) {
        ToolProvider jpackage = ToolProvider.findFirst("jpackage")
                .orElseThrow(() -> new IllegalStateException("this JDK has no jpackage: use a full JDK 17+"));
        StringWriter out = new StringWriter();
        int code;
        try (PrintWriter w = new PrintWriter(out)) {
            code = jpackage.run(w, w, args.toArray(String[]::new));
        }
        if (code != 0) throw new IllegalStateException("jpackage " + String.join(" ", args) + " failed (" + code + "):\n" + out);
    }

    static String nativeType() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return os.contains("win") ? "msi" : os.contains("mac") ? "dmg" : "deb";
    }

    private static boolean isWindows() {
        return nativeType().equals("msi");
    }

    private static String imageName() {
        return nativeType().equals("dmg") ? "Baton.app" : "Baton";
    }

    private static String iconSuffix() {
        return switch (nativeType()) {
            case "msi" -> ".ico";
            case "dmg" -> ".icns";
            default -> ".png";
        };
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
