package dev.baton.designer.model;

import dev.baton.model.Collaboration;
import dev.baton.model.Definitions;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.FlowContent;
import dev.baton.model.Lane;
import dev.baton.model.LaneSet;
import dev.baton.model.Process;
import dev.baton.model.Task;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Diagram;
import dev.baton.model.di.Plane;
import dev.baton.model.di.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Given elements moved onto another subprocess, pool or lane, then they belong to it and no flow crosses a boundary. */
class ReparentTest {

    @Test
    void aTaskDroppedIntoASubprocessMovesInsideAndLosesTheFlowFromOutside() {
        DiagramDocument doc = DiagramDocument.blank();
        Modeling m = doc.modeling();
        Modeling.Created task = m.append(doc.index(), "StartEvent_1", ElementType.TASK);
        doc.execute(task.command());
        Modeling.Created sub = m.create(doc.index(), ElementType.SUB_PROCESS, 500, 450);
        doc.execute(sub.command());
        Bounds tb = doc.index().bounds(task.id()), sb = doc.index().bounds(sub.id());
        doc.execute(m.move(doc.index(), List.of(task.id()), sb.centerX() - tb.centerX(), sb.centerY() - tb.centerY()));
        DiagramIndex idx = doc.index();
        assertThat(idx.container(task.id())).isEqualTo(sub.id());
        assertThat(idx.connectionsOf(task.id())).isEmpty();
        assertThat(idx.plane().edges()).isEmpty();

        doc.commands().undo();
        assertThat(doc.index().container(task.id())).isEqualTo("Process_1");
        assertThat(doc.index().connectionsOf(task.id())).hasSize(1);
    }

    @Test
    void aTaskAndItsFlowMovedTogetherIntoASubprocessKeepTheFlowThere() {
        DiagramDocument doc = DiagramDocument.blank();
        Modeling m = doc.modeling();
        Modeling.Created a = m.create(doc.index(), ElementType.TASK, 300, 400);
        doc.execute(a.command());
        Modeling.Created b = m.append(doc.index(), a.id(), ElementType.TASK);
        doc.execute(b.command());
        Modeling.Created sub = m.create(doc.index(), ElementType.SUB_PROCESS, 900, 400);
        doc.execute(sub.command());
        Bounds sb = doc.index().bounds(sub.id());
        Bounds ab = doc.index().bounds(a.id());
        doc.execute(m.move(doc.index(), List.of(a.id(), b.id()), sb.x() + 20 - ab.x(), sb.centerY() - ab.centerY()));
        DiagramIndex idx = doc.index();
        assertThat(idx.container(a.id())).isEqualTo(sub.id());
        assertThat(idx.container(b.id())).isEqualTo(sub.id());
        String flow = idx.connectionsOf(a.id()).get(0);
        assertThat(idx.container(flow)).isEqualTo(sub.id());
    }

    @Test
    void aNodeMovedToAnotherLaneChangesLanes() {
        Task t = Task.of("T", "Work", ElementKind.TASK);
        Lane laneA = new Lane("LaneA", "Sales", List.of("T"), null, null, null, null);
        Lane laneB = new Lane("LaneB", "Billing", List.of(), null, null, null, null);
        Process p = new Process("P", null, true, null, false,
                new FlowContent(List.of(t), null, List.of(new LaneSet("LS", null, List.of(laneA, laneB), null))), null, null);
        Collaboration c = new Collaboration("C", null, false, List.of(new Collaboration.Participant("Pool", "Shop", "P", null, null)),
                null, null, null, null);
        Plane plane = new Plane("pl", "C", List.of(
                Shape.of("Pool_di", "Pool", new Bounds(0, 0, 600, 400)),
                Shape.of("LaneA_di", "LaneA", new Bounds(30, 0, 570, 200)),
                Shape.of("LaneB_di", "LaneB", new Bounds(30, 200, 570, 200)),
                Shape.of("T_di", "T", new Bounds(100, 60, 100, 80))), null);
        Definitions d = Definitions.of("D", List.of(c, p), List.of(new Diagram("dia", null, null, null, plane, null, null)));
        DiagramDocument doc = new DiagramDocument(d, null);
        doc.execute(doc.modeling().move(doc.index(), List.of("T"), 0, 200));
        assertThat(doc.index().laneOf("T")).isEqualTo("LaneB");
        Process after = doc.definitions().process("P").orElseThrow();
        assertThat(after.content().laneSets().get(0).lanes().get(0).flowNodeRefs()).isEmpty();
        assertThat(after.content().laneSets().get(0).lanes().get(1).flowNodeRefs()).containsExactly("T");
    }

    @Test
    void aTaskMovedIntoAnotherPoolJoinsItsProcessAndItsBoundaryEventComesAlong() {
        DiagramDocument doc = DiagramDocument.blank();
        Modeling m = doc.modeling();
        Modeling.Created task = m.append(doc.index(), "StartEvent_1", ElementType.TASK);
        doc.execute(task.command());
        Bounds tb = doc.index().bounds(task.id());
        Modeling.Created timer = m.create(doc.index(), ElementType.TIMER_BOUNDARY_EVENT, tb.centerX(), tb.maxY());
        doc.execute(timer.command());
        Modeling.Created pool1 = m.create(doc.index(), ElementType.POOL, 300, 180);
        doc.execute(pool1.command());
        Bounds p1 = doc.index().bounds(pool1.id());
        Modeling.Created pool2 = m.create(doc.index(), ElementType.POOL, p1.centerX(), p1.maxY() + 200);
        doc.execute(pool2.command());
        String process2 = ((Collaboration.Participant) doc.index().element(pool2.id())).processRef();
        doc.execute(m.move(doc.index(), List.of(task.id()), 0, doc.index().bounds(pool2.id()).centerY() - tb.centerY()));
        DiagramIndex idx = doc.index();
        assertThat(idx.process(task.id())).isEqualTo(process2);
        assertThat(((Event) idx.element(timer.id())).attachedToRef()).isEqualTo(task.id());
        assertThat(idx.process(timer.id())).isEqualTo(process2);
        assertThat(idx.connectionsOf(task.id())).isEmpty();
    }
}
