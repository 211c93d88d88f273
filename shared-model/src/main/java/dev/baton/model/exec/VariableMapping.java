package dev.baton.model.exec;

import dev.baton.model.Expression;

/**
 * One input or output mapping: target variable name, from a source expression.
 *
 * @param local for a call activity (camunda:in/out local="true"): an input reads only the call activity's local
 *              variables, an output becomes a local variable of the call activity, which its output mappings can
 *              move on; not used by other mappings
 */
public record VariableMapping(String target, Expression source, boolean local) {
    public VariableMapping(String target, Expression source) {
        this(target, source, false);
    }
}
