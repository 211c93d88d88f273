package dev.baton.model.exec;

import dev.baton.model.Expression;
import java.util.List;

/**
 * How a call activity picks the called process and passes variables.
 *
 * @param binding     latest, version, deployment or versionTag
 * @param allIn       pass every variable in (camunda:in variables="all", zeebe propagateAllParentVariables)
 * @param allOut      pass every variable out
 */
public record CallSettings(Binding binding, String version, Expression businessKey, boolean allIn, boolean allOut,
                           List<VariableMapping> inputs, List<VariableMapping> outputs) {
    public enum Binding { LATEST, VERSION, DEPLOYMENT, VERSION_TAG }

    public static final CallSettings DEFAULT = new CallSettings(Binding.LATEST, null, null, false, false, List.of(), List.of());

    public CallSettings {
        binding = binding == null ? Binding.LATEST : binding;
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    public static CallSettings orDefault(CallSettings s) { return s == null ? DEFAULT : s; }
}
