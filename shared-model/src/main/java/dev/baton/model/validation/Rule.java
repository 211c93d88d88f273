package dev.baton.model.validation;

/**
 * One validation rule: a small object the {@link Validator} calls for every element of a document as it walks it once.
 * A rule looks at {@link RuleContext#element()}, ignores what it does not care about, and reports what is wrong.
 */
public interface Rule {

    /** Whether a rule is about how a diagram reads (bpmnlint's rules) or about whether Baton can run it. */
    enum Kind { MODELLING, EXECUTABILITY }

    /** Where the rule comes from: bpmnlint (same name and meaning as in Camunda Modeler) or Baton itself. */
    enum Origin { BPMNLINT, BATON }

    /** The rule's name as users see it, e.g. {@code no-implicit-split}. */
    String name();

    Severity defaultSeverity();

    /** One sentence saying what the rule asks of a model. */
    String description();

    Kind kind();

    Origin origin();

    /** Rules that are off unless asked for (standard-size) are listed but not run by {@link Validator#validate}. */
    default boolean enabledByDefault() { return true; }

    void check(RuleContext ctx, Reporter reporter);
}
