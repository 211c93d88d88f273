package dev.baton.model.api;

import java.util.List;

/** An error as RFC 9457 problem JSON; problems lists what was wrong with deployed files. */
public record ProblemDetail(String type, String title, int status, String detail, String instance,
                            List<DeploymentProblem> problems) {
    public ProblemDetail {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
