package dev.baton.engine.runtime;

/**
 * Where one path of an instance stands. Mutable, because a step moves it; stored inside the instance's one
 * runtime row. parentId is the token of the enclosing subprocess, null at process level.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
public final class Token {
    public enum State { ACTIVE, WAITING, INCIDENT }

    public String id;
    public String elementId;
    public String parentId;
    public State state = State.ACTIVE;
    public String incidentId;
    /** When the token entered its element, for the element's duration. */
    public long enteredAt;
    /** Counts element entries in the instance; keeps idempotency keys stable across retries of one entry. */
    public long activation;
    /** The sequence flow the token arrived on, for joins. */
    public String via;
    /** Jobs, subscriptions or a user task rows belong to this token and must go when it leaves. */
    public boolean waits;
    /** Which instance of a multi-instance activity this token runs, from 0; null otherwise. */
    public Integer loopIndex;
    /** Waits at an event subprocess's start event; does not keep its scope from completing. */
    public boolean listener;
    /**
     * The element's local variables (input mappings, a multi-instance loop counter and element variable); null when
     * none. They live while the token is at the element and are seen by everything inside it.
     */
    public java.util.LinkedHashMap<String, Object> locals;
    /** Variables set at the element stay local (a Camunda 8 element with output mappings): only the outputs go up. */
    public boolean keepLocal;

    public Token() {}

    Token(String id, String elementId, String parentId) {
        this.id = id;
        this.elementId = elementId;
        this.parentId = parentId;
    }
}
