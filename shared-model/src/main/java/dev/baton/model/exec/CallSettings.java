package dev.baton.model.exec;

import dev.baton.model.Expression;
import java.util.List;

/**
 * How a call activity picks the called process and passes variables.
 *
 * @param binding     latest, version, deployment or versionTag
 * @param version     the version number (binding version) or the version tag (binding versionTag)
 * @param allIn       pass every variable in (camunda:in variables="all", zeebe propagateAllParentVariables)
 * @param allOut      pass every variable out
 * @param allInLocal  pass the call activity's local variables in (camunda:in variables="all" local="true")
 * @param allOutLocal set every variable of the called instance as a local variable of the call activity
 *                    (camunda:out variables="all" local="true"), for its output mappings to move on
 */
public record CallSettings(Binding binding, String version, Expression businessKey, boolean allIn, boolean allOut,
                           List<VariableMapping> inputs, List<VariableMapping> outputs, boolean allInLocal, boolean allOutLocal) {
    public enum Binding { LATEST, VERSION, DEPLOYMENT, VERSION_TAG }

    public static final CallSettings DEFAULT = new CallSettings(Binding.LATEST, null, null, false, false, List.of(), List.of());

    public CallSettings(Binding binding, String version, Expression businessKey, boolean allIn, boolean allOut,
                        List<VariableMapping> inputs, List<VariableMapping> outputs) {
        this(binding, version, businessKey, allIn, allOut, inputs, outputs, false, false);
    }

    public CallSettings {
        binding = binding == null ? Binding.LATEST : binding;
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    /** True when some mapping reads or writes the call activity's local variables. */
    public boolean usesLocal() {
        return allInLocal || allOutLocal || inputs.stream().anyMatch(VariableMapping::local) || outputs.stream().anyMatch(VariableMapping::local);
    }

    public static CallSettings orDefault(CallSettings s) { return s == null ? DEFAULT : s; }
}
