package dev.baton.model.validation;

import dev.baton.model.Collaboration;
import dev.baton.model.ElementKind;
import dev.baton.model.FlowNode;
import dev.baton.model.GlobalElement;
import dev.baton.model.Lane;
import dev.baton.model.Process;
import dev.baton.model.SequenceFlow;
import java.util.Locale;

/** Names an element the way a modeller would: its kind in words, then its name in quotes, or its id when unnamed. */
public final class Describe {
    private Describe() {}

    /** E.g. "Service task 'Charge card'", "Exclusive gateway Gateway_1". */
    public static String of(Object element) {
        String kind = kindWords(element);
        String name = nameOf(element);
        // names drawn over several lines hold line breaks; a message reads them as one line
        if (name != null && !name.isBlank()) return kind + " '" + name.strip().replaceAll("\\s+", " ") + "'";
        String id = idOf(element);
        return id == null ? kind : kind + " " + id;
    }

    /** Same as {@link #of} but starting lower case, for use inside a sentence. */
    public static String inSentence(Object element) {
        String s = of(element);
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    public static String kindWords(Object element) {
        if (element instanceof FlowNode n) return words(n.kind());
        if (element instanceof SequenceFlow) return "Sequence flow";
        if (element instanceof Process) return "Process";
        if (element instanceof Collaboration.Participant) return "Pool";
        if (element instanceof Lane) return "Lane";
        if (element instanceof Collaboration.MessageFlow) return "Message flow";
        if (element instanceof GlobalElement.Message) return "Message";
        if (element instanceof GlobalElement.Signal) return "Signal";
        if (element instanceof GlobalElement.Error) return "Error";
        if (element instanceof GlobalElement.Escalation) return "Escalation";
        if (element instanceof dev.baton.model.DataObjectReference) return "Data object";
        if (element instanceof dev.baton.model.DataStoreReference) return "Data store";
        if (element == null) return "Element";
        return "Element";
    }

    public static String words(ElementKind kind) {
        return switch (kind) {
            case START_EVENT -> "Start event";
            case INTERMEDIATE_CATCH_EVENT, INTERMEDIATE_THROW_EVENT -> "Intermediate event";
            case BOUNDARY_EVENT -> "Boundary event";
            case END_EVENT -> "End event";
            case SUB_PROCESS -> "Subprocess";
            case EVENT_SUB_PROCESS -> "Event subprocess";
            case TRANSACTION -> "Transaction";
            case AD_HOC_SUB_PROCESS -> "Ad-hoc subprocess";
            case EVENT_BASED_GATEWAY -> "Event-based gateway";
            default -> {
                // serviceTask -> "Service task", exclusiveGateway -> "Exclusive gateway"
                String spaced = kind.xmlName().replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT);
                yield Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
            }
        };
    }

    static String nameOf(Object element) {
        if (element instanceof dev.baton.model.FlowElement e) return e.name();
        if (element instanceof Process p) return p.name();
        if (element instanceof Collaboration.Participant p) return p.name();
        if (element instanceof Lane l) return l.name();
        if (element instanceof Collaboration.MessageFlow m) return m.name();
        if (element instanceof GlobalElement g) return g.name();
        return null;
    }

    static String idOf(Object element) {
        if (element instanceof dev.baton.model.FlowElement e) return e.id();
        if (element instanceof dev.baton.model.RootElement r) return r.id();
        if (element instanceof Collaboration.Participant p) return p.id();
        if (element instanceof Lane l) return l.id();
        if (element instanceof Collaboration.MessageFlow m) return m.id();
        return null;
    }
}
