package dev.baton.model.api;

import java.util.List;

/** What a deployment made: a definition per process in the files (an unchanged process keeps its old version). */
public record DeploymentResult(String id, List<DefinitionSummary> definitions) {
    public DeploymentResult {
        definitions = definitions == null ? List.of() : List.copyOf(definitions);
    }
}
