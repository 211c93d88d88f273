package dev.baton.designer;

import dev.baton.designer.live.LiveSession;
import dev.baton.designer.render.Theme;
import dev.baton.designer.ui.EditorTab;
import dev.baton.designer.ui.MainWindow;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The JavaFX application. System properties for docs and checks: {@code baton.screenshot=FILE.png} writes a
 * picture of the window after the first frames and exits; {@code baton.theme=dark|light} overrides the remembered
 * theme; {@code baton.select=ID} selects an element (to show the context pad and properties).
 */
public final class DesignerFx extends Application {

    @Override
    public void start(Stage stage) {
        Preferences prefs = Preferences.userNodeForPackage(MainWindow.class);
        MainWindow window = new MainWindow(stage, prefs);
        String theme = System.getProperty("baton.theme");
        if (theme != null) window.setTheme(Theme.named(theme));
        List<String> files = getParameters().getRaw();
        for (String f : files) {
            Path p = Path.of(f);
            if (Files.exists(p)) window.open(p);
            else System.err.println("designer: " + f + " does not exist");
        }
        // baton.engine=off: the designer alone, without an engine
        if (!"off".equals(System.getProperty("baton.engine"))) {
            live = new LiveSession(window, LiveSession.Config.fromEnvironment()).start();
        } else if (window.editors().isEmpty()) {
            window.newDiagram();
        }
        stage.show();
        String shot = System.getProperty("baton.screenshot");
        if (shot != null) screenshotLater(window, Path.of(shot), live);
    }

    private LiveSession live;

    @Override
    public void stop() {
        if (live != null) live.close();
    }

    private static void screenshotLater(MainWindow window, Path out, LiveSession live) {
        // with an engine: wait until the monitor is open, then a little longer so tokens have moved
        long settle = Long.getLong("baton.screenshot.settleMs", 4000);
        String select = System.getProperty("baton.select");
        new AnimationTimer() {
            int frames;
            long readyAt;

            @Override
            public void handle(long now) {
                frames++;
                if (live != null) {
                    if (!live.ready()) return;
                    if (readyAt == 0) readyAt = System.currentTimeMillis();
                    if (System.currentTimeMillis() - readyAt < settle) return;
                }
                if (frames == 20 && select != null) {
                    EditorTab t = window.current();
                    if (t != null && t.editor().index().contains(select)) t.editor().select(select);
                }
                if (frames < 40) return;
                stop();
                try {
                    WritableImage img = window.stage().getScene().snapshot(null);
                    ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
                    System.out.println("screenshot written to " + out);
                } catch (IOException e) {
                    System.err.println("designer: cannot write screenshot " + out + ": " + e.getMessage());
                }
                Platform.exit();
            }
        }.start();
    }
}
