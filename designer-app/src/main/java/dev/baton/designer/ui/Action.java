package dev.baton.designer.ui;

import javafx.scene.input.KeyCombination;

/**
 * An action as data: its text, icon and key, so that the menu, the toolbar, the shortcuts and the help dialog
 * always agree.
 */
public enum Action {
    NEW("New diagram", "mdi2f-file-plus-outline", "Shortcut+N"),
    OPEN("Open...", "mdi2f-folder-open-outline", "Shortcut+O"),
    SAVE("Save", "mdi2c-content-save-outline", "Shortcut+S"),
    SAVE_AS("Save as...", "mdi2c-content-save-edit-outline", "Shortcut+Shift+S"),
    EXPORT_PNG("Export PNG...", "mdi2f-file-image-outline", "Shortcut+Shift+E"),
    EXPORT_SVG("Export SVG...", "mdi2i-image-outline", null),
    CLOSE_TAB("Close diagram", "mdi2c-close", "Shortcut+W"),
    UNDO("Undo", "mdi2u-undo", "Shortcut+Z"),
    REDO("Redo", "mdi2r-redo", "Shortcut+Y"),
    CUT("Cut", "mdi2c-content-cut", "Shortcut+X"),
    COPY("Copy", "mdi2c-content-copy", "Shortcut+C"),
    PASTE("Paste", "mdi2c-content-paste", "Shortcut+V"),
    DUPLICATE("Duplicate", "mdi2c-content-duplicate", "Shortcut+D"),
    DELETE("Delete", "mdi2d-delete-outline", "Delete"),
    SELECT_ALL("Select all", null, "Shortcut+A"),
    EDIT_LABEL("Edit label", "mdi2p-pencil-outline", "F2"),
    FIND("Find element...", "mdi2m-magnify", "Shortcut+F"),
    ALIGN_LEFT("Align left", "mdi2a-align-horizontal-left", "Shortcut+Alt+L"),
    ALIGN_CENTER("Align centre", "mdi2a-align-horizontal-center", "Shortcut+Alt+C"),
    ALIGN_RIGHT("Align right", "mdi2a-align-horizontal-right", "Shortcut+Alt+R"),
    ALIGN_TOP("Align top", "mdi2a-align-vertical-top", "Shortcut+Alt+T"),
    ALIGN_MIDDLE("Align middle", "mdi2a-align-vertical-center", "Shortcut+Alt+M"),
    ALIGN_BOTTOM("Align bottom", "mdi2a-align-vertical-bottom", "Shortcut+Alt+B"),
    DISTRIBUTE_H("Distribute horizontally", "mdi2a-arrow-expand-horizontal", "Shortcut+Alt+H"),
    DISTRIBUTE_V("Distribute vertically", "mdi2d-distribute-vertical-top", "Shortcut+Alt+V"),
    CONNECT("Connect from selection", "mdi2v-vector-polyline", "C"),
    LASSO("Lasso tool", "mdi2s-selection-drag", "L"),
    SPACE_TOOL("Space tool", "mdi2a-arrow-expand-horizontal", "S"),
    ZOOM_IN("Zoom in", "mdi2m-magnify-plus-outline", "Shortcut+Plus"),
    ZOOM_OUT("Zoom out", "mdi2m-magnify-minus-outline", "Shortcut+Minus"),
    ZOOM_RESET("Actual size", null, "Shortcut+0"),
    ZOOM_FIT("Fit diagram", "mdi2f-fit-to-page-outline", "Shortcut+1"),
    TOGGLE_THEME("Dark theme", "mdi2t-theme-light-dark", "Shortcut+Shift+T"),
    SHORTCUTS("Keyboard shortcuts", "mdi2k-keyboard-outline", "F1");

    private final String text;
    private final String icon;
    private final String key;

    Action(String text, String icon, String key) {
        this.text = text;
        this.icon = icon;
        this.key = key;
    }

    public String text() { return text; }

    public String icon() { return icon; }

    /** The key combination, or null; single letters work only when the canvas has the focus. */
    public KeyCombination key() { return key == null || isCanvasKey() ? null : KeyCombination.keyCombination(key); }

    /** Keys typed without a modifier belong to the canvas, not to text fields. */
    public boolean isCanvasKey() { return key != null && key.length() == 1; }

    public String keyText() {
        if (key == null) return "";
        return key.replace("Shortcut", System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac") ? "Cmd" : "Ctrl");
    }

    public String rawKey() { return key; }
}
