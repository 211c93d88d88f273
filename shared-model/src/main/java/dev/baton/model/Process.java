package dev.baton.model;

import java.util.List;

/**
 * A process. versionTag and historyTimeToLive come from dialect attributes when present.
 */
public record Process(
        String id,
        String name,
        boolean executable,
        String processType,
        boolean closed,
        FlowContent content,
        List<Documentation> documentation,
        Extensions extensions) implements RootElement {

    public Process {
        content = FlowContent.orEmpty(content);
        documentation = documentation == null ? List.of() : List.copyOf(documentation);
        extensions = Extensions.orNone(extensions);
    }

    public static Process of(String id, String name, FlowContent content) {
        return new Process(id, name, true, null, false, content, null, null);
    }

    public Process withContent(FlowContent newContent) {
        return new Process(id, name, executable, processType, closed, newContent, documentation, extensions);
    }

    public Process withName(String newName) {
        return new Process(id, newName, executable, processType, closed, content, documentation, extensions);
    }
}
