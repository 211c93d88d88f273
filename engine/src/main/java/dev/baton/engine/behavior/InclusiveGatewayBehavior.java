package dev.baton.engine.behavior;

import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.model.FlowNode;
import dev.baton.model.Gateway;
import dev.baton.model.SequenceFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Joins when no other token of the scope can still arrive; forks onto every flow whose condition holds, or the
 * default flow when none does.
 */
final class InclusiveGatewayBehavior implements ElementBehavior {
    @Override
    public void enter(Step step, Token token, FlowNode node) {
        if (step.model.incoming(node.id()).size() <= 1) {
            step.leave(token);
            return;
        }
        step.waitHere(token);
        if (step.inclusiveJoinReady(token)) {
            step.mergeAtJoin(token);
            step.leave(token);
        }
    }

    @Override
    public void leave(Step step, Token token, FlowNode node) {
        Gateway g = (Gateway) node;
        List<SequenceFlow> chosen = new ArrayList<>();
        List<SequenceFlow> out = step.model.outgoing(g.id());
        for (SequenceFlow f : out) {
            if (f.id().equals(g.defaultFlow())) continue;
            if (f.condition() == null || f.condition().isBlank()) {
                chosen.add(f);
                continue;
            }
            Optional<Boolean> holds = step.condition(token, f);
            if (holds.isEmpty()) return;
            if (holds.get()) chosen.add(f);
        }
        if (chosen.isEmpty() && g.defaultFlow() != null) chosen.add(step.model.flow(g.defaultFlow()));
        if (chosen.isEmpty() && !out.isEmpty()) {
            step.incident(token, "NO_MATCHING_FLOW", "No condition of inclusive gateway " + step.model.describe(g.id())
                    + " holds, and it has no default flow");
            return;
        }
        step.take(token, chosen);
    }
}
