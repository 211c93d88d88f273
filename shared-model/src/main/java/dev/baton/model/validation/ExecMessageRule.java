package dev.baton.model.validation;

import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.GlobalElement;
import dev.baton.model.Task;

/**
 * Baton: whatever waits for a message (message start, catch and boundary events, receive tasks) names a message, and
 * every message referred to exists and has a name, since instances are matched by it. Throwing message events say
 * which message they send or how (an implementation).
 */
final class ExecMessageRule extends BaseRule.Exec {
    ExecMessageRule() {
        super("exec-message",
                "Message events and receive tasks refer to a message that exists and has a name; message throw events say what they send.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (ctx.element() instanceof Task t) {
            if (t.kind() == ElementKind.RECEIVE_TASK) {
                required(ctx, t, t.messageRef(), "waits for", r);
            } else if (t.kind() == ElementKind.SEND_TASK && t.messageRef() != null) {
                resolves(ctx, t, t.messageRef(), r);
            }
        } else if (ctx.element() instanceof Event e) {
            for (EventDefinition def : e.eventDefinitions()) {
                if (!(def instanceof EventDefinition.Message m)) continue;
                if (e.isCatching()) {
                    required(ctx, e, m.messageRef(), "waits for", r);
                } else if (m.messageRef() != null) {
                    resolves(ctx, e, m.messageRef(), r);
                } else if (e.implementation() == null) {
                    r.report(e.id(), Describe.of(e) + " throws a message but says neither which message nor how it is sent; "
                            + "pick a message or give it " + ExecServiceImplementationRule.WAYS + ".");
                }
            }
        }
    }

    private static void required(RuleContext ctx, Object element, String ref, String verb, Reporter r) {
        if (Nodes.isBlank(ref)) {
            r.report(Describe.idOf(element), Describe.of(element) + " " + verb + " a message but does not say which; pick a message.");
        } else {
            resolves(ctx, element, ref, r);
        }
    }

    private static void resolves(RuleContext ctx, Object element, String ref, Reporter r) {
        GlobalElement g = ctx.global(ref).orElse(null);
        if (!(g instanceof GlobalElement.Message msg)) {
            r.report(Describe.idOf(element), Describe.of(element) + " refers to message " + ref + ", which does not exist in this file.");
        } else if (Nodes.isBlank(msg.name())) {
            r.report(Describe.idOf(element), Describe.of(element) + " uses message " + msg.id()
                    + ", which has no name; messages are delivered by name, so give it one.");
        }
    }
}
