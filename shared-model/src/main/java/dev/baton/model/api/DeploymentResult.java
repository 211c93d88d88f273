package dev.baton.model.api;

import java.util.List;

/**
 * What a deployment made: a definition per process and a decision per DMN decision in the files (an unchanged process
 * or decision keeps its old version).
 */
public record DeploymentResult(String id, List<DefinitionSummary> definitions, List<DecisionSummary> decisions) {
    public DeploymentResult {
        definitions = definitions == null ? List.of() : List.copyOf(definitions);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    public DeploymentResult(String id, List<DefinitionSummary> definitions) { this(id, definitions, List.of()); }
}
