package dev.baton.model.di;

/** A BPMNLabelStyle's font. */
public record LabelStyle(String id, String fontName, Double size, Boolean bold, Boolean italic, Boolean underline,
                         Boolean strikeThrough) {}
