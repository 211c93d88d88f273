package dev.baton.engine.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.behavior.BehaviorRegistry;
import dev.baton.engine.decision.Decisions;
import dev.baton.engine.expr.Expressions;
import dev.baton.model.exec.RetryPolicy;

/** What a step needs from the engine: expression languages, element behaviours, DMN decisions, JSON, and defaults. */
public record Services(Expressions expressions, BehaviorRegistry behaviors, Decisions decisions, ObjectMapper json, RetryPolicy defaultRetry) {}
