package dev.baton.designer;

import dev.baton.designer.render.RenderCommand;
import javafx.application.Application;

import java.util.Arrays;

/**
 * Starts Baton's designer ({@code baton designer FILE...}, or {@code baton} alone), or renders a file headless
 * ({@code baton render IN OUT}). Not an Application itself, so it runs from a plain class path.
 */
public final class DesignerApp {

    private DesignerApp() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("render")) {
            RenderCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        String[] files = args.length > 0 && args[0].equals("designer") ? Arrays.copyOfRange(args, 1, args.length) : args;
        Application.launch(DesignerFx.class, files);
    }
}
