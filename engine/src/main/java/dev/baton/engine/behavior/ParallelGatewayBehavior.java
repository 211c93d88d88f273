package dev.baton.engine.behavior;

import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.model.FlowNode;
import dev.baton.model.SequenceFlow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Joins one token from each incoming flow, then forks a token onto every outgoing flow. */
final class ParallelGatewayBehavior implements ElementBehavior {
    @Override
    public void enter(Step step, Token token, FlowNode node) {
        List<SequenceFlow> incoming = step.model.incoming(node.id());
        if (incoming.size() <= 1) {
            step.leave(token);
            return;
        }
        step.waitHere(token);
        // one waiting token per incoming flow, oldest first
        Map<String, Token> arrived = new HashMap<>();
        for (Token t : step.state.tokens) {
            if (t.elementId.equals(node.id()) && Objects.equals(t.parentId, token.parentId) && t.state == Token.State.WAITING
                    && t.via != null) {
                arrived.putIfAbsent(t.via, t);
            }
        }
        for (SequenceFlow f : incoming) if (!arrived.containsKey(f.id())) return;
        List<Token> merged = new ArrayList<>(arrived.values());
        // a token that came along a flow that already had one waiting stays for the next round
        Token survivor = merged.contains(token) ? token : merged.get(0);
        merged.remove(survivor);
        step.state.tokens.removeAll(merged);
        survivor.state = Token.State.ACTIVE;
        step.leave(survivor);
    }

    @Override
    public void leave(Step step, Token token, FlowNode node) {
        step.take(token, step.model.outgoing(node.id()));
    }
}
