package dev.baton.bpmn.layout;

import dev.baton.model.Activity;
import dev.baton.model.Artifact;
import dev.baton.model.DataObject;
import dev.baton.model.DataObjectReference;
import dev.baton.model.DataStoreReference;
import dev.baton.model.Event;
import dev.baton.model.Gateway;
import java.util.ArrayList;
import java.util.List;

/** The sizes bpmn-js gives new shapes, and a text measure close to its 11 px Arial labels. */
final class Sizes {
    static final double TASK_W = 100, TASK_H = 80;
    static final double EVENT = 36;
    static final double GATEWAY = 50;
    static final double DATA_OBJECT_W = 36, DATA_OBJECT_H = 50;
    static final double DATA_STORE = 50;
    static final double ANNOTATION_W = 100, ANNOTATION_MIN_H = 30;

    /** Name band of pools and lanes, as bpmn-js draws it. */
    static final double BAND = 30;

    static final double LABEL_MAX_W = 90;
    static final double LINE_H = 14;
    static final double CHAR_W = 6;

    private Sizes() {}

    /** The width and height of a collapsed or leaf shape for the element. */
    static double[] of(Object element) {
        if (element instanceof Event) return new double[] {EVENT, EVENT};
        if (element instanceof Gateway) return new double[] {GATEWAY, GATEWAY};
        if (element instanceof Activity) return new double[] {TASK_W, TASK_H};
        if (element instanceof DataObjectReference || element instanceof DataObject || element instanceof ModelIndex.ProcessData) {
            return new double[] {DATA_OBJECT_W, DATA_OBJECT_H};
        }
        if (element instanceof DataStoreReference) return new double[] {DATA_STORE, DATA_STORE};
        if (element instanceof Artifact.TextAnnotation t) {
            double lines = wrap(t.text(), ANNOTATION_W - 10).size();
            return new double[] {ANNOTATION_W, Math.max(ANNOTATION_MIN_H, lines * LINE_H + 10)};
        }
        return new double[] {TASK_W, TASK_H};
    }

    /** Whether the element's name is drawn outside the shape (below it), so it needs label bounds. */
    static boolean labelOutside(Object element) {
        return element instanceof Event || element instanceof Gateway || element instanceof DataObject
                || element instanceof DataObjectReference || element instanceof DataStoreReference
                || element instanceof ModelIndex.ProcessData;
    }

    /** Width and height of a label for the text, wrapped at bpmn-js's 90 px. */
    static double[] label(String text) {
        List<String> lines = wrap(text, LABEL_MAX_W);
        double w = 0;
        for (String l : lines) w = Math.max(w, l.length() * CHAR_W);
        return new double[] {Math.max(10, Math.min(LABEL_MAX_W, w)), lines.size() * LINE_H};
    }

    static boolean hasText(String s) { return s != null && !s.isBlank(); }

    /** Greedy word wrap by estimated width; a word longer than the width gets a line of its own. */
    static List<String> wrap(String text, double width) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isBlank()) return lines;
        int perLine = Math.max(1, (int) (width / CHAR_W));
        for (String paragraph : text.strip().split("\\R")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split("\\s+")) {
                while (word.length() > perLine) {
                    if (line.length() > 0) { lines.add(line.toString()); line.setLength(0); }
                    lines.add(word.substring(0, perLine));
                    word = word.substring(perLine);
                }
                if (line.length() > 0 && line.length() + 1 + word.length() > perLine) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) line.append(' ');
                line.append(word);
            }
            if (line.length() > 0) lines.add(line.toString());
        }
        return lines;
    }
}
