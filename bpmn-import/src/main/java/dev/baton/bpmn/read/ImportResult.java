package dev.baton.bpmn.read;

import dev.baton.model.Definitions;
import java.util.List;
import java.util.Map;

/**
 * A file read into the model, with what the reader noticed and the line each element started on
 * (so that validation problems can name a line).
 */
public record ImportResult(String source, Definitions definitions, List<ImportMessage> messages, Map<String, Integer> elementLines) {
    public ImportResult {
        messages = List.copyOf(messages);
        elementLines = Map.copyOf(elementLines);
    }

    /** The line the element with this id starts on, or 0. */
    public int lineOf(String elementId) {
        return elementId == null ? 0 : elementLines.getOrDefault(elementId, 0);
    }
}
