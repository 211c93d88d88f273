package dev.baton.model.validation;

public enum Severity { ERROR, WARNING, INFO }
