package dev.baton.bench;

/** What one benchmark run does; S2_REST is Baton's S2 driven through its REST API. */
enum Scenario {
    S1("s1", "straight-through: start, one no-op service task, end"),
    S2("s2", "orchestration: three durable HTTP POSTs to a loopback stub, exclusive gateway on the response"),
    S3("s3", "fan-out: parallel gateway, ten durable no-op branches, join"),
    S4("s4", "waiting: N instances wait at a message catch event, then all are correlated"),
    S2_REST("s2", "S2 through Baton's REST API (EngineServer), client in the same JVM");

    private final String processId;
    final String description;

    Scenario(String processId, String description) {
        this.processId = processId;
        this.description = description;
    }

    String processId() { return processId; }

    String label() { return this == S2_REST ? "S2-REST" : name(); }

    static Scenario of(String label) {
        return valueOf(label.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
