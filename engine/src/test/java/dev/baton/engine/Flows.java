package dev.baton.engine;

import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.InstanceView;
import dev.baton.model.api.StartInstanceRequest;
import dev.baton.model.api.TaskView;
import dev.baton.model.api.TokenView;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small steps tests use to drive instances: start, complete the task at an element, look at tokens and history. */
final class Flows {
    private Flows() {}

    static String start(BatonEngine engine, String processId, Map<String, Object> variables) {
        return engine.startInstance(processId, new StartInstanceRequest(variables, null, null)).instance().id();
    }

    static void complete(BatonEngine engine, String instanceId, String elementId, Map<String, Object> variables) {
        TaskView task = engine.tasks(null, null, null, instanceId).stream().filter(t -> t.elementId().equals(elementId)).findFirst()
                .orElseThrow(() -> new AssertionError("no open task at " + elementId + " in " + engine.instance(instanceId)));
        engine.completeTask(task.id(), variables);
    }

    static List<String> tokenElements(BatonEngine engine, String instanceId) {
        return engine.instance(instanceId).tokens().stream().map(TokenView::elementId).sorted().toList();
    }

    static List<String> entered(BatonEngine engine, String instanceId) {
        return engine.history(instanceId).stream().filter(e -> e.type().equals("ELEMENT_ENTERED")).map(HistoryEvent::elementId).toList();
    }

    static InstanceView awaitState(BatonEngine engine, String id, InstanceState state) {
        Engines.await(Duration.ofSeconds(20), "instance " + id + " is " + state, () -> engine.instance(id).state() == state);
        return engine.instance(id);
    }

    static void awaitTokensAt(BatonEngine engine, String id, String... elements) {
        List<String> want = java.util.Arrays.stream(elements).sorted().toList();
        Engines.await(Duration.ofSeconds(20), "tokens of " + id + " are at " + want, () -> tokenElements(engine, id).equals(want));
    }

    /** The multi-instance body's local variables at the element, as its history of local variable changes tells them. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> bodyCounters(BatonEngine engine, String id, String elementId) {
        List<HistoryEvent> local = engine.history(id).stream().filter(e -> e.type().equals("VARIABLES_CHANGED")
                && elementId.equals(e.elementId()) && Boolean.TRUE.equals(e.payload().get("local"))).toList();
        String body = local.stream().filter(e -> ((Map<String, Object>) e.payload().get("variables")).containsKey("nrOfInstances"))
                .map(HistoryEvent::tokenId).findFirst().orElseThrow(() -> new AssertionError("no multi-instance body at " + elementId));
        Map<String, Object> counters = new LinkedHashMap<>();
        for (HistoryEvent e : local) if (body.equals(e.tokenId())) counters.putAll((Map<String, Object>) e.payload().get("variables"));
        return counters;
    }

    /** Waits until the instance's call activity has called a child instance, and returns the first child's id. */
    static String awaitCalledChild(BatonEngine engine, String parent) {
        Engines.await(Duration.ofSeconds(20), "instance " + parent + " called a child", () -> !engine.family(parent).childInstanceIds().isEmpty());
        return engine.family(parent).childInstanceIds().get(0);
    }
}
