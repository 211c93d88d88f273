package dev.baton.model.api;

/** Which instance took a message; started tells whether the message started it. */
public record MessageResult(String instanceId, String elementId, boolean started) {}
