package dev.baton.model.exec;

import java.util.List;

/** Input and output mappings of an activity or event (camunda:inputOutput, zeebe:ioMapping). */
public record IoMapping(List<VariableMapping> inputs, List<VariableMapping> outputs) {
    public static final IoMapping NONE = new IoMapping(List.of(), List.of());

    public IoMapping {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    public static IoMapping orNone(IoMapping m) { return m == null ? NONE : m; }

    public boolean isEmpty() { return inputs.isEmpty() && outputs.isEmpty(); }
}
