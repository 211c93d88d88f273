package dev.baton.designer.model;

/** An edit the rules do not allow; the message tells the user why, in their words. */
public final class ModelingException extends RuntimeException {
    public ModelingException(String message) { super(message); }
}
