package dev.baton.model.validation;

import dev.baton.model.FlowNode;
import dev.baton.model.SequenceFlow;

/** Baton: a sequence flow connects two flow nodes of its own process or subprocess, so a token can travel it. */
final class ExecSequenceFlowRule extends BaseRule.Exec {
    ExecSequenceFlowRule() {
        super("exec-sequence-flow", "A sequence flow starts and ends at flow nodes of its own process or subprocess.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof SequenceFlow f) || ctx.scope() == null) return;
        end(ctx, f, f.sourceRef(), "starts", r);
        end(ctx, f, f.targetRef(), "ends", r);
    }

    private static void end(RuleContext ctx, SequenceFlow f, String ref, String verb, Reporter r) {
        if (Nodes.isBlank(ref)) {
            r.report(f.id(), Describe.of(f) + " does not say where it " + verb + "; connect it or remove it.");
            return;
        }
        boolean here = ctx.scope().content().element(ref).filter(FlowNode.class::isInstance).isPresent();
        if (!here) {
            String where = ctx.byId(ref).isPresent() ? "at " + Describe.inSentence(ctx.byId(ref).get()) + ", outside its "
                    + (ctx.scope().subProcess() == null ? "process" : "subprocess") : "at " + ref + ", which does not exist";
            r.report(f.id(), Describe.of(f) + " " + verb + " " + where + "; a sequence flow stays inside one process or subprocess.");
        }
    }
}
