package dev.baton.model.validation;

import dev.baton.model.SequenceFlow;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** bpmnlint no-duplicate-sequence-flows: no two flows with the same source, target and condition. */
final class NoDuplicateSequenceFlowsRule extends BaseRule.Lint {
    NoDuplicateSequenceFlowsRule() {
        super("no-duplicate-sequence-flows", Severity.ERROR,
                "No two sequence flows have the same source, target and condition.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        Scope s = ctx.ownScope().orElse(null);
        if (s == null) return;
        Map<String, SequenceFlow> first = new HashMap<>();
        Set<String> sourcesReported = new HashSet<>();
        Set<String> targetsReported = new HashSet<>();
        for (SequenceFlow f : s.content().flows()) {
            String key = f.sourceRef() + "#" + f.targetRef() + "#" + (f.condition() == null ? "" : f.condition().text());
            SequenceFlow original = first.putIfAbsent(key, f);
            if (original == null) continue;
            String from = ctx.byId(f.sourceRef()).map(Describe::inSentence).orElse(String.valueOf(f.sourceRef()));
            String to = ctx.byId(f.targetRef()).map(Describe::inSentence).orElse(String.valueOf(f.targetRef()));
            r.report(f.id(), Describe.of(f) + " duplicates " + original.id() + " (same source, target and condition); remove one.");
            if (f.sourceRef() != null && sourcesReported.add(f.sourceRef())) {
                r.report(f.sourceRef(), Character.toUpperCase(from.charAt(0)) + from.substring(1)
                        + " has duplicate outgoing sequence flows to " + to + ".");
            }
            if (f.targetRef() != null && targetsReported.add(f.targetRef())) {
                r.report(f.targetRef(), Character.toUpperCase(to.charAt(0)) + to.substring(1)
                        + " has duplicate incoming sequence flows from " + from + ".");
            }
        }
    }
}
