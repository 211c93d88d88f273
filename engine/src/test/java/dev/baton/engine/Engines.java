package dev.baton.engine;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** Opens engines for tests on H2 (always) and PostgreSQL (when it answers at 127.0.0.1:5432, else the test skips). */
public final class Engines {
    private Engines() {}

    public enum Db { H2, POSTGRES }

    public static final String PG_URL = System.getProperty("baton.test.pg", "jdbc:postgresql://127.0.0.1:5432/test");
    private static Boolean pgAnswers;

    public static synchronized boolean postgresAnswers() {
        if (pgAnswers == null) {
            DriverManager.setLoginTimeout(2);
            try (Connection c = DriverManager.getConnection(PG_URL, "postgres", null)) {
                pgAnswers = c.isValid(2);
            } catch (SQLException e) {
                pgAnswers = false;
            }
        }
        return pgAnswers;
    }

    /** An engine on a fresh database: a new H2 file under dir, or a new PostgreSQL schema. */
    public static BatonEngine open(Db db, Path dir, UnaryOperator<Baton> tweak) {
        Baton b = Baton.builder().pollInterval(Duration.ofMillis(100)).jobLease(Duration.ofSeconds(10))
                .defaultRetry(new dev.baton.model.exec.RetryPolicy(3, null, Duration.ofMillis(100), 2.0));
        if (db == Db.POSTGRES) {
            Assumptions.assumeTrue(postgresAnswers(), "PostgreSQL does not answer at " + PG_URL
                    + " (user postgres, no password): the PostgreSQL run of this test is skipped");
            b.jdbc(PG_URL, "postgres", null).schema(freshSchema());
        } else {
            b.dataDir(dir.resolve("h2-" + UUID.randomUUID().toString().substring(0, 8)));
        }
        return tweak.apply(b).build();
    }

    public static BatonEngine open(Db db, Path dir) { return open(db, dir, b -> b); }

    public static String freshSchema() {
        return "baton_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static BpmnFile bpmn(String name) {
        try (InputStream in = Engines.class.getResourceAsStream("/bpmn/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test file /bpmn/" + name);
            return new BpmnFile(name, in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<BpmnFile> files(String... names) {
        return java.util.Arrays.stream(names).map(Engines::bpmn).toList();
    }

    /** Polls until the condition holds; fails with the message after the deadline. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
