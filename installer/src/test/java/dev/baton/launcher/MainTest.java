package dev.baton.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user sees from {@code baton ...}: the command list, each command's help, and its exit codes. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    @Test
    void helpListsEveryCommandOnce() {
        assertThat(Main.run(new String[] {"--help"})).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help.lines().filter(l -> l.startsWith("  ")).map(l -> l.strip().split(" ")[0]))
                .containsExactly("designer", "engine", "demo", "deploy", "render", "check", "convert", "layout");
    }

    @Test
    void anUnknownCommandIsNamedAndTheListShown() {
        assertThat(Main.run(new String[] {"publish"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'publish'");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("engine");
    }

    @Test
    void eachCommandExplainsItsOptions() {
        assertThat(Main.run(new String[] {"engine", "--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port N").contains("--data DIR");
        out.reset();
        assertThat(Main.run(new String[] {"render", "--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("render");
        out.reset();
        assertThat(Main.run(new String[] {"deploy", "--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--engine URL").contains("--token-env VAR").contains("Exit codes");
        out.reset();
        assertThat(Main.run(new String[] {"designer", "--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("designer [FILE...]");
    }

    @Test
    void theDemoExplainsItselfAndRefusesAWrongOptionWithItsName() {
        assertThat(Main.run(new String[] {"demo", "--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--services-port N").contains("--every SECONDS");
        assertThat(Main.run(new String[] {"demo", "--prot", "8080"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --prot");
    }

    @Test
    void theEngineRefusesAWrongOptionWithItsName() {
        assertThat(Main.run(new String[] {"engine", "--prot", "8080"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--prot");
    }

    @Test
    void renderDrawsABpmnFileToPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("leave.png");
        Path bpmn = Path.of(getClass().getResource("/samples/leave-request.bpmn").toURI());
        assertThat(Main.run(new String[] {"render", bpmn.toString(), png.toString()})).isZero();
        byte[] head = Files.readAllBytes(png);
        assertThat(head).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
}
