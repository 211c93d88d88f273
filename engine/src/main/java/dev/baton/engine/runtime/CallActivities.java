package dev.baton.engine.runtime;

import dev.baton.model.api.InstanceState;

import java.util.Map;
import java.util.UUID;

/**
 * The child side of a call activity: a called instance knows its caller (instance, token, element) and, when it
 * ends or throws an error nobody inside catches, leaves a job that hands the result to the caller's token.
 */
public final class CallActivities {
    private CallActivities() {}

    /** Called when the instance completes: the caller's token gets every variable of the child. */
    static void completed(Step step) {
        if (step.state.parentInstanceId == null) return;
        notifyCaller(step, Step.map("childId", step.instance.id, "variables", step.state.variables));
    }

    /**
     * An error that nothing in the child catches goes to the caller's call activity: the child is canceled.
     * False when the instance was not called.
     */
    static boolean propagateError(Step step, String code, String message) {
        if (step.state.parentInstanceId == null) return false;
        for (Token t : java.util.List.copyOf(step.state.tokens)) if (t.parentId == null) step.cancel(t);
        step.state.tokens.clear();
        step.instance.state = InstanceState.CANCELED;
        step.instance.endedAt = step.now;
        step.history("INSTANCE_ENDED", null, null, step.now - step.instance.startedAt, Step.map("state", "CANCELED", "errorCode", code));
        step.clearAllWaits = true;
        notifyCaller(step, Step.map("childId", step.instance.id, "bpmnError", code, "errorMessage", message));
        return true;
    }

    private static void notifyCaller(Step step, Map<String, Object> payload) {
        RuntimeState s = step.state;
        step.jobsAfterEnd.add(new Rows.Job(UUID.randomUUID().toString(), Rows.JobKind.CALL_DONE, s.parentInstanceId,
                s.parentDefinitionId, s.parentElementId, s.parentTokenId, step.now, 1, step.instance.id + ":done", step.json(payload)));
    }
}
