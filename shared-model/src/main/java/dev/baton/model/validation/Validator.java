package dev.baton.model.validation;

import dev.baton.model.Definitions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a BPMN document: bpmnlint's recommended modelling rules (same names and severities as Camunda Modeler) and
 * Baton's executability rules ({@code exec-*}, applied to processes marked isExecutable only).
 * The document is walked once; every rule is asked about every element. Problems come back in document order.
 */
public final class Validator {

    private static final List<Rule> ALL = List.of(
            // bpmnlint's recommended set, alphabetical like its documentation
            new AdHocSubProcessRule(),
            new ConditionalFlowsRule(),
            new EndEventRequiredRule(),
            new EventBasedGatewayRule(),
            new EventSubProcessTypedStartEventRule(),
            new FakeJoinRule(),
            new GlobalRule(),
            new LabelRequiredRule(),
            new LinkEventRule(),
            new NoBpmndiRule(),
            new NoComplexGatewayRule(),
            new NoDisconnectedRule(),
            new NoDuplicateSequenceFlowsRule(),
            new NoGatewayJoinForkRule(),
            new NoImplicitSplitRule(),
            new NoImplicitEndRule(),
            new NoImplicitStartRule(),
            new NoInclusiveGatewayRule(),
            new NoOverlappingElementsRule(),
            new SingleBlankStartEventRule(),
            new SingleEventDefinitionRule(),
            new StartEventRequiredRule(),
            new SubProcessBlankStartEventRule(),
            new SuperfluousGatewayRule(),
            new SuperfluousTerminationRule(),
            // bpmnlint rules outside the recommended set
            new ConditionalEventRule(),
            new StandardSizeRule(),
            // Baton: can the engine run it?
            new ExecServiceImplementationRule(),
            new ExecJavaCodeRule(),
            new ExecUnsupportedImplementationRule(),
            new ExecGatewayConditionsRule(),
            new ExecDefaultFlowRule(),
            new ExecSequenceFlowRule(),
            new ExecMessageRule(),
            new ExecEventReferenceRule(),
            new ExecTimerRule(),
            new ExecCallActivityRule(),
            new ExecMultiInstanceRule(),
            new ExecScriptRule(),
            new ExecEmptyExpressionRule());

    private final List<Rule> rules;

    /** A validator running every rule that is on by default. */
    public Validator() {
        this(ALL.stream().filter(Rule::enabledByDefault).toList());
    }

    /** A validator running exactly the given rules (e.g. {@link #allRules()} to include standard-size). */
    public Validator(Collection<? extends Rule> rules) {
        Set<String> names = new HashSet<>();
        for (Rule r : rules) {
            if (!names.add(r.name())) throw new IllegalArgumentException("rule " + r.name() + " is given twice");
        }
        this.rules = List.copyOf(rules);
    }

    /** Every rule Baton knows, including those off by default, in the order the documentation lists them. */
    public static List<Rule> allRules() { return ALL; }

    public static Optional<Rule> rule(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The rules this validator runs. */
    public List<Rule> rules() { return rules; }

    /** Modelling and executability problems, in document order. */
    public List<Problem> validate(Definitions d) {
        return run(d, rules);
    }

    public List<Problem> validateModelling(Definitions d) {
        return run(d, rules.stream().filter(r -> r.kind() == Rule.Kind.MODELLING).toList());
    }

    /** Problems that would stop Baton from running the document's executable processes. */
    public List<Problem> validateExecutability(Definitions d) {
        return run(d, rules.stream().filter(r -> r.kind() == Rule.Kind.EXECUTABILITY).toList());
    }

    private static List<Problem> run(Definitions d, List<Rule> rules) {
        if (d == null) throw new IllegalArgumentException("there is no document to validate");
        ModelIndex index = new ModelIndex(d);
        List<Problem> problems = new ArrayList<>();
        for (ModelIndex.Visit visit : index.visits) {
            RuleContext ctx = new RuleContext(index, visit.element(), visit.scope());
            for (Rule rule : rules) {
                if (rule.kind() == Rule.Kind.EXECUTABILITY && !ctx.executable()) continue;
                rule.check(ctx, (elementId, message) ->
                        problems.add(new Problem(rule.name(), rule.defaultSeverity(), elementId, message, 0)));
            }
        }
        Map<String, Integer> ruleOrder = new HashMap<>();
        for (Rule r : rules) ruleOrder.put(r.name(), ruleOrder.size());
        // document order, then catalogue order; the sort is stable, so one rule's findings keep their own order
        problems.sort(Comparator.<Problem>comparingInt(p -> p.elementId() == null ? -1 : index.order.getOrDefault(p.elementId(), Integer.MAX_VALUE))
                .thenComparingInt(p -> ruleOrder.get(p.rule())));
        return List.copyOf(problems);
    }
}
