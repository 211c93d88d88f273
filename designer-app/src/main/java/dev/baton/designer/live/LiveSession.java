package dev.baton.designer.live;

import dev.baton.bpmn.read.BpmnReadException;
import dev.baton.designer.io.BpmnFiles;
import dev.baton.designer.ui.EditorTab;
import dev.baton.designer.ui.MainWindow;
import dev.baton.model.api.DefinitionSummary;
import dev.baton.model.api.DeploymentProblem;
import dev.baton.model.api.DeploymentResult;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.InstanceView;
import dev.baton.model.validation.Problem;
import dev.baton.model.validation.Severity;
import dev.baton.samples.DemoServices;
import dev.baton.samples.DemoSetup;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The designer's link to an engine. With no remote engine configured ({@code baton.engine.url} or
 * {@code BATON_ENGINE_URL}) it starts an embedded engine (H2 under {@code baton.data}, {@code BATON_DATA} or
 * ~/.baton) with the samples' demo services, deploys the samples on first run and starts a few instances. Either
 * way it speaks only HTTP to the engine and follows its live event stream.
 */
public final class LiveSession implements AutoCloseable {

    /** Where the engine is and what to do on start. */
    public record Config(URI remote, String token, Path dataDir, boolean demoTraffic, String monitorProcess) {
        public static Config fromEnvironment() {
            String url = prop("baton.engine.url", "BATON_ENGINE_URL");
            String data = prop("baton.data", "BATON_DATA");
            return new Config(url == null || url.isBlank() ? null : URI.create(url), System.getenv("BATON_API_TOKEN"),
                    data == null ? Path.of(System.getProperty("user.home"), ".baton") : Path.of(data),
                    !"false".equals(System.getProperty("baton.traffic")), System.getProperty("baton.monitor", "orderSaga"));
        }

        private static String prop(String property, String env) {
            String v = System.getProperty(property);
            return v != null ? v : System.getenv(env);
        }
    }

    private final MainWindow window;
    private final Config config;
    private final ExecutorService io = Executors.newFixedThreadPool(2, daemon("engine-io"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("engine-refresh"));
    private final Map<EditorTab, Monitor> monitors = new HashMap<>();
    private final Label statusText = new Label("Engine: starting…");
    private final Circle dot = new Circle(5, Color.GRAY);
    private final Latency latency = new Latency();
    /** Engine event time to its arrival off the stream (before the JavaFX thread): the engine's and the wire's share. */
    private final Latency arrival = new Latency();
    private final BpmnFiles files = new BpmnFiles();
    private volatile EngineClient client;
    private EmbeddedEngine embedded;
    private DemoServices services;
    private DemoSetup demo;
    private EventStream stream;
    private volatile boolean ready;
    private String where = "";

    public LiveSession(MainWindow window, Config config) {
        this.window = window;
        this.config = config;
        statusText.setId("engine-status");
        statusText.setGraphic(dot);
        window.addStatusItem(statusText);
        window.addMenu(menu());
    }

    /** Connects (starting the embedded engine when needed) on a background thread. */
    public LiveSession start() {
        io.execute(this::connect);
        return this;
    }

    /** True once connected and the first monitor is open. */
    public boolean ready() { return ready; }

    public Latency latency() { return latency; }

    /** Event time to arrival at the designer, the part of {@link #latency()} spent before the JavaFX thread. */
    public Latency arrivalLatency() { return arrival; }

    public EngineClient client() { return client; }

    public Monitor monitor(EditorTab tab) { return monitors.get(tab); }

    /** The embedded engine (null with a remote engine). */
    EmbeddedEngine embedded() { return embedded; }

    /** The demo services of the embedded engine (null with a remote engine). */
    public DemoServices demoServices() { return services; }

    private void connect() {
        try {
            if (config.remote() != null) {
                client = new EngineClient(config.remote(), config.token());
                where = config.remote().toString();
                if (!client.healthy()) throw new java.io.IOException("no engine answers at " + config.remote());
            } else {
                embedded = EmbeddedEngine.start(config.dataDir());
                client = new EngineClient(embedded.url(), null);
                where = "embedded, " + config.dataDir();
                services = startServices();
                services.defaultDelay(Long.getLong("baton.demo.delayMs", 1500)); // slow enough to see tokens wait
                demo = new DemoSetup(embedded.url(), services.url(), null);
                boolean firstRun = client.definitions().isEmpty();
                demo.deploy();
                if (firstRun) demo.startInstances(2);
                if (config.demoTraffic()) demo.keepStarting(Duration.ofSeconds(6));
            }
            stream = new EventStream(client, this::queue, s -> Platform.runLater(() -> onState(s))).start();
            List<DefinitionSummary> defs = client.definitions();
            DefinitionSummary first = defs.stream().filter(d -> d.processId().equals(config.monitorProcess())).reduce((a, b) -> b)
                    .orElse(defs.isEmpty() ? null : defs.get(defs.size() - 1));
            if (first != null) {
                String xml = client.definitionXml(first.id());
                Platform.runLater(() -> {
                    openMonitor(first, xml);
                    ready = true;
                });
            } else {
                ready = true;
            }
        } catch (Exception | LinkageError e) {
            Platform.runLater(() -> {
                dot.setFill(Color.web("#d32f2f"));
                statusText.setText("Engine: not available (" + e.getMessage() + ")");
                window.status("The engine could not be reached: " + e.getMessage());
            });
            ready = true;
        }
    }

    private static DemoServices startServices() {
        try {
            return DemoServices.start(8090);
        } catch (IllegalStateException taken) {
            return DemoServices.start(0); // another demo holds 8090
        }
    }

    private volatile boolean closed;

    private final java.util.concurrent.ConcurrentLinkedQueue<HistoryEvent> inbox = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean drainDue = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * From the stream's thread: events wait in a queue and one task on the JavaFX thread takes all that arrived
     * meanwhile, so a burst of thousands of events costs one update of the monitors (and one frame), not thousands.
     */
    private void queue(HistoryEvent e) {
        if (e.time() != null) arrival.record(System.currentTimeMillis() - e.time().toEpochMilli());
        inbox.add(e);
        if (drainDue.compareAndSet(false, true)) Platform.runLater(this::drain);
    }

    private void drain() {
        drainDue.set(false);
        List<HistoryEvent> batch = new ArrayList<>();
        for (HistoryEvent e; (e = inbox.poll()) != null; ) batch.add(e);
        if (closed || batch.isEmpty()) return;
        for (Monitor m : monitors.values()) m.onEvents(batch);
    }

    private void onState(EventStream.State s) {
        switch (s) {
            case CONNECTED -> {
                dot.setFill(Color.web("#2e7d32"));
                statusText.setText("Engine: connected (" + where + ")");
                monitors.values().forEach(Monitor::resync);
            }
            case RECONNECTING -> {
                dot.setFill(Color.web("#f9a825"));
                statusText.setText("Engine: connection lost, reconnecting… (" + where + ")");
            }
            case CONNECTING -> statusText.setText("Engine: connecting (" + where + ")");
            case CLOSED -> {
                dot.setFill(Color.GRAY);
                statusText.setText("Engine: disconnected");
            }
        }
    }

    // ---------------------------------------------------------------- monitors

    /** Opens a deployed definition in a new tab with its monitor. */
    public Monitor openMonitor(DefinitionSummary d, String xml) {
        try {
            BpmnFiles.Opened opened = files.open(xml.getBytes(StandardCharsets.UTF_8), d.sourceName() == null ? d.id() + ".bpmn" : d.sourceName());
            EditorTab tab = window.openDocument(opened.definitions(), d.id() + " (engine)");
            return attach(tab, d.id(), d.processId());
        } catch (BpmnReadException e) {
            window.status("Cannot show " + d.id() + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * Shows an instance in the monitor of its definition: the tab already monitoring it, or a new one. Used to open
     * a call activity's called instance and to go back to the caller.
     */
    public void openInstance(String instanceId) {
        if (client == null || closed) return;
        io.execute(() -> {
            try {
                InstanceView v = client.instance(instanceId);
                Monitor open = null;
                for (Monitor m : monitorsSnapshot()) if (m.definitionId().equals(v.definitionId())) open = m;
                if (open != null) {
                    Monitor m = open;
                    Platform.runLater(() -> {
                        m.tab().getTabPane().getSelectionModel().select(m.tab());
                        m.select(instanceId);
                    });
                    return;
                }
                DefinitionSummary d = client.definitions().stream().filter(x -> x.id().equals(v.definitionId())).findFirst()
                        .orElseThrow(() -> new java.io.IOException("definition " + v.definitionId() + " is not deployed"));
                String xml = client.definitionXml(d.id());
                Platform.runLater(() -> {
                    Monitor m = openMonitor(d, xml);
                    if (m != null) m.select(instanceId);
                });
            } catch (Exception e) {
                Platform.runLater(() -> window.status("Cannot open instance " + instanceId + ": " + e.getMessage()));
            }
        });
    }

    private List<Monitor> monitorsSnapshot() {
        java.util.concurrent.CompletableFuture<List<Monitor>> f = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> f.complete(List.copyOf(monitors.values())));
        try {
            return f.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            return List.of();
        }
    }

    private Monitor attach(EditorTab tab, String definitionId, String processId) {
        Monitor old = monitors.remove(tab);
        if (old != null) tab.setSidePanel(null);
        Monitor m = new Monitor(client, definitionId, processId, tab, io, timer, latency);
        monitors.put(tab, m);
        tab.setSidePanel(new MonitorPanel(m, this));
        tab.setOnClosed(e -> {
            monitors.remove(tab);
            tab.canvas().stop();
        });
        return m;
    }

    // ---------------------------------------------------------------- menu

    private Menu menu() {
        MenuItem deploy = new MenuItem("Deploy current diagram");
        deploy.setId("engine-deploy");
        deploy.setOnAction(e -> deployCurrent());
        MenuItem start = new MenuItem("Start instance…");
        start.setOnAction(e -> {
            Monitor m = window.current() == null ? null : monitors.get(window.current());
            if (m == null) window.status("Deploy the diagram (or monitor a deployed process) first");
            else startInstanceDialog(m.processId());
        });
        MenuItem monitor = new MenuItem("Monitor a deployed process…");
        monitor.setOnAction(e -> chooseMonitor());
        MenuItem lat = new MenuItem("Show event-to-screen latency");
        lat.setOnAction(e -> window.status("Event to screen: " + latency.count() + " events, p50 " + latency.percentile(50)
                + " ms, p99 " + latency.percentile(99) + " ms"));
        MenuItem several = new MenuItem("Deploy several…");
        several.setId("engine-deploy-several");
        several.setOnAction(e -> deploySeveral());
        Menu m = new Menu("Engine", null, deploy, several, start, monitor, lat);
        m.setId("engine-menu");
        return m;
    }

    private void chooseMonitor() {
        if (client == null) return;
        io.execute(() -> {
            try {
                List<DefinitionSummary> defs = client.definitions();
                Platform.runLater(() -> {
                    ChoiceDialog<String> d = new ChoiceDialog<>(defs.isEmpty() ? null : defs.get(0).id(), defs.stream().map(DefinitionSummary::id).toList());
                    d.setHeaderText("Monitor which deployed process?");
                    d.showAndWait().ifPresent(id -> defs.stream().filter(x -> x.id().equals(id)).findFirst().ifPresent(def ->
                            io.execute(() -> {
                                try {
                                    String xml = client.definitionXml(def.id());
                                    Platform.runLater(() -> openMonitor(def, xml));
                                } catch (Exception ex) {
                                    Platform.runLater(() -> window.status("Cannot fetch " + def.id() + ": " + ex.getMessage()));
                                }
                            })));
                });
            } catch (Exception ex) {
                Platform.runLater(() -> window.status("Cannot list the engine's processes: " + ex.getMessage()));
            }
        });
    }

    /** Deploys the open diagram; the engine's problems appear on the elements and in the problems panel. */
    public void deployCurrent() {
        EditorTab tab = window.current();
        if (tab == null || client == null) return;
        String name = tab.editor().document().title().replace(" (engine)", "");
        if (!name.endsWith(".bpmn")) name = name + ".bpmn";
        String xml = new String(files.toXml(tab.editor().document().definitions()), StandardCharsets.UTF_8);
        String fileName = name;
        io.execute(() -> {
            try {
                DeploymentResult r = client.deploy(fileName, xml);
                Platform.runLater(() -> {
                    window.status("Deployed " + fileName + ": " + r.definitions().stream().map(DefinitionSummary::id).toList());
                    if (!r.definitions().isEmpty()) {
                        DefinitionSummary d = r.definitions().get(0);
                        attach(tab, d.id(), d.processId());
                    }
                });
            } catch (EngineClient.EngineException e) {
                Platform.runLater(() -> {
                    List<Problem> ps = new ArrayList<>();
                    for (DeploymentProblem p : e.problems()) {
                        ps.add(new Problem("engine", "WARNING".equals(p.severity()) ? Severity.WARNING : Severity.ERROR, p.elementId(),
                                "Engine: " + p.message(), p.line() == null ? 0 : p.line()));
                    }
                    tab.editor().problems().addAll(ps);
                    window.status("The engine refused " + fileName + ": " + e.getMessage());
                });
            } catch (Exception e) {
                Platform.runLater(() -> window.status("Deploying " + fileName + " failed: " + e.getMessage()));
            }
        });
    }

    /** Engine &gt; Deploy several…: asks which open diagrams and files from disk, then deploys them together. */
    public void deploySeveral() {
        if (client == null) {
            window.status("No engine yet: wait for the connection");
            return;
        }
        new DeploySeveralDialog(window.editors(), window.current(), window.stage()).showAndWait()
                .ifPresent(s -> deployTogether(s.tabs(), s.files()));
    }

    /**
     * Deploys the diagrams of the tabs (as they are now) and the files from disk in one deployment. On success each
     * tab monitors its process; on a refusal nothing is deployed, the engine's problems are drawn on the elements of
     * the diagram of their file and listed in its problems panel (file, element, line). The future completes once
     * the window shows the outcome, exceptionally with the engine's error.
     */
    public java.util.concurrent.CompletableFuture<DeploymentResult> deployTogether(List<EditorTab> tabs, List<Path> paths) {
        java.util.concurrent.CompletableFuture<DeploymentResult> done = new java.util.concurrent.CompletableFuture<>();
        List<MultiDeploy.Source> sources;
        try {
            if (client == null) throw new IllegalStateException("No engine yet: wait for the connection");
            sources = MultiDeploy.sources(tabs, paths, files);
        } catch (Exception e) {
            window.status("Cannot deploy: " + e.getMessage());
            done.completeExceptionally(e);
            return done;
        }
        String names = String.join(", ", sources.stream().map(MultiDeploy.Source::fileName).toList());
        for (MultiDeploy.Source s : sources) if (s.tab() != null) s.tab().editor().problems().removeIf(p -> MultiDeploy.RULE.equals(p.rule()));
        window.status("Deploying " + names + "…");
        io.execute(() -> {
            try {
                DeploymentResult r = client.deploy(sources.stream().map(MultiDeploy.Source::part).toList());
                Platform.runLater(() -> {
                    for (MultiDeploy.Source s : sources) {
                        if (s.tab() == null) continue;
                        var ids = MultiDeploy.processIds(s.tab());
                        r.definitions().stream().filter(d -> ids.contains(d.processId())).findFirst()
                                .ifPresent(d -> attach(s.tab(), d.id(), d.processId()));
                    }
                    window.status("Deployed " + names + " together: " + r.definitions().stream().map(DefinitionSummary::id).toList());
                    done.complete(r);
                });
            } catch (EngineClient.EngineException e) {
                Platform.runLater(() -> {
                    MultiDeploy.Placed placed = MultiDeploy.place(sources, e.problems());
                    placed.byTab().forEach((tab, ps) -> tab.editor().problems().addAll(ps));
                    EditorTab first = placed.byTab().entrySet().stream().filter(x -> !x.getValue().isEmpty()).map(Map.Entry::getKey)
                            .findFirst().orElse(null);
                    // problems of files from disk that are not open: listed (with file, element and line) in a deployed tab
                    EditorTab listing = first != null ? first : placed.byTab().isEmpty() ? window.current() : placed.byTab().keySet().iterator().next();
                    if (listing != null) listing.editor().problems().addAll(placed.elsewhere());
                    if (first == null) first = listing;
                    if (first != null && first.getTabPane() != null) first.getTabPane().getSelectionModel().select(first);
                    String more = placed.elsewhere().isEmpty() ? "" : "; " + String.join("; ", placed.elsewhere().stream().map(Problem::message).toList());
                    window.status("The engine refused " + names + ", nothing was deployed: " + e.getMessage() + more);
                    done.completeExceptionally(e);
                });
            } catch (Exception e) {
                Platform.runLater(() -> {
                    window.status("Deploying " + names + " failed: " + e.getMessage());
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    /** What the start form asks: a business key (null when blank) and the variables. */
    public record StartForm(String businessKey, Map<String, Object> variables) {}

    /** A form for a new instance: business key and variables as a JSON object (checked before sending). */
    public void startInstanceDialog(String processId) {
        startForm(processId).showAndWait().ifPresent(f -> start(processId, f));
    }

    /**
     * The start form, not shown yet: OK stays disabled (and a message says where) while the variables are not a
     * JSON object; its result is the trimmed business key and the parsed variables.
     */
    public Dialog<StartForm> startForm(String processId) {
        Dialog<StartForm> d = new Dialog<>();
        d.setTitle("Start " + processId);
        TextField key = new TextField();
        key.setPromptText("business key (optional)");
        key.setId("start-business-key");
        TextArea vars = new TextArea(sampleVariables(processId));
        vars.setId("start-variables");
        vars.setPrefRowCount(8);
        Label error = new Label();
        error.setId("start-variables-error");
        error.setTextFill(Color.web("#d32f2f"));
        d.getDialogPane().setContent(new VBox(6, new Label("Business key"), key, new Label("Variables (JSON object)"), vars, error));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        var ok = d.getDialogPane().lookupButton(ButtonType.OK);
        Runnable check = () -> {
            String problem = parseProblem(vars.getText());
            error.setText(problem == null ? "" : problem);
            ok.setDisable(problem != null);
        };
        vars.textProperty().addListener(o -> check.run());
        check.run();
        d.setResultConverter(b -> b == ButtonType.OK
                ? new StartForm(key.getText().isBlank() ? null : key.getText().trim(), parse(vars.getText())) : null);
        return d;
    }

    /** A sample's demo variables with the embedded engine's demo services; {} for any other process. */
    private String sampleVariables(String processId) {
        if (demo == null || services == null) return "{}";
        try {
            return pretty(dev.baton.samples.Samples.variables(processId, (int) (System.currentTimeMillis() % 1000), services.url()));
        } catch (IllegalArgumentException notASample) {
            return "{}";
        }
    }

    /** Starts an instance with what the form holds; the status bar tells the outcome. */
    public void start(String processId, StartForm f) {
        act(() -> client.start(processId, f.variables(), f.businessKey()), "Started " + processId + (f.businessKey() == null ? "" : " " + f.businessKey()));
    }

    /** Why the text is not a JSON object, or null when it is. */
    public static String parseProblem(String json) {
        try {
            var n = EngineClient.JSON.readTree(json.isBlank() ? "{}" : json);
            return n.isObject() ? null : "The variables must be a JSON object, like {\"amount\": 120}";
        } catch (java.io.IOException e) {
            var loc = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getLocation() : null;
            return "Not JSON" + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        try {
            return EngineClient.JSON.readValue(json.isBlank() ? "{}" : json, Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String pretty(Object o) {
        try {
            return EngineClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (java.io.IOException e) {
            return "{}";
        }
    }

    /** Something that talks to the engine, done off the JavaFX thread. */
    interface Call {
        Object run() throws Exception;
    }

    void act(Call call, String done) {
        if (closed) return;
        io.execute(() -> {
            try {
                call.run();
                Platform.runLater(() -> window.status(done));
            } catch (Exception e) {
                Platform.runLater(() -> window.status("The engine says: " + e.getMessage()));
            }
        });
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        closed = true;
        monitors.values().forEach(Monitor::close);
        if (stream != null) stream.close();
        if (demo != null) demo.close();
        io.shutdownNow();
        timer.shutdownNow();
        if (embedded != null) embedded.close();
        if (services != null) services.close();
    }
}
