package dev.baton.engine.runtime;

import dev.baton.model.api.InstanceState;

import java.util.List;
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
        // escalations of the same step travel with the result, so the caller sees them before the call completes
        List<String> escalations = List.copyOf(step.escalationsToCaller);
        step.escalationsToCaller.clear();
        notifyCaller(step, Step.map("childId", step.instance.id, "variables", step.state.variables,
                "escalations", escalations.isEmpty() ? null : escalations), step.instance.id + ":done");
    }

    /** An escalation nothing in the called instance caught goes to its caller; false when the instance was not called. */
    static boolean propagateEscalation(Step step, String code) {
        if (step.state.parentInstanceId == null) return false;
        step.escalationsToCaller.add(code);
        return true;
    }

    /** At the end of a step in which the instance goes on: its escalations go to the caller now. */
    static void sendEscalations(Step step) {
        if (step.escalationsToCaller.isEmpty()) return;
        List<String> escalations = List.copyOf(step.escalationsToCaller);
        step.escalationsToCaller.clear();
        notifyCaller(step, Step.map("childId", step.instance.id, "escalations", escalations),
                step.instance.id + ":escalation:" + step.instance.nextSeq);
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
        notifyCaller(step, Step.map("childId", step.instance.id, "bpmnError", code, "errorMessage", message), step.instance.id + ":done");
        return true;
    }

    private static void notifyCaller(Step step, Map<String, Object> payload, String key) {
        RuntimeState s = step.state;
        step.jobsAfterEnd.add(new Rows.Job(UUID.randomUUID().toString(), Rows.JobKind.CALL_DONE, s.parentInstanceId,
                s.parentDefinitionId, s.parentElementId, s.parentTokenId, step.now, 1, key, step.json(payload)));
    }
}
