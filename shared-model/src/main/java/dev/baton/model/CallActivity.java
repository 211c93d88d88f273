package dev.baton.model;

import dev.baton.model.exec.CallSettings;
import java.util.List;

/** Calls another process by id (calledElement). */
public record CallActivity(
        String id,
        String name,
        String calledElement,
        CallSettings call,
        ActivitySettings activity,
        List<Documentation> documentation,
        Extensions extensions) implements Activity {

    public CallActivity {
        call = CallSettings.orDefault(call);
        activity = ActivitySettings.orDefault(activity);
        documentation = documentation == null ? List.of() : List.copyOf(documentation);
        extensions = Extensions.orNone(extensions);
    }

    public ElementKind kind() { return ElementKind.CALL_ACTIVITY; }

    public CallActivity withName(String newName) {
        return new CallActivity(id, newName, calledElement, call, activity, documentation, extensions);
    }
}
