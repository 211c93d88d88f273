package dev.baton.model.validation;

import dev.baton.model.Collaboration;
import dev.baton.model.Definitions;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.GlobalElement;
import dev.baton.model.Task;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** bpmnlint global: messages, signals, errors and escalations are named, used, and their names are unique per type. */
final class GlobalRule extends BaseRule.Lint {
    GlobalRule() {
        super("global", Severity.WARNING,
                "Messages, signals, errors and escalations have a name, are used by some element, and their names are unique.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof Definitions d)) return;
        List<GlobalElement> globals = d.rootElements().stream()
                .filter(e -> e instanceof GlobalElement.Message || e instanceof GlobalElement.Signal
                        || e instanceof GlobalElement.Error || e instanceof GlobalElement.Escalation)
                .map(GlobalElement.class::cast).toList();
        if (globals.isEmpty()) return;
        Set<String> used = referencedIds(d);
        for (GlobalElement g : globals) {
            String kind = Describe.kindWords(g);
            if (Nodes.isBlank(g.name())) {
                r.report(g.id(), kind + " " + g.id() + " has no name; give it one so events can refer to it by name.");
            }
            if (!used.contains(g.id())) {
                r.report(g.id(), Describe.of(g) + " is not used by any event, task or message flow; remove it or use it.");
            }
            if (!Nodes.isBlank(g.name())) {
                long same = globals.stream()
                        .filter(o -> o.getClass() == g.getClass() && Objects.equals(o.name(), g.name())).count();
                if (same > 1) {
                    r.report(g.id(), Describe.of(g) + " shares its name with another " + kind.toLowerCase()
                            + "; names must be unique so each can be told apart.");
                }
            }
        }
    }

    private static Set<String> referencedIds(Definitions d) {
        Set<String> used = new HashSet<>();
        d.allFlowElements().forEach(e -> {
            if (e instanceof Event ev) {
                for (EventDefinition def : ev.eventDefinitions()) {
                    if (def instanceof EventDefinition.Message m) used.add(m.messageRef());
                    else if (def instanceof EventDefinition.Signal s) used.add(s.signalRef());
                    else if (def instanceof EventDefinition.Error er) used.add(er.errorRef());
                    else if (def instanceof EventDefinition.Escalation es) used.add(es.escalationRef());
                }
            } else if (e instanceof Task t && t.messageRef() != null) {
                used.add(t.messageRef());
            }
        });
        for (Collaboration c : d.collaborations()) {
            for (Collaboration.MessageFlow m : c.messageFlows()) used.add(m.messageRef());
        }
        used.remove(null);
        return used;
    }
}
