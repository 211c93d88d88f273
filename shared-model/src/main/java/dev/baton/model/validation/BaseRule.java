package dev.baton.model.validation;

/** Holds the fixed facts of a rule so each rule class only says how it checks. */
abstract class BaseRule implements Rule {
    private final String name;
    private final Severity severity;
    private final String description;
    private final Kind kind;
    private final Origin origin;

    BaseRule(String name, Severity severity, Kind kind, Origin origin, String description) {
        this.name = name;
        this.severity = severity;
        this.description = description;
        this.kind = kind;
        this.origin = origin;
    }

    /** A bpmnlint rule: modelling, same name and default severity as in Camunda Modeler. */
    static abstract class Lint extends BaseRule {
        Lint(String name, Severity severity, String description) {
            super(name, severity, Kind.MODELLING, Origin.BPMNLINT, description);
        }
    }

    /** A Baton rule about whether an executable process can run. */
    static abstract class Exec extends BaseRule {
        Exec(String name, String description) {
            super(name, Severity.ERROR, Kind.EXECUTABILITY, Origin.BATON, description);
        }
    }

    @Override public final String name() { return name; }

    @Override public final Severity defaultSeverity() { return severity; }

    @Override public final String description() { return description; }

    @Override public final Kind kind() { return kind; }

    @Override public final Origin origin() { return origin; }

    @Override public String toString() { return name; }
}
