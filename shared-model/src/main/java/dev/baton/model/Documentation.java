package dev.baton.model;

/** A bpmn:documentation entry: free text, usually text/plain. */
public record Documentation(String text, String textFormat) {
    public Documentation {
        text = text == null ? "" : text;
    }

    public static Documentation plain(String text) { return new Documentation(text, null); }
}
