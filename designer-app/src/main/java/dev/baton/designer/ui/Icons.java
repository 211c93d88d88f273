package dev.baton.designer.ui;

import javafx.scene.Node;
import org.kordamp.ikonli.javafx.FontIcon;

/** Ikonli icons by Material Design code (e.g. "mdi2u-undo"). */
public final class Icons {

    private Icons() {}

    public static Node of(String code) {
        if (code == null) return null;
        FontIcon icon = new FontIcon(code);
        icon.getStyleClass().add("baton-icon");
        return icon;
    }
}
