package dev.baton.designer.live;

import dev.baton.engine.Baton;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.server.EngineServer;

import java.net.URI;
import java.nio.file.Path;

/**
 * An engine inside the designer's process, started through the engine's public launcher and served on a free
 * loopback port: the designer then talks to it over HTTP like to any other engine.
 */
public final class EmbeddedEngine implements AutoCloseable {

    private final BatonEngine engine;
    private EngineServer server;
    private final int port;

    private EmbeddedEngine(BatonEngine engine, EngineServer server) {
        this.engine = engine;
        this.server = server;
        this.port = server.port();
    }

    /** Opens (or creates) the H2 database under {@code dataDir}. */
    public static EmbeddedEngine start(Path dataDir) {
        BatonEngine engine = Baton.builder().dataDir(dataDir).build();
        try {
            return new EmbeddedEngine(engine, EngineServer.start(engine, "127.0.0.1", 0, null));
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    public URI url() { return URI.create("http://127.0.0.1:" + port); }

    /** Stops serving HTTP (the engine keeps running): clients lose their connections until {@link #startServer()}. */
    synchronized void stopServer() {
        if (server != null) server.close();
        server = null;
    }

    /** Serves HTTP again on the same port. */
    synchronized void startServer() {
        if (server == null) server = EngineServer.start(engine, "127.0.0.1", port, null);
    }

    /** The engine itself, for tests that make things happen while the HTTP server is down. */
    BatonEngine engine() { return engine; }

    @Override
    public synchronized void close() {
        if (server != null) server.close();
        engine.close();
    }
}
