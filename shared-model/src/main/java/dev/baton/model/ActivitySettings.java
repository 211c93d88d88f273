package dev.baton.model;

import dev.baton.model.exec.IoMapping;
import dev.baton.model.exec.RetryPolicy;
import java.util.List;

/**
 * What every activity carries besides its kind-specific settings.
 *
 * @param defaultFlow  the id of the default outgoing sequence flow, or null
 * @param loop         standard loop or multi-instance settings, or null
 * @param asyncBefore  a commit point before the activity runs (camunda:asyncBefore, flowable:async)
 * @param retries      how failed work is retried, or null for the engine's default
 */
public record ActivitySettings(
        boolean forCompensation,
        String defaultFlow,
        LoopCharacteristics loop,
        boolean asyncBefore,
        boolean asyncAfter,
        RetryPolicy retries,
        IoMapping io,
        List<DataAssociation> dataInputAssociations,
        List<DataAssociation> dataOutputAssociations,
        Integer startQuantity,
        Integer completionQuantity) {

    public static final ActivitySettings DEFAULT =
            new ActivitySettings(false, null, null, false, false, null, null, null, null, null, null);

    public ActivitySettings {
        io = IoMapping.orNone(io);
        dataInputAssociations = dataInputAssociations == null ? List.of() : List.copyOf(dataInputAssociations);
        dataOutputAssociations = dataOutputAssociations == null ? List.of() : List.copyOf(dataOutputAssociations);
    }

    public static ActivitySettings orDefault(ActivitySettings s) { return s == null ? DEFAULT : s; }

    public ActivitySettings withLoop(LoopCharacteristics newLoop) {
        return new ActivitySettings(forCompensation, defaultFlow, newLoop, asyncBefore, asyncAfter, retries, io,
                dataInputAssociations, dataOutputAssociations, startQuantity, completionQuantity);
    }

    public ActivitySettings withDefaultFlow(String flowId) {
        return new ActivitySettings(forCompensation, flowId, loop, asyncBefore, asyncAfter, retries, io,
                dataInputAssociations, dataOutputAssociations, startQuantity, completionQuantity);
    }

    public ActivitySettings withIo(IoMapping newIo) {
        return new ActivitySettings(forCompensation, defaultFlow, loop, asyncBefore, asyncAfter, retries, newIo,
                dataInputAssociations, dataOutputAssociations, startQuantity, completionQuantity);
    }

    public ActivitySettings withRetries(RetryPolicy newRetries) {
        return new ActivitySettings(forCompensation, defaultFlow, loop, asyncBefore, asyncAfter, newRetries, io,
                dataInputAssociations, dataOutputAssociations, startQuantity, completionQuantity);
    }
}
