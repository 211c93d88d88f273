package dev.baton.bpmn.dialect;

import dev.baton.model.ElementKind;
import dev.baton.model.Expression;
import dev.baton.model.exec.CallSettings;
import dev.baton.model.exec.Implementation;
import dev.baton.model.exec.IoMapping;
import dev.baton.model.exec.MessageChannel;
import dev.baton.model.exec.RetryPolicy;
import dev.baton.model.exec.Script;
import dev.baton.model.exec.UserTaskSettings;

/**
 * The typed execution settings of one element while they are mapped. A null field is "not said": on lift, the
 * first vocabulary that says it wins; on lower, the vocabulary that writes a field sets it back to null.
 */
final class Settings {
    private Settings() {}

    /** A task, subprocess or call activity. */
    static final class Activity {
        final ElementKind kind;
        Implementation implementation;
        Boolean asyncBefore;
        Boolean asyncAfter;
        RetryPolicy retries;
        IoMapping io;
        UserTaskSettings user;
        /** The script task's script as the BPMN part of the file gives it (format and text). */
        Script script;
        /** Where a script task's result goes. */
        String resultVariable;
        /** Lift: a zeebe:script gave the script; lower: the script went into zeebe:script, not bpmn:script. */
        boolean scriptInExtension;
        /** The called process; the BPMN calledElement attribute keeps it too, Camunda Web Modeler writes both. */
        String calledElement;
        CallSettings call;

        Activity(ElementKind kind) { this.kind = kind; }

        boolean isUserTask() { return kind == ElementKind.USER_TASK; }

        boolean isScriptTask() { return kind == ElementKind.SCRIPT_TASK; }

        boolean isCallActivity() { return kind == ElementKind.CALL_ACTIVITY; }

        boolean isTask() { return kind.isTask(); }
    }

    /** A start, intermediate, boundary or end event. */
    static final class Event {
        final ElementKind kind;
        /** The event's message event definition, where Camunda 7 puts a throwing event's implementation; or null. */
        final Work messageDefinition;
        Implementation implementation;
        IoMapping io;

        Event(ElementKind kind, Work messageDefinition) {
            this.kind = kind;
            this.messageDefinition = messageDefinition;
        }
    }

    /** A multi-instance loop. */
    static final class Loop {
        Expression collection;
        String elementVariable;
        String outputCollection;
        Expression outputElement;

        boolean isEmpty() {
            return collection == null && elementVariable == null && outputCollection == null && outputElement == null;
        }

        /** All of it was written: nothing is left for the next vocabulary. */
        void clear() {
            collection = null;
            elementVariable = null;
            outputCollection = null;
            outputElement = null;
        }
    }

    /** A bpmn:message. */
    static final class Message {
        Expression correlationKey;
        MessageChannel channel;
    }

    /** An error or escalation event definition: where the caught code and message are stored. */
    static final class Caught {
        final boolean escalation;
        String codeVariable;
        String messageVariable;

        Caught(boolean escalation) { this.escalation = escalation; }
    }
}
