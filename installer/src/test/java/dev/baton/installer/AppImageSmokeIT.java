package dev.baton.installer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged application works as installed: jpackage builds the application image (jlink'd runtime, both
 * launchers), its 'baton-engine' launcher starts the engine headless on a free port with the image's own runtime and
 * jars, a sample process is deployed and run to completion through the REST API, and the engine stops on SIGTERM.
 * When the build also made a .deb (profile package-app), the .deb is installed with dpkg into an empty root (its
 * maintainer scripts run, with no xdg-utils there), its engine passes the same run, and it is removed again.
 */
class AppImageSmokeIT {

    private static final Path MODULE = Path.of(System.getProperty("baton.module.dir", "."));
    private static final String VERSION = System.getProperty("baton.version", "");

    @TempDir Path tmp;

    @Test
    void theApplicationImagesEngineRunsASampleProcessToCompletion() throws Exception {
        assumeTrue(Packager.available(), "SKIPPED: this JDK has no jpackage, so the application image cannot be built here");
        assumeTrue(!VERSION.isEmpty(), "SKIPPED: run through Maven (failsafe passes baton.version)");

        long started = System.nanoTime();
        Path image = Packager.appImage(new Packager.Project(MODULE, VERSION), MODULE.resolve("target/smoke"));
        System.out.printf("[smoke] application image built in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, image);

        assertThat(image.resolve("bin/Baton")).isExecutable();
        // jdk.httpserver: the demo services of 'Baton demo' and of the designer's first run (it was missing once)
        assertThat(image.resolve("lib/runtime/release")).content().contains("java.desktop").contains("java.sql").contains("jdk.httpserver");
        runSampleWith(image.resolve("bin/baton-engine"));
        System.out.printf("[smoke] application image smoke test done in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @Test
    void theDebPackageInstallsIntoACleanRootAndItsEngineRunsASampleProcessWhenTheBuildMadeOne() throws Exception {
        assumeTrue(onPath("dpkg"), "SKIPPED: dpkg is not installed, so a .deb can be neither built nor installed here");
        Optional<Path> deb = debMadeByThisBuild();
        if (deb.isEmpty()) {
            // the default build (mvn verify, as CI runs it) makes no packages: make the .deb here, as -Ppackage-app does
            assumeTrue(Packager.available(), "SKIPPED: this JDK has no jpackage, so no .deb can be built here");
            assumeTrue(!VERSION.isEmpty(), "SKIPPED: run through Maven (failsafe passes baton.version)");
            assumeTrue(onPath("dpkg-deb") && onPath("fakeroot"), "SKIPPED: jpackage needs dpkg-deb and fakeroot to build a .deb");
            long started = System.nanoTime();
            Packager.Project project = new Packager.Project(MODULE, VERSION);
            Path dest = MODULE.resolve("target/smoke-deb");
            Path image = Packager.appImage(project, dest);
            deb = Optional.of(Packager.systemPackage(project, image, dest, "deb"));
            System.out.printf("[smoke] .deb built in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, deb.get());
        }

        // an empty root with an empty dpkg database: no xdg-utils, no desktop, nothing but what the package brings.
        // --force-script-chrootless runs the maintainer scripts on this host with DPKG_ROOT=root, so postinst and prerm
        // really run (dpkg-deb -x would skip them); --force-depends because the root has none of the libraries the
        // package depends on (the host's serve the installed runtime here)
        Path root = tmp.resolve("root");
        Path db = root.resolve("var/lib/dpkg");
        for (String d : List.of("info", "updates", "triggers")) Files.createDirectories(db.resolve(d));
        Files.createFile(db.resolve("status"));
        Files.createFile(db.resolve("available"));

        String installed = dpkg(root, "-i", deb.get().toString());
        assertThat(installed).contains("Setting up baton").doesNotContain("returned error exit status");
        assertThat(dpkg(root, "-s", "baton")).contains("Status: install ok installed");

        assertThat(root.resolve("opt/baton/lib/baton-Baton.desktop")).content().contains("Exec=/opt/baton/bin/Baton %F")
                .contains("MimeType=application/bpmn+xml");
        assertThat(root.resolve("opt/baton/lib/baton-Baton-MimeInfo.xml")).content().contains("*.bpmn");
        // postinst put the menu entries and the file type where desktops look, without xdg-utils
        assertThat(root.resolve("usr/share/applications/baton-Baton.desktop")).exists();
        assertThat(root.resolve("usr/share/applications/baton-baton-engine.desktop")).exists();
        assertThat(root.resolve("usr/share/mime/packages/baton-Baton-MimeInfo.xml")).exists();

        runSampleWith(root.resolve("opt/baton/bin/baton-engine"));

        String removed = dpkg(root, "-r", "baton");
        assertThat(removed).contains("Removing baton").doesNotContain("returned error exit status");
        assertThat(root.resolve("opt/baton/bin")).doesNotExist();
        assertThat(root.resolve("usr/share/applications/baton-Baton.desktop")).as("prerm removed the menu entry").doesNotExist();
        assertThat(root.resolve("usr/share/mime/packages/baton-Baton-MimeInfo.xml")).doesNotExist();
    }

    /** Runs dpkg on the root as this (maybe unprivileged) user and returns its output; fails on a non-zero exit. */
    private String dpkg(Path root, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("dpkg", "--root=" + root, "--force-not-root",
                "--force-script-chrootless", "--force-depends"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = p.waitFor();
        System.out.println("[smoke] " + String.join(" ", command) + " -> " + code);
        assertThat(code).as(String.join(" ", command) + " exit code; output:\n" + output).isZero();
        return output;
    }

    private void runSampleWith(Path engineLauncher) throws Exception {
        Path data = Files.createTempDirectory(tmp, "data");
        try (EngineProcess engine = EngineProcess.start(List.of(engineLauncher.toString(), "--port", "0", "--data", data.toString()), tmp)) {
            assertThat(engine.get("/health").path("status").asText()).isEqualTo("UP");

            byte[] bpmn = getClass().getResourceAsStream("/samples/leave-request.bpmn").readAllBytes();
            JsonNode deployment = engine.send("POST", "/api/deployments?name=leave-request.bpmn", "application/xml", bpmn);
            assertThat(deployment.path("definitions").get(0).path("processId").asText()).isEqualTo("leaveRequest");

            String instanceId = engine.postJson("/api/processes/leaveRequest/instances", "{\"businessKey\":\"smoke-1\"}").path("id").asText();
            JsonNode tasks = engine.get("/api/tasks?instanceId=" + instanceId);
            assertThat(tasks).hasSize(1);
            assertThat(tasks.get(0).path("elementId").asText()).isEqualTo("Approve");
            engine.postJson("/api/tasks/" + tasks.get(0).path("id").asText() + "/complete", "{\"variables\":{\"approved\":true}}");

            JsonNode done = engine.awaitInstanceState(instanceId, "COMPLETED", Duration.ofSeconds(30));
            assertThat(done.path("variables").path("approved").asBoolean()).isTrue();
            JsonNode history = engine.get("/api/instances/" + instanceId + "/history");
            assertThat(history.findValuesAsText("elementId")).contains("Granted").doesNotContain("Refused");

            int exit = engine.stop();
            assertThat(exit).as("exit code after SIGTERM; output:\n" + engine.output()).isIn(0, 143);
        }
        assertThat(data.resolve("engine.mv.db")).as("the H2 database in the data folder").exists();
    }

    private static Optional<Path> debMadeByThisBuild() throws Exception {
        Path dir = MODULE.resolve("target/jpackage");
        Path jar = MODULE.resolve("target/installer-" + VERSION + ".jar");
        if (!Files.isDirectory(dir) || !Files.isRegularFile(jar)) return Optional.empty();
        // a .deb older than the launcher's jar was made from older code: not this build's
        var built = Files.getLastModifiedTime(jar);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".deb"))
                    .filter(f -> {
                        try {
                            return Files.getLastModifiedTime(f).compareTo(built) >= 0;
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    }).findFirst();
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
