package dev.baton.engine.runtime;

import dev.baton.model.api.InstanceState;

/** The columns of an instance row beside its runtime document; a step changes state and endedAt. */
public final class InstanceRow {
    public final String id;
    public final String definitionId;
    public final String processId;
    public final String businessKey;
    public final String idempotencyKey;
    public InstanceState state;
    public final long startedAt;
    public Long endedAt;
    /** The version read; the update succeeds only if nobody changed the row since. */
    public final long version;
    public long nextSeq;
    public final boolean isNew;

    public InstanceRow(String id, String definitionId, String processId, String businessKey, String idempotencyKey,
                       InstanceState state, long startedAt, Long endedAt, long version, long nextSeq, boolean isNew) {
        this.id = id;
        this.definitionId = definitionId;
        this.processId = processId;
        this.businessKey = businessKey;
        this.idempotencyKey = idempotencyKey;
        this.state = state;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.version = version;
        this.nextSeq = nextSeq;
        this.isNew = isNew;
    }
}
