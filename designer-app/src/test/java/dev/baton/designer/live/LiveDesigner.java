package dev.baton.designer.live;

import dev.baton.designer.ui.EditorTab;
import dev.baton.designer.ui.MainWindow;
import dev.baton.model.api.InstanceView;
import dev.baton.samples.DemoServices;
import dev.baton.samples.Samples;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBar;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/**
 * The designer window of the live GUI tests: no remote engine configured, so its live session starts an embedded
 * engine under a fresh folder, with demo services that answer at once, deploys the samples and monitors the flight
 * booking, whose first run starts two trips. Made in the test's TestFX {@code @Start} method, closed in
 * {@code @AfterEach}.
 */
final class LiveDesigner implements AutoCloseable {
    final MainWindow window;
    final LiveSession session;
    private final Preferences prefs;

    private LiveDesigner(MainWindow window, LiveSession session, Preferences prefs) {
        this.window = window;
        this.session = session;
        this.prefs = prefs;
    }

    /**
     * Opens the window at width x height with preferences of its own (a node named prefsPrefix and the time, removed on
     * close), never asking to save or showing dialogs, and starts the live session on an engine under data.
     */
    static LiveDesigner start(Stage stage, Path data, String prefsPrefix, double width, double height) {
        System.setProperty("baton.demo.delayMs", "0");
        Preferences prefs = Preferences.userRoot().node(prefsPrefix + System.nanoTime());
        prefs.putDouble("width", width);
        prefs.putDouble("height", height);
        MainWindow window = new MainWindow(stage, prefs);
        window.setSavePrompt(title -> ButtonBar.ButtonData.NO);
        window.setDialogsEnabled(false);
        LiveSession session = new LiveSession(window, new LiveSession.Config(null, null, data.resolve("engine-" + System.nanoTime()), false,
                "flightBooking")).start();
        stage.show();
        return new LiveDesigner(window, session, prefs);
    }

    @Override
    public void close() throws Exception {
        session.close();
        prefs.removeNode();
    }

    /** The monitor of the current tab, or null while there is none. */
    Monitor monitor() {
        EditorTab t = window.current();
        return t == null ? null : session.monitor(t);
    }

    /** Waits until the engine is ready and the current tab monitors a definition, and returns that monitor. */
    Monitor monitorOpened() throws Exception {
        await(() -> session.ready() && monitor() != null, "the monitor to open");
        return monitor();
    }

    /** The monitor once the designer's first run has booked its two trips (later failures cannot hit them). */
    Monitor firstRunDone() throws Exception {
        Monitor m = monitorOpened();
        await(() -> m.counts("TripBooked")[2] == 2, "the first run's two trips booked");
        return m;
    }

    /**
     * Makes the demo car service answer 500 and starts trip-n of the flight booking: after the car service's failed
     * tries it waits at an incident at 'Reserve car'. Numbers that are multiples of 4 are declined before the car.
     */
    InstanceView startTripWhileCarsFail(int n) throws Exception {
        DemoServices services = session.demoServices();
        services.set("cars", DemoServices.Mode.ERROR, 0);
        return session.client().start("flightBooking", Samples.variables("flightBooking", n, services.url()), "trip-" + n);
    }

    /** The window as a PNG under target/screenshots (for docs/images, looked at before copying). */
    Path shot(FxRobot robot, String name) throws Exception {
        return shot(robot, () -> window.stage().getScene(), name);
    }

    /** The scene (taken on the JavaFX thread) as a PNG under target/screenshots. */
    static Path shot(FxRobot robot, Supplier<Scene> scene, String name) throws Exception {
        Path out = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(out.getParent());
        robot.interact(() -> {
            WritableImage img = scene.get().snapshot(null);
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return out;
    }

    /** A test resource's text, by its path on the class path without the leading slash. */
    static String resource(String name) throws IOException {
        try (InputStream in = LiveDesigner.class.getResourceAsStream("/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test resource /" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Waits up to 60 seconds for the condition (polled on the calling thread); fails naming what it waited for. */
    static void await(Callable<Boolean> condition, String what) throws Exception {
        await(60, condition, what);
    }

    /** Waits up to the given seconds for the condition; fails naming what it waited for. */
    static void await(long seconds, Callable<Boolean> condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }
}
