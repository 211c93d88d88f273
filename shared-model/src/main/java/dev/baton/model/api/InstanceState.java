package dev.baton.model.api;

/** Where a process instance stands. */
public enum InstanceState { ACTIVE, SUSPENDED, COMPLETED, CANCELED }
