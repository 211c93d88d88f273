package dev.baton.model.api;

/** Per element of one definition: tokens there now, open incidents there, and how often it completed. */
public record ElementStatistics(String elementId, long active, long incidents, long completed) {}
