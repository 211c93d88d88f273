package dev.baton.model;

import dev.baton.model.exec.MessageChannel;
import java.util.List;

/** Named things events refer to: messages, signals, errors, escalations; and item, data store and category definitions. */
public sealed interface GlobalElement extends RootElement {
    String name();

    Extensions extensions();

    /**
     * @param correlationKey how a waiting instance is matched (zeebe:subscription correlationKey), or null
     * @param channel        where messages with this name arrive from (Kafka topic, RabbitMQ queue), or null
     */
    record Message(String id, String name, String itemRef, Expression correlationKey, MessageChannel channel, Extensions extensions)
            implements GlobalElement {
        public Message { extensions = Extensions.orNone(extensions); }
    }

    record Signal(String id, String name, String structureRef, Extensions extensions) implements GlobalElement {
        public Signal { extensions = Extensions.orNone(extensions); }
    }

    record Error(String id, String name, String errorCode, String structureRef, Extensions extensions) implements GlobalElement {
        public Error { extensions = Extensions.orNone(extensions); }
    }

    record Escalation(String id, String name, String escalationCode, String structureRef, Extensions extensions)
            implements GlobalElement {
        public Escalation { extensions = Extensions.orNone(extensions); }
    }

    record ItemDefinition(String id, String structureRef, String itemKind, Boolean collection, String importRef, Extensions extensions)
            implements GlobalElement {
        public ItemDefinition { extensions = Extensions.orNone(extensions); }
        public String name() { return structureRef; }
    }

    record DataStore(String id, String name, Integer capacity, Boolean unlimited, String itemSubjectRef, Extensions extensions)
            implements GlobalElement {
        public DataStore { extensions = Extensions.orNone(extensions); }
    }

    record Category(String id, String name, List<CategoryValue> values, Extensions extensions) implements GlobalElement {
        public Category {
            values = values == null ? List.of() : List.copyOf(values);
            extensions = Extensions.orNone(extensions);
        }
    }

    record CategoryValue(String id, String value) {}
}
