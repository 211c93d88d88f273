package dev.baton.model;

import java.util.List;

/**
 * An embedded subprocess, event subprocess, transaction or ad-hoc subprocess, with its own flow content.
 *
 * @param adHoc settings of an ad-hoc subprocess, else null
 */
public record SubProcess(
        String id,
        String name,
        ElementKind kind,
        FlowContent content,
        ActivitySettings activity,
        AdHocSettings adHoc,
        String transactionMethod,
        List<Documentation> documentation,
        Extensions extensions) implements Activity {

    public SubProcess {
        if (kind == null || !kind.isSubProcess()) throw new IllegalArgumentException("subprocess " + id + " needs a subprocess kind, got " + kind);
        content = FlowContent.orEmpty(content);
        activity = ActivitySettings.orDefault(activity);
        documentation = documentation == null ? List.of() : List.copyOf(documentation);
        extensions = Extensions.orNone(extensions);
    }

    public boolean triggeredByEvent() { return kind == ElementKind.EVENT_SUB_PROCESS; }

    public SubProcess withContent(FlowContent newContent) {
        return new SubProcess(id, name, kind, newContent, activity, adHoc, transactionMethod, documentation, extensions);
    }

    public SubProcess withName(String newName) {
        return new SubProcess(id, newName, kind, content, activity, adHoc, transactionMethod, documentation, extensions);
    }

    public record AdHocSettings(Expression completionCondition, String ordering, Boolean cancelRemainingInstances) {}
}
