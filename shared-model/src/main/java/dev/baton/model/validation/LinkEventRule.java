package dev.baton.model.validation;

import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** bpmnlint link-event: link events are named, and each name pairs throws with exactly one catch in the same scope. */
final class LinkEventRule extends BaseRule.Lint {
    LinkEventRule() {
        super("link-event", Severity.ERROR,
                "Link events have a link name, and each link throw has exactly one matching link catch in the same process or subprocess.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        Scope s = ctx.ownScope().orElse(null);
        if (s == null) return;
        Map<String, List<Event>> byName = new LinkedHashMap<>();
        for (FlowNode n : s.content().nodes()) {
            if (!(n instanceof Event e)) continue;
            EventDefinition.Link link = e.eventDefinitions().stream().filter(EventDefinition.Link.class::isInstance)
                    .map(EventDefinition.Link.class::cast).findFirst().orElse(null);
            if (link == null) continue;
            if (Nodes.isBlank(link.name())) {
                r.report(e.id(), Describe.of(e) + " has no link name; throw and catch are paired by it.");
                continue;
            }
            byName.computeIfAbsent(link.name(), k -> new ArrayList<>()).add(e);
        }
        byName.forEach((name, events) -> {
            List<Event> catches = events.stream().filter(Event::isCatching).toList();
            if (events.size() == 1) {
                Event e = events.get(0);
                String missing = e.isThrowing() ? "catch" : "throw";
                r.report(e.id(), Describe.of(e) + " has no matching link " + missing + " event named '" + name
                        + "' in the same " + scopeWords(s) + ".");
            } else if (catches.size() > 1) {
                for (Event e : catches) {
                    r.report(e.id(), Describe.of(e) + " is one of " + Nodes.count(catches.size())
                            + " link catch events named '" + name + "'; a link name must lead to one place.");
                }
            } else if (catches.isEmpty()) {
                for (Event e : events) {
                    r.report(e.id(), Describe.of(e) + " throws link '" + name + "' but no link catch event with that name exists in the same "
                            + scopeWords(s) + ".");
                }
            }
        });
    }

    private static String scopeWords(Scope s) { return s.subProcess() == null ? "process" : "subprocess"; }
}
