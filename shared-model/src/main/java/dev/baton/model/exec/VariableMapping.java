package dev.baton.model.exec;

import dev.baton.model.Expression;

/** One input or output mapping: target variable name, from a source expression. */
public record VariableMapping(String target, Expression source) {}
