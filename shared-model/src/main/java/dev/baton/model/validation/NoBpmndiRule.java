package dev.baton.model.validation;

import dev.baton.model.Artifact;
import dev.baton.model.Collaboration;
import dev.baton.model.DataObject;
import dev.baton.model.Definitions;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowElement;
import dev.baton.model.Lane;
import dev.baton.model.LaneSet;
import dev.baton.model.Process;
import dev.baton.model.RootElement;
import dev.baton.model.SubProcess;

/** bpmnlint no-bpmndi: every element that is drawn (all but data objects) has a shape or an edge in some diagram. */
final class NoBpmndiRule extends BaseRule.Lint {
    NoBpmndiRule() {
        super("no-bpmndi", Severity.ERROR,
                "Every visual element (flow elements, pools, lanes, message flows, artifacts) has a shape or edge in a diagram.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof Definitions d)) return;
        for (RootElement root : d.rootElements()) {
            if (root instanceof Process p) {
                content(ctx, p.content(), r);
            } else if (root instanceof Collaboration c) {
                c.participants().forEach(p -> require(ctx, p.id(), Describe.of(p), r));
                c.messageFlows().forEach(m -> require(ctx, m.id(), Describe.of(m), r));
                c.artifacts().forEach(a -> require(ctx, a.id(), artifactWords(a), r));
            }
        }
    }

    private void content(RuleContext ctx, FlowContent content, Reporter r) {
        for (FlowElement e : content.elements()) {
            if (e instanceof DataObject) continue; // drawn through its data object references
            require(ctx, e.id(), Describe.of(e), r);
            if (e instanceof SubProcess sp) content(ctx, sp.content(), r);
        }
        content.artifacts().forEach(a -> require(ctx, a.id(), artifactWords(a), r));
        for (LaneSet set : content.laneSets()) lanes(ctx, set, r);
    }

    private void lanes(RuleContext ctx, LaneSet set, Reporter r) {
        for (Lane lane : set.lanes()) {
            require(ctx, lane.id(), Describe.of(lane), r);
            if (lane.childLaneSet() != null) lanes(ctx, lane.childLaneSet(), r);
        }
    }

    private static void require(RuleContext ctx, String id, String what, Reporter r) {
        if (id != null && !ctx.drawn(id)) r.report(id, what + " is not drawn in any diagram (no BPMN DI shape or edge).");
    }

    private static String artifactWords(Artifact a) {
        String kind = a instanceof Artifact.TextAnnotation ? "Text annotation"
                : a instanceof Artifact.Association ? "Association" : "Group";
        return kind + " " + a.id();
    }
}
