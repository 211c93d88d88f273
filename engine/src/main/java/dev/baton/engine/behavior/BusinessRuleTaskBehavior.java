package dev.baton.engine.behavior;

import dev.baton.engine.decision.Decisions;
import dev.baton.engine.deploy.ProcessModel;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.engine.runtime.Trigger;
import dev.baton.model.Dialect;
import dev.baton.model.Expression;
import dev.baton.model.FlowNode;
import dev.baton.model.Task;
import dev.baton.model.exec.Implementation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A business rule task evaluates a DMN decision deployed with the processes (camunda:decisionRef,
 * zeebe:calledDecision); written as an external task or an expression it is a service task.
 */
final class BusinessRuleTaskBehavior implements ElementBehavior {
    private static final List<String> BINDINGS = List.of("latest", "version", "deployment");
    private static final Map<String, Decisions.ResultMapping> MAPPINGS = Map.of(
            "singleEntry", Decisions.ResultMapping.SINGLE_ENTRY, "singleResult", Decisions.ResultMapping.SINGLE_RESULT,
            "collectEntries", Decisions.ResultMapping.COLLECT_ENTRIES, "resultList", Decisions.ResultMapping.RESULT_LIST);

    private final ServiceTaskBehavior serviceTask;

    BusinessRuleTaskBehavior(ServiceTaskBehavior serviceTask) { this.serviceTask = serviceTask; }

    @Override
    public void enter(Step step, Token token, FlowNode node) {
        Task task = (Task) node;
        if (!(task.implementation() instanceof Implementation.Decision d)) {
            serviceTask.enter(step, token, task);
            return;
        }
        Optional<Object> key = step.evaluate(token, Expression.of(d.decisionRef()), "decision reference");
        if (key.isEmpty()) return;
        String decisionKey = String.valueOf(Step.unwrap(key.get()));
        String binding = binding(d);
        Integer version = null;
        if (binding.equals("version")) {
            Optional<Object> v = step.evaluate(token, Expression.of(d.detail("decisionRefVersion")), "decision version");
            if (v.isEmpty()) return;
            version = wholeNumber(Step.unwrap(v.get()));
            if (version == null) {
                step.incident(token, "DECISION", step.model.describe(node.id()) + " calls version " + Step.unwrap(v.get())
                        + " of decision " + decisionKey + ", which is not a whole number");
                return;
            }
        }
        Optional<Decisions.Deployed> decision = step.services.decisions().find(decisionKey, binding, version, step.model.definitionId());
        if (decision.isEmpty()) {
            step.incident(token, "DECISION", "No decision " + decisionKey + (version == null ? "" : " version " + version)
                    + (binding.equals("deployment") ? " in the deployment of this process" : "") + " is deployed (called by "
                    + step.model.describe(node.id()) + "): deploy its DMN file");
            return;
        }
        Decisions.ResultMapping mapping = step.model.dialect() == Dialect.CAMUNDA8 && d.detail("mapDecisionResult") == null
                ? Decisions.ResultMapping.CAMUNDA8 : MAPPINGS.get(mappingName(d));
        Decisions.Outcome outcome = step.services.decisions().evaluate(decision.get(), step.variables(token), mapping);
        if (outcome instanceof Decisions.Failure f) {
            step.incident(token, "DECISION", "Decision " + decision.get().id() + " called by " + step.model.describe(node.id())
                    + " failed: " + f.message());
            return;
        }
        Object value = ((Decisions.Value) outcome).value();
        step.history("DECISION_EVALUATED", node.id(), token.id, null, Step.map("decisionId", decision.get().id(), "result", value));
        if (d.resultVariable() != null && !d.resultVariable().isBlank()) {
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put(d.resultVariable(), value);
            step.setVariables(token, vars);
        }
        step.leave(token);
    }

    private static String binding(Implementation.Decision d) {
        String b = d.detail("decisionRefBinding");
        return b == null || b.isBlank() ? "latest" : b.strip();
    }

    private static String mappingName(Implementation.Decision d) {
        String m = d.detail("mapDecisionResult");
        return m == null || m.isBlank() ? "resultList" : m.strip();
    }

    private static Integer wholeNumber(Object v) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.intValue();
        if (v instanceof String s) {
            try {
                return Integer.valueOf(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void trigger(Step step, Token token, FlowNode node, Trigger trigger) {
        serviceTask.trigger(step, token, node, trigger);
    }

    @Override
    public void leave(Step step, Token token, FlowNode node) {
        serviceTask.leave(step, token, node);
    }

    @Override
    public List<String> check(FlowNode node, ProcessModel model) {
        Task task = (Task) node;
        if (!(task.implementation() instanceof Implementation.Decision d)) return serviceTask.check(node, model);
        String where = "business rule task " + model.describe(node.id());
        if (d.decisionRef() == null || d.decisionRef().isBlank()) return List.of(where + " names no decision");
        if (!BINDINGS.contains(binding(d))) {
            return List.of(where + " binds its decision by " + binding(d) + "; the engine binds by latest, version or deployment");
        }
        if (binding(d).equals("version") && (d.detail("decisionRefVersion") == null || d.detail("decisionRefVersion").isBlank())) {
            return List.of(where + " binds its decision by version but gives no decisionRefVersion");
        }
        if (!MAPPINGS.containsKey(mappingName(d))) {
            return List.of(where + " maps its decision result by " + mappingName(d)
                    + "; use singleEntry, singleResult, collectEntries or resultList");
        }
        return List.of();
    }
}
