package dev.baton.model;

/** What triggers or is thrown by an event. An event with no definition is a "none" event. */
public sealed interface EventDefinition {
    String id();

    Extensions extensions();

    /** The XML local name, e.g. messageEventDefinition. */
    String xmlName();

    record Message(String id, String messageRef, String operationRef, Extensions extensions) implements EventDefinition {
        public Message { extensions = Extensions.orNone(extensions); }
        public String xmlName() { return "messageEventDefinition"; }
    }

    record Timer(String id, TimerKind kind, Expression value, Extensions extensions) implements EventDefinition {
        public Timer { extensions = Extensions.orNone(extensions); }
        public String xmlName() { return "timerEventDefinition"; }
    }

    /** timeDate, timeDuration or timeCycle; NONE when the file gave no value. */
    enum TimerKind { DATE, DURATION, CYCLE, NONE }

    record Signal(String id, String signalRef, Extensions extensions) implements EventDefinition {
        public Signal { extensions = Extensions.orNone(extensions); }
        public String xmlName() { return "signalEventDefinition"; }
    }

    record Error(String id, String errorRef, String errorCodeVariable, String errorMessageVariable, Extensions extensions)
            implements EventDefinition {
        public Error { extensions = Extensions.orNone(extensions); }
        public String xmlName() { return "errorEventDefinition"; }
    }

    record Escalation(String id, String escalationRef, String escalationCodeVariable, Extensions extensions)
            implements EventDefinition {
        public Escalation { extensions = Extensions.orNone(extensions); }
        public String xmlName() { return "escalationEventDefinition"; }
    }

    /** activityRef null means "compensate everything in scope". */
    record Compensate(String id, String activityRef, Boolean waitForCompletion, Extensions extensions) implements EventDefinition {
        public Compensate { extensions = Extensions.orNone(extensions); }
        public String xmlName() { return "compensateEventDefinition"; }
    }

    record Conditional(String id, Expression condition, String variableName, String variableEvents, Extensions extensions)
            implements EventDefinition {
        public Conditional { extensions = Extensions.orNone(extensions); }
        public String xmlName() { return "conditionalEventDefinition"; }
    }

    record Link(String id, String name, Extensions extensions) implements EventDefinition {
        public Link { extensions = Extensions.orNone(extensions); }
        public String xmlName() { return "linkEventDefinition"; }
    }

    record Cancel(String id, Extensions extensions) implements EventDefinition {
        public Cancel { extensions = Extensions.orNone(extensions); }
        public String xmlName() { return "cancelEventDefinition"; }
    }

    record Terminate(String id, Extensions extensions) implements EventDefinition {
        public Terminate { extensions = Extensions.orNone(extensions); }
        public String xmlName() { return "terminateEventDefinition"; }
    }

    /** A reference (eventDefinitionRef) to a global event definition in the definitions' root elements. */
    record Reference(String id, String eventDefinitionRef, Extensions extensions) implements EventDefinition {
        public Reference { extensions = Extensions.orNone(extensions); }
        public String xmlName() { return "eventDefinitionRef"; }
    }
}
