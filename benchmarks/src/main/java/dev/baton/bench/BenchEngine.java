package dev.baton.bench;

import java.nio.file.Path;
import java.util.Map;

/** One engine under test, embedded in this JVM, as the benchmark drives it. */
interface BenchEngine extends AutoCloseable {
    /** Same H2 settings for everyone: a file database, each commit written through (as Baton does by default). */
    static String h2Url(Path dir, String name) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve(name).toString().replace('\\', '/')
                + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;QUERY_CACHE_SIZE=64";
    }

    String name();

    void deploy(Scenario scenario);

    /** Starts an instance and answers its id; the end is reported to {@link Ends}. */
    String start(Scenario scenario, String businessKey, Map<String, Object> variables);

    /** Delivers the message to the instance with this business key. */
    void correlate(String message, String businessKey);

    /** Instances of the process that completed, from the engine's own history. */
    long completed(String processId);

    /** How often the element (an end event) was completed, from history. */
    long passedThrough(String processId, String elementId);

    /** The JDBC URL of its database, for CHECKPOINT before measuring the file. */
    String jdbcUrl();

    /** The database's user: the peers are configured with sa, Baton's builder leaves it empty. */
    default String jdbcUser() { return "sa"; }

    @Override
    void close();
}
