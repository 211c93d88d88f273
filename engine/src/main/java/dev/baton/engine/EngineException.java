package dev.baton.engine;

import dev.baton.model.api.DeploymentProblem;

import java.util.List;

/** A request the engine refuses, with a message a person understands. The REST API maps each kind to a status. */
public class EngineException extends RuntimeException {
    public EngineException(String message) { super(message); }

    /** The process, instance, task or incident does not exist (404). */
    public static final class NotFound extends EngineException {
        public NotFound(String message) { super(message); }
    }

    /** The request clashes with the instance's state or with another call (409). */
    public static final class Conflict extends EngineException {
        public Conflict(String message) { super(message); }
    }

    /** The request itself is wrong (400). */
    public static final class BadRequest extends EngineException {
        public BadRequest(String message) { super(message); }
    }

    /** The files cannot be deployed; nothing was deployed (422). */
    public static final class DeploymentRejected extends EngineException {
        private final List<DeploymentProblem> problems;

        public DeploymentRejected(List<DeploymentProblem> problems) {
            super(summary(problems));
            this.problems = List.copyOf(problems);
        }

        public List<DeploymentProblem> problems() { return problems; }

        private static String summary(List<DeploymentProblem> problems) {
            long errors = problems.stream().filter(p -> "ERROR".equals(p.severity())).count();
            String first = problems.stream().filter(p -> "ERROR".equals(p.severity())).findFirst()
                    .map(p -> p.file() + (p.elementId() == null ? "" : " [" + p.elementId() + "]") + ": " + p.message()).orElse("");
            return "Nothing was deployed: " + errors + " problem" + (errors == 1 ? "" : "s") + " must be fixed first. " + first;
        }
    }
}
