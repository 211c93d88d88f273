package dev.baton.engine.behavior;

import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.model.FlowNode;
import dev.baton.model.Gateway;
import dev.baton.model.SequenceFlow;

import java.util.List;
import java.util.Optional;

/** Takes the first outgoing flow whose condition holds, else the default flow; no match is an incident. */
final class ExclusiveGatewayBehavior implements ElementBehavior {
    @Override
    public void enter(Step step, Token token, FlowNode node) {
        step.leave(token);
    }

    @Override
    public void leave(Step step, Token token, FlowNode node) {
        Gateway g = (Gateway) node;
        List<SequenceFlow> out = step.model.outgoing(g.id());
        for (SequenceFlow f : out) {
            if (f.id().equals(g.defaultFlow())) continue;
            if (f.condition() == null || f.condition().isBlank()) {
                step.take(token, List.of(f));
                return;
            }
            Optional<Boolean> holds = step.condition(token, f);
            if (holds.isEmpty()) return;
            if (holds.get()) {
                step.take(token, List.of(f));
                return;
            }
        }
        if (g.defaultFlow() != null) {
            step.take(token, List.of(step.model.flow(g.defaultFlow())));
            return;
        }
        if (out.isEmpty()) {
            step.end(token);
            return;
        }
        step.incident(token, "NO_MATCHING_FLOW", "No condition of exclusive gateway " + step.model.describe(g.id())
                + " holds, and it has no default flow");
    }
}
