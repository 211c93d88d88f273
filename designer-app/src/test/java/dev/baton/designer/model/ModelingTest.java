package dev.baton.designer.model;

import dev.baton.model.Collaboration;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.Gateway;
import dev.baton.model.Lane;
import dev.baton.model.SequenceFlow;
import dev.baton.model.Task;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Point;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The modeling layer without any UI: given a small process, when the user edits it, then semantics and DI agree. */
class ModelingTest {

    private final DiagramDocument doc = DiagramDocument.blank();
    private final Modeling m = doc.modeling();

    private String run(Modeling.Created c) {
        assertThat(doc.execute(c.command())).isTrue();
        return c.id();
    }

    private void run(Command c) { assertThat(doc.execute(c)).isTrue(); }

    @Test
    void appendingATaskConnectsItWithASequenceFlowWhoseEdgeJoinsTheShapes() {
        String task = run(m.append(doc.index(), "StartEvent_1", ElementType.TASK));
        DiagramIndex idx = doc.index();
        String flow = idx.connectionsOf(task).get(0);
        SequenceFlow f = (SequenceFlow) idx.element(flow);
        assertThat(f.sourceRef()).isEqualTo("StartEvent_1");
        assertThat(f.targetRef()).isEqualTo(task);
        List<Point> wp = idx.edge(flow).waypoints();
        assertThat(wp.get(0)).isEqualTo(new Point(216, 178));
        assertThat(wp.get(wp.size() - 1).x()).isEqualTo(idx.bounds(task).x());
        assertThat(idx.container(task)).isEqualTo("Process_1");
    }

    @Test
    void movingATaskMovesItsBoundaryEventsAndReroutesItsFlows() {
        String task = run(m.append(doc.index(), "StartEvent_1", ElementType.TASK));
        Bounds tb = doc.index().bounds(task);
        String timer = run(m.create(doc.index(), ElementType.TIMER_BOUNDARY_EVENT, tb.centerX(), tb.maxY()));
        assertThat(((Event) doc.index().element(timer)).attachedToRef()).isEqualTo(task);
        Bounds before = doc.index().bounds(timer);

        run(m.move(doc.index(), List.of(task), 50, 100));
        DiagramIndex idx = doc.index();
        assertThat(idx.bounds(timer)).isEqualTo(before.translate(50, 100));
        String flow = idx.connectionsOf("StartEvent_1").get(0);
        List<Point> wp = idx.edge(flow).waypoints();
        assertThat(wp.get(wp.size() - 1)).isEqualTo(new Point(idx.bounds(task).x(), idx.bounds(task).centerY()));
        assertThat(doc.commands().undoDescriptionProperty().get()).startsWith("Move");
    }

    @Test
    void movingSeveralElementsIsDescribedWithTheirCount() {
        String task = run(m.append(doc.index(), "StartEvent_1", ElementType.TASK));
        String end = run(m.append(doc.index(), task, ElementType.END_EVENT));
        run(m.move(doc.index(), List.of("StartEvent_1", task, end), 10, 10));
        assertThat(doc.commands().undoDescriptionProperty().get()).isEqualTo("Move 3 elements");
    }

    @Test
    void deletingANodeDeletesItsFlowsAndTheirEdges() {
        String task = run(m.append(doc.index(), "StartEvent_1", ElementType.TASK));
        String end = run(m.append(doc.index(), task, ElementType.END_EVENT));
        List<String> flows = List.copyOf(doc.index().connectionsOf(task));
        run(m.delete(doc.index(), List.of(task)));
        DiagramIndex idx = doc.index();
        assertThat(idx.contains(task)).isFalse();
        flows.forEach(f -> {
            assertThat(idx.contains(f)).isFalse();
            assertThat(idx.edge(f)).isNull();
        });
        assertThat(idx.shape(task)).isNull();
        assertThat(idx.contains(end)).isTrue();
    }

    @Test
    void deletingAnActivityDeletesItsBoundaryEvents() {
        String task = run(m.append(doc.index(), "StartEvent_1", ElementType.TASK));
        Bounds tb = doc.index().bounds(task);
        String err = run(m.create(doc.index(), ElementType.ERROR_BOUNDARY_EVENT, tb.maxX(), tb.centerY()));
        run(m.delete(doc.index(), List.of(task)));
        assertThat(doc.index().contains(err)).isFalse();
        assertThat(doc.index().shape(err)).isNull();
    }

    @Test
    void aBoundaryEventNeedsAnActivity() {
        assertThatThrownBy(() -> run(m.create(doc.index(), ElementType.TIMER_BOUNDARY_EVENT, 600, 600)))
                .isInstanceOf(ModelingException.class).hasMessageContaining("border of a task");
    }

    @Test
    void aBoundaryEventMovedOffItsHostIsDetachedAndCanBeAttachedAgain() {
        String task = run(m.append(doc.index(), "StartEvent_1", ElementType.TASK));
        Bounds tb = doc.index().bounds(task);
        String ev = run(m.create(doc.index(), ElementType.MESSAGE_BOUNDARY_EVENT, tb.centerX(), tb.maxY()));
        run(m.move(doc.index(), List.of(ev), 0, 200));
        Event free = (Event) doc.index().element(ev);
        assertThat(free.kind()).isEqualTo(ElementKind.INTERMEDIATE_CATCH_EVENT);
        assertThat(free.attachedToRef()).isNull();
        assertThat(doc.commands().undoDescriptionProperty().get()).startsWith("Detach");

        run(m.move(doc.index(), List.of(ev), 0, -200));
        Event again = (Event) doc.index().element(ev);
        assertThat(again.kind()).isEqualTo(ElementKind.BOUNDARY_EVENT);
        assertThat(again.attachedToRef()).isEqualTo(task);
    }

    @Test
    void sequenceFlowsStayInsideOneProcessLevelAndMessageFlowsGoBetweenPools() {
        String task = run(m.append(doc.index(), "StartEvent_1", ElementType.TASK));
        assertThat(Rules.connection(doc.index(), task, "StartEvent_1")).isEmpty();
        String end = run(m.create(doc.index(), ElementType.END_EVENT, 600, 178));
        assertThat(Rules.connection(doc.index(), end, task)).isEmpty();
        assertThat(Rules.connection(doc.index(), task, end)).contains(Rules.ConnectionKind.SEQUENCE_FLOW);

        String pool1 = run(m.create(doc.index(), ElementType.POOL, 300, 180));
        Collaboration.Participant p1 = (Collaboration.Participant) doc.index().element(pool1);
        assertThat(p1.processRef()).isEqualTo("Process_1");
        Bounds pb = doc.index().bounds(pool1);
        assertThat(pb.contains(doc.index().bounds(task))).isTrue();

        String pool2 = run(m.create(doc.index(), ElementType.POOL, pb.centerX(), pb.maxY() + 200));
        Bounds p2b = doc.index().bounds(pool2);
        String other = run(m.create(doc.index(), ElementType.TASK, doc.index().bounds(task).centerX(), p2b.centerY()));
        assertThat(doc.index().process(other)).isEqualTo(((Collaboration.Participant) doc.index().element(pool2)).processRef());
        assertThat(Rules.connection(doc.index(), task, other)).contains(Rules.ConnectionKind.MESSAGE_FLOW);
        String mf = run(m.connect(doc.index(), task, other));
        assertThat(doc.index().element(mf)).isInstanceOf(Collaboration.MessageFlow.class);
        assertThat(doc.index().edge(mf).waypoints()).hasSize(2);
    }

    @Test
    void flowNodesCannotBeDroppedOutsideThePoolsOfACollaboration() {
        run(m.create(doc.index(), ElementType.POOL, 300, 180));
        assertThatThrownBy(() -> m.create(doc.index(), ElementType.TASK, 2000, 2000).command().execute(doc.definitions()))
                .isInstanceOf(ModelingException.class).hasMessageContaining("inside a pool");
    }

    @Test
    void changingATaskIntoAGatewayKeepsIdNameAndFlows() {
        String task = run(m.append(doc.index(), "StartEvent_1", ElementType.TASK));
        run(m.rename(doc.index(), task, "Decide"));
        run(m.changeType(doc.index(), task, ElementType.EXCLUSIVE_GATEWAY));
        DiagramIndex idx = doc.index();
        assertThat(idx.element(task)).isInstanceOf(Gateway.class);
        assertThat(((Gateway) idx.element(task)).name()).isEqualTo("Decide");
        assertThat(idx.connectionsOf(task)).hasSize(1);
        assertThat(idx.bounds(task).width()).isEqualTo(50);
        assertThat(idx.shape(task).markerVisible()).isTrue();
    }

    @Test
    void changingAnIdRewritesFlowsAndDiagram() {
        String task = run(m.append(doc.index(), "StartEvent_1", ElementType.TASK));
        run(m.changeId(doc.index(), task, "check_order"));
        DiagramIndex idx = doc.index();
        assertThat(idx.contains(task)).isFalse();
        assertThat(idx.shape("check_order")).isNotNull();
        String flow = idx.connectionsOf("check_order").get(0);
        assertThat(((SequenceFlow) idx.element(flow)).targetRef()).isEqualTo("check_order");
        assertThatThrownBy(() -> m.changeId(idx, "check_order", "StartEvent_1")).hasMessageContaining("already used");
        assertThatThrownBy(() -> m.changeId(idx, "check_order", "1abc")).hasMessageContaining("must start with");
    }

    @Test
    void copyAndPasteMakesFreshIdsAndCopiesTheFlowBetweenCopiedNodes() {
        String task = run(m.append(doc.index(), "StartEvent_1", ElementType.USER_TASK));
        run(m.rename(doc.index(), task, "Approve"));
        Modeling.Clipboard clip = m.copy(doc.index(), List.of("StartEvent_1", task));
        Modeling.Pasted pasted = m.paste(doc.index(), clip, 0, 200, "Paste 2 elements");
        run(pasted.command());
        DiagramIndex idx = doc.index();
        assertThat(pasted.ids()).hasSize(3).doesNotContain("StartEvent_1", task);
        String copyTask = pasted.ids().stream().filter(i -> idx.element(i) instanceof Task).findFirst().orElseThrow();
        assertThat(((Task) idx.element(copyTask)).name()).isEqualTo("Approve");
        assertThat(idx.bounds(copyTask)).isEqualTo(idx.bounds(task).translate(0, 200));
        assertThat(idx.connectionsOf(copyTask)).hasSize(1);
        String copiedFlow = idx.connectionsOf(copyTask).get(0);
        assertThat(((SequenceFlow) idx.element(copiedFlow)).sourceRef()).isNotEqualTo("StartEvent_1");
    }

    @Test
    void alignAndDistributeMoveShapesIntoLine() {
        String a = run(m.create(doc.index(), ElementType.TASK, 400, 100));
        String b = run(m.create(doc.index(), ElementType.TASK, 600, 160));
        String c = run(m.create(doc.index(), ElementType.TASK, 700, 130));
        run(m.align(doc.index(), List.of(a, b, c), Modeling.Alignment.TOP));
        DiagramIndex idx = doc.index();
        assertThat(idx.bounds(b).y()).isEqualTo(idx.bounds(a).y());
        assertThat(idx.bounds(c).y()).isEqualTo(idx.bounds(a).y());
        run(m.distribute(doc.index(), List.of(a, b, c), true));
        idx = doc.index();
        assertThat(idx.bounds(b).centerX()).isEqualTo(550);
        assertThat(doc.commands().undoDescriptionProperty().get()).isEqualTo("Distribute 3 elements horizontally");
    }

    @Test
    void resizingKeepsBoundaryEventsOnTheSameSide() {
        String task = run(m.append(doc.index(), "StartEvent_1", ElementType.TASK));
        Bounds tb = doc.index().bounds(task);
        String ev = run(m.create(doc.index(), ElementType.TIMER_BOUNDARY_EVENT, tb.centerX(), tb.maxY()));
        run(m.resize(doc.index(), task, new Bounds(tb.x(), tb.y(), 200, 160)));
        Bounds eb = doc.index().bounds(ev);
        assertThat(eb.centerY()).isEqualTo(tb.y() + 160);
        assertThat(eb.centerX()).isEqualTo(tb.x() + 100);
    }

    @Test
    void theSpaceToolPushesEverythingBeyondTheLine() {
        String task = run(m.append(doc.index(), "StartEvent_1", ElementType.TASK));
        Bounds tb = doc.index().bounds(task);
        run(m.makeSpace(doc.index(), 250, 100, true));
        assertThat(doc.index().bounds(task)).isEqualTo(tb.translate(100, 0));
        assertThat(doc.index().bounds("StartEvent_1").x()).isEqualTo(180);
    }

    @Test
    void aDataObjectGetsItsDataObjectAndConnectsAsInput() {
        String task = run(m.append(doc.index(), "StartEvent_1", ElementType.TASK));
        String data = run(m.create(doc.index(), ElementType.DATA_OBJECT, 300, 350));
        assertThat(Rules.connection(doc.index(), data, task)).contains(Rules.ConnectionKind.DATA_INPUT);
        String assoc = run(m.connect(doc.index(), data, task));
        assertThat(doc.index().edge(assoc)).isNotNull();
        run(m.delete(doc.index(), List.of(data)));
        assertThat(doc.index().contains(assoc)).isFalse();
        assertThat(doc.index().edge(assoc)).isNull();
    }

    @Test
    void aNamedEventGetsALabelThatMovesOnItsOwnAndWithItsEvent() {
        run(m.rename(doc.index(), "StartEvent_1", "Order received"));
        Bounds label = doc.index().shape("StartEvent_1").label().bounds();
        assertThat(label.y()).isGreaterThan(doc.index().bounds("StartEvent_1").maxY());
        run(m.moveLabel(doc.index(), "StartEvent_1", 30, 10));
        assertThat(doc.index().shape("StartEvent_1").label().bounds()).isEqualTo(label.translate(30, 10));
        run(m.move(doc.index(), List.of("StartEvent_1"), 0, 100));
        assertThat(doc.index().shape("StartEvent_1").label().bounds()).isEqualTo(label.translate(30, 110));
    }

    @Test
    void addingLanesSplitsThePoolAndPushesWhatIsBelowDown() {
        String task = run(m.append(doc.index(), "StartEvent_1", ElementType.TASK));
        String pool = run(m.create(doc.index(), ElementType.POOL, 300, 180));
        Bounds before = doc.index().bounds(pool);
        String other = run(m.create(doc.index(), ElementType.POOL, before.centerX(), before.maxY() + 200));
        Bounds otherBefore = doc.index().bounds(other);
        run(m.addLane(doc.index(), pool));
        DiagramIndex idx = doc.index();
        assertThat(idx.bounds(pool).height()).isEqualTo(before.height() + 120);
        assertThat(idx.bounds(other)).isEqualTo(otherBefore.translate(0, 120));
        assertThat(idx.laneOf(task)).isNotNull();
        assertThat(idx.laneOf("StartEvent_1")).isEqualTo(idx.laneOf(task));
        String firstLane = idx.laneOf(task);
        run(m.addLane(doc.index(), pool));
        assertThat(doc.definitions().process("Process_1").orElseThrow().content().laneSets().get(0).lanes()).hasSize(3);
        assertThat(doc.index().laneOf(task)).isEqualTo(firstLane);
    }

    @Test
    void aFlowIsRoutedAroundAShapeInItsWay() {
        String a = run(m.create(doc.index(), ElementType.TASK, 300, 400));
        String b = run(m.create(doc.index(), ElementType.TASK, 700, 400));
        String between = run(m.create(doc.index(), ElementType.TASK, 500, 400));
        String flow = run(m.connect(doc.index(), a, b));
        List<Point> wp = doc.index().edge(flow).waypoints();
        Bounds obstacle = doc.index().bounds(between);
        assertThat(Routing.clear(wp, List.of(obstacle))).as("route " + wp).isTrue();
        assertThat(wp.get(0).y()).isGreaterThanOrEqualTo(doc.index().bounds(a).centerY());
        // and it is re-routed straight once the way is free
        run(m.move(doc.index(), List.of(between), 0, 300));
        run(m.move(doc.index(), List.of(b), 10, 0));
        assertThat(doc.index().edge(flow).waypoints()).hasSize(2);
    }

    @Test
    void aFlowCanBeBentByHandAndReconnectedWhereTheRulesAllow() {
        String task = run(m.append(doc.index(), "StartEvent_1", ElementType.TASK));
        String other = run(m.create(doc.index(), ElementType.TASK, 400, 400));
        String end = run(m.create(doc.index(), ElementType.END_EVENT, 700, 178));
        String flow = doc.index().connectionsOf(task).get(0);
        List<Point> bent = List.of(new Point(216, 178), new Point(250, 178), new Point(250, 120), new Point(doc.index().bounds(task).x(), 120));
        run(m.setWaypoints(doc.index(), flow, bent));
        assertThat(doc.index().edge(flow).waypoints()).isEqualTo(bent);
        assertThat(doc.commands().undoDescriptionProperty().get()).startsWith("Move bendpoint");

        run(m.reconnect(doc.index(), flow, false, other));
        assertThat(((SequenceFlow) doc.index().element(flow)).targetRef()).isEqualTo(other);
        assertThat(doc.index().connectionsOf(task)).isEmpty();
        assertThatThrownBy(() -> m.reconnect(doc.index(), flow, true, end)).hasMessageContaining("Cannot connect");
    }

    @Test
    void resizingALaneMovesTheBorderWithTheNextLaneOrGrowsThePool() {
        String pool = run(m.create(doc.index(), ElementType.POOL, 300, 180));
        run(m.addLane(doc.index(), pool));
        List<Lane> lanes = doc.definitions().process("Process_1").orElseThrow().content().laneSets().get(0).lanes();
        String top = lanes.get(0).id(), bottom = lanes.get(1).id();
        Bounds tb = doc.index().bounds(top), bb = doc.index().bounds(bottom), pb = doc.index().bounds(pool);
        run(m.resize(doc.index(), top, new Bounds(tb.x(), tb.y(), tb.width() + 50, tb.height() - 30)));
        assertThat(doc.index().bounds(top)).isEqualTo(new Bounds(tb.x(), tb.y(), tb.width(), tb.height() - 30));
        assertThat(doc.index().bounds(bottom)).isEqualTo(new Bounds(bb.x(), bb.y() - 30, bb.width(), bb.height() + 30));
        run(m.resize(doc.index(), bottom, new Bounds(bb.x(), bb.y() - 30, bb.width(), bb.height() + 80)));
        assertThat(doc.index().bounds(pool).height()).isEqualTo(pb.height() + 50);
    }
}
