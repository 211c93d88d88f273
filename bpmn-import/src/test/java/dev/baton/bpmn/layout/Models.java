package dev.baton.bpmn.layout;

import dev.baton.model.ActivitySettings;
import dev.baton.model.Artifact;
import dev.baton.model.Collaboration;
import dev.baton.model.DataAssociation;
import dev.baton.model.DataObjectReference;
import dev.baton.model.Definitions;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowElement;
import dev.baton.model.Gateway;
import dev.baton.model.Lane;
import dev.baton.model.LaneSet;
import dev.baton.model.Process;
import dev.baton.model.RootElement;
import dev.baton.model.SequenceFlow;
import dev.baton.model.SubProcess;
import dev.baton.model.Task;
import java.util.List;

/** Small builders for process models written in test code. */
final class Models {
    private Models() {}

    static Event start(String id, String name) { return Event.of(id, name, ElementKind.START_EVENT, null); }

    static Event end(String id, String name) { return Event.of(id, name, ElementKind.END_EVENT, null); }

    static Event messageCatch(String id, String name) {
        return Event.of(id, name, ElementKind.INTERMEDIATE_CATCH_EVENT, new EventDefinition.Message(null, null, null, null));
    }

    static Event timerBoundary(String id, String name, String host) {
        return Event.boundary(id, name, host, true, new EventDefinition.Timer(null, EventDefinition.TimerKind.DURATION, null, null));
    }

    static Event errorBoundary(String id, String name, String host) {
        return Event.boundary(id, name, host, true, new EventDefinition.Error(null, null, null, null, null));
    }

    static Task task(String id, String name) { return Task.of(id, name, ElementKind.TASK); }

    static Task userTask(String id, String name) { return Task.of(id, name, ElementKind.USER_TASK); }

    static Task taskWithData(String id, String name, List<DataAssociation> in, List<DataAssociation> out) {
        return Task.of(id, name, ElementKind.SERVICE_TASK)
                .withActivity(new ActivitySettings(false, null, null, false, false, null, null, in, out, null, null));
    }

    static Gateway xor(String id, String name) { return Gateway.of(id, name, ElementKind.EXCLUSIVE_GATEWAY); }

    static Gateway and(String id) { return Gateway.of(id, null, ElementKind.PARALLEL_GATEWAY); }

    static SequenceFlow flow(String id, String source, String target) { return SequenceFlow.of(id, source, target); }

    static SequenceFlow flow(String id, String source, String target, String name) {
        return new SequenceFlow(id, name, source, target, null, null, null, null);
    }

    static DataObjectReference dataRef(String id, String name) {
        return new DataObjectReference(id, name, null, null, null, null);
    }

    static Artifact.TextAnnotation note(String id, String text) {
        return new Artifact.TextAnnotation(id, text, null, null, null);
    }

    static Artifact.Association association(String id, String source, String target) {
        return new Artifact.Association(id, source, target, "None", null, null);
    }

    static SubProcess subProcess(String id, String name, FlowContent content) {
        return new SubProcess(id, name, ElementKind.SUB_PROCESS, content, null, null, null, null, null);
    }

    static SubProcess eventSubProcess(String id, String name, FlowContent content) {
        return new SubProcess(id, name, ElementKind.EVENT_SUB_PROCESS, content, null, null, null, null, null);
    }

    static FlowContent content(FlowElement... elements) { return new FlowContent(List.of(elements), null, null); }

    static Lane lane(String id, String name, String... nodes) {
        return new Lane(id, name, List.of(nodes), null, null, null, null);
    }

    static Lane parentLane(String id, String name, Lane... children) {
        return new Lane(id, name, List.of(), new LaneSet(id + "_set", null, List.of(children), null), null, null, null);
    }

    static LaneSet laneSet(String id, Lane... lanes) { return new LaneSet(id, null, List.of(lanes), null); }

    static Definitions definitions(RootElement... roots) { return Definitions.of("defs", List.of(roots), List.of()); }

    static Process process(String id, FlowContent content) { return Process.of(id, id, content); }

    static Collaboration.Participant pool(String id, String name, String process) {
        return new Collaboration.Participant(id, name, process, null, null);
    }

    static Collaboration.MessageFlow message(String id, String source, String target) {
        return new Collaboration.MessageFlow(id, null, source, target, null, null, null);
    }
}
