package dev.baton.engine.behavior;

import dev.baton.engine.deploy.ProcessModel;
import dev.baton.engine.runtime.BpmnErrors;
import dev.baton.engine.runtime.Rows;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.engine.runtime.Trigger;
import dev.baton.model.CallActivity;
import dev.baton.model.Expression;
import dev.baton.model.FlowNode;
import dev.baton.model.exec.CallSettings;
import dev.baton.model.exec.VariableMapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call activity: a job starts the called process (by id: latest version, a fixed version, the one deployed with
 * the caller, or the newest carrying a version tag) with the variables passed in; the token waits until the child
 * ends and hands its variables back, or throws an error nothing in it caught.
 */
final class CallActivityBehavior implements ElementBehavior {
    @Override
    public void enter(Step step, Token token, FlowNode node) {
        CallActivity call = (CallActivity) node;
        CallSettings s = call.call();
        Map<String, Object> in = new LinkedHashMap<>();
        // local="true" reads only the call activity's own variables: those its input parameters set
        Map<String, Object> locals = token.locals == null ? Map.of() : new LinkedHashMap<>(token.locals);
        if (s.allIn()) in.putAll(step.variables(token));
        if (s.allInLocal()) in.putAll(locals);
        for (VariableMapping m : s.inputs()) {
            Optional<Object> v = value(step, token, m, m.local() ? locals : step.variables(token));
            if (v.isEmpty()) return;
            in.put(m.target(), Step.unwrap(v.get()));
        }
        String businessKey = null;
        if (s.businessKey() != null && !s.businessKey().isBlank()) {
            if (s.businessKey().text().contains("processBusinessKey")) businessKey = step.instance.businessKey;
            else {
                Optional<Object> v = step.evaluate(token, s.businessKey(), "business key");
                if (v.isEmpty()) return;
                businessKey = String.valueOf(Step.unwrap(v.get()));
            }
        }
        String processId = call.calledElement();
        if (processId.contains("${") || processId.startsWith("=")) {
            Optional<Object> v = step.evaluate(token, new Expression(processId, null), "called process");
            if (v.isEmpty()) return;
            processId = String.valueOf(Step.unwrap(v.get()));
        }
        String version = s.version();
        if (version != null && (version.contains("${") || version.startsWith("="))) {
            Optional<Object> v = step.evaluate(token, new Expression(version, null),
                    s.binding() == CallSettings.Binding.VERSION_TAG ? "version tag of the called process" : "version of the called process");
            if (v.isEmpty()) return;
            version = String.valueOf(Step.unwrap(v.get()));
        }
        step.addJob(token, Rows.JobKind.CALL_START, node.id(), step.now, 1, step.json(Step.map(
                "processId", processId, "binding", s.binding().name(), "version", version,
                "callerDefinitionId", step.instance.definitionId, "variables", in, "businessKey", businessKey)));
        step.waitHere(token);
    }

    private static Optional<Object> value(Step step, Token token, VariableMapping m, Map<String, Object> scope) {
        Expression src = m.source();
        if (src == null) return Optional.of(scope.containsKey(m.target()) && scope.get(m.target()) != null ? scope.get(m.target()) : Step.NULL);
        if (src.language() == Expression.Language.LITERAL) {
            // camunda:in source="a": a variable name, not an expression
            Object v = scope.get(src.text().strip());
            return Optional.of(v == null ? Step.NULL : v);
        }
        var r = step.services.expressions().evaluate(src, scope, step.model.dialect());
        if (r instanceof dev.baton.engine.expr.Evaluation.Failure f) {
            step.incident(token, "EXPRESSION", "Mapping " + m.target() + " = " + src.text() + " at " + step.model.describe(token.elementId)
                    + " failed: " + f.message());
            return Optional.empty();
        }
        Object v = ((dev.baton.engine.expr.Evaluation.Value) r).value();
        return Optional.of(v == null ? Step.NULL : v);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void trigger(Step step, Token token, FlowNode node, Trigger trigger) {
        CallActivity call = (CallActivity) node;
        if (trigger.data().get("escalations") instanceof List<?> escalations) {
            for (Object code : escalations) {
                dev.baton.engine.runtime.Escalations.raiseFromCall(step, token, String.valueOf(code));
                // an interrupting catcher ended the call (and cancels the called instance)
                if (!step.state.tokens.contains(token)) return;
            }
            if (!trigger.data().containsKey("variables")) {
                step.waitHere(token);
                return;
            }
        }
        if (trigger.data().get("bpmnError") instanceof String code) {
            String message = (String) trigger.data().get("errorMessage");
            if (!BpmnErrors.raise(step, token, true, code, message)) {
                step.incident(token, "UNCAUGHT_ERROR", "BPMN error " + code + " from the process called by "
                        + step.model.describe(node.id()) + " is not caught by any error event");
            }
            return;
        }
        Map<String, Object> childVars = (Map<String, Object>) trigger.data().getOrDefault("variables", Map.of());
        Map<String, Object> out = new LinkedHashMap<>(), outLocal = new LinkedHashMap<>();
        if (call.call().allOut()) out.putAll(childVars);
        if (call.call().allOutLocal()) outLocal.putAll(childVars);
        for (VariableMapping m : call.call().outputs()) {
            Optional<Object> v = value(step, token, m, childVars);
            if (v.isEmpty()) return;
            (m.local() ? outLocal : out).put(m.target(), Step.unwrap(v.get()));
        }
        step.setVariables(token, out);
        // local="true": variables of the call activity only, gone when it is left unless its output parameters move them on
        step.setLocalVariables(token, outLocal);
        step.leave(token);
    }

    @Override
    public void leave(Step step, Token token, FlowNode node) {
        step.takeOutgoing(token, node, ((CallActivity) node).activity().defaultFlow());
    }

    @Override
    public List<String> check(FlowNode node, ProcessModel model) {
        CallActivity call = (CallActivity) node;
        if (call.calledElement() == null || call.calledElement().isBlank()) {
            return List.of("call activity " + model.describe(node.id()) + " names no process to call (calledElement)");
        }
        if (call.call().binding() == CallSettings.Binding.VERSION_TAG && (call.call().version() == null || call.call().version().isBlank())) {
            return List.of("call activity " + model.describe(node.id()) + " binds by version tag but names no tag (calledElementVersionTag / versionTag)");
        }
        return List.of();
    }
}
