package dev.baton.model;

import dev.baton.model.exec.Implementation;
import dev.baton.model.exec.Script;
import dev.baton.model.exec.UserTaskSettings;
import java.util.List;

/**
 * Any task kind. Fields that do not apply to the kind are null.
 *
 * @param implementation how a service, send or business rule task does its work
 * @param messageRef     the message a send or receive task sends or waits for
 * @param script         a script task's script
 * @param user           a user task's assignment and form
 * @param instantiate    a receive task that starts the process
 */
public record Task(
        String id,
        String name,
        ElementKind kind,
        ActivitySettings activity,
        Implementation implementation,
        String messageRef,
        Script script,
        UserTaskSettings user,
        boolean instantiate,
        List<Documentation> documentation,
        Extensions extensions) implements Activity {

    public Task {
        if (kind == null || !kind.isTask()) throw new IllegalArgumentException("task " + id + " needs a task kind, got " + kind);
        activity = ActivitySettings.orDefault(activity);
        documentation = documentation == null ? List.of() : List.copyOf(documentation);
        extensions = Extensions.orNone(extensions);
    }

    public static Task of(String id, String name, ElementKind kind) {
        return new Task(id, name, kind, null, null, null, null, null, false, null, null);
    }

    public Task withName(String newName) {
        return new Task(id, newName, kind, activity, implementation, messageRef, script, user, instantiate, documentation, extensions);
    }

    public Task withId(String newId) {
        return new Task(newId, name, kind, activity, implementation, messageRef, script, user, instantiate, documentation, extensions);
    }

    public Task withKind(ElementKind newKind) {
        return new Task(id, name, newKind, activity, implementation, messageRef, script, user, instantiate, documentation, extensions);
    }

    public Task withImplementation(Implementation newImplementation) {
        return new Task(id, name, kind, activity, newImplementation, messageRef, script, user, instantiate, documentation, extensions);
    }

    public Task withActivity(ActivitySettings newActivity) {
        return new Task(id, name, kind, newActivity, implementation, messageRef, script, user, instantiate, documentation, extensions);
    }
}
