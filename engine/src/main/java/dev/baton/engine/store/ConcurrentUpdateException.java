package dev.baton.engine.store;

/** Someone else changed the instance since it was read; the command runs again on the new state. */
public final class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String instanceId) {
        super("instance " + instanceId + " was changed by another call at the same time");
    }
}
