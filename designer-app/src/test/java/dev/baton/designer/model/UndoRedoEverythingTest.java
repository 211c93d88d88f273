package dev.baton.designer.model;

import dev.baton.designer.io.BpmnFiles;
import dev.baton.bpmn.xml.SecureXml;
import dev.baton.model.Definitions;
import dev.baton.model.Expression;
import dev.baton.model.SequenceFlow;
import dev.baton.model.Task;
import dev.baton.model.di.Bounds;
import org.junit.jupiter.api.Test;

import javax.xml.transform.stream.StreamSource;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Given a diagram edited in every way the designer offers, undo takes it back to the start and redo forward again. */
class UndoRedoEverythingTest {

    @Test
    void everyKindOfEditUndoesToTheStartAndRedoesToTheEnd() throws Exception {
        DiagramDocument doc = DiagramDocument.blank();
        Modeling m = doc.modeling();
        Definitions start = doc.definitions();
        List<Definitions> states = new ArrayList<>();
        states.add(start);
        java.util.function.Consumer<Command> run = c -> {
            assertThat(doc.execute(c)).as(c.description()).isTrue();
            states.add(doc.definitions());
        };

        Modeling.Created task = m.append(doc.index(), "StartEvent_1", ElementType.USER_TASK);
        run.accept(task.command());
        Modeling.Created gw = m.append(doc.index(), task.id(), ElementType.EXCLUSIVE_GATEWAY);
        run.accept(gw.command());
        Modeling.Created end = m.append(doc.index(), gw.id(), ElementType.END_EVENT);
        run.accept(end.command());
        Modeling.Created other = m.create(doc.index(), ElementType.SERVICE_TASK, 560, 320);
        run.accept(other.command());
        Modeling.Created flow = m.connect(doc.index(), gw.id(), other.id());
        run.accept(flow.command());
        run.accept(m.rename(doc.index(), task.id(), "Approve"));
        run.accept(m.move(doc.index(), List.of(task.id(), gw.id()), 20, 40));
        Bounds tb = doc.index().bounds(task.id());
        run.accept(m.resize(doc.index(), task.id(), new Bounds(tb.x(), tb.y(), 140, 100)));
        Modeling.Created boundary = m.create(doc.index(), ElementType.TIMER_BOUNDARY_EVENT, tb.x() + 70, tb.y() + 100);
        run.accept(boundary.command());
        run.accept(m.changeType(doc.index(), other.id(), ElementType.SCRIPT_TASK));
        run.accept(m.update("Set condition", ((SequenceFlow) doc.index().element(flow.id())).withCondition(Expression.of("${amount > 100}"))));
        run.accept(m.toggleDefaultFlow(doc.index(), doc.index().connectionsOf(end.id()).get(0)));
        run.accept(m.changeId(doc.index(), other.id(), "archive_order"));
        run.accept(m.paste(doc.index(), m.copy(doc.index(), List.of(task.id())), 0, 200, "Paste 1 element").command());
        run.accept(m.align(doc.index(), List.of(task.id(), "archive_order"), Modeling.Alignment.LEFT));
        Modeling.Created annotation = m.create(doc.index(), ElementType.TEXT_ANNOTATION, 300, 60);
        run.accept(annotation.command());
        run.accept(m.connect(doc.index(), annotation.id(), task.id()).command());
        run.accept(m.makeSpace(doc.index(), 300, 80, true));
        Modeling.Created pool = m.create(doc.index(), ElementType.POOL, 300, 200);
        run.accept(pool.command());
        run.accept(m.move(doc.index(), List.of(boundary.id()), 0, 150));
        run.accept(m.delete(doc.index(), List.of(gw.id())));

        Definitions finish = doc.definitions();
        CommandStack stack = doc.commands();
        for (int i = states.size() - 1; i > 0; i--) {
            stack.undo();
            assertThat(stack.current()).isEqualTo(states.get(i - 1));
        }
        assertThat(stack.current()).isSameAs(start);
        assertThat(stack.canUndo()).isFalse();
        while (stack.canRedo()) stack.redo();
        assertThat(stack.current()).isSameAs(finish);

        // what was drawn is valid BPMN 2.0 and reads back with the same elements
        byte[] xml = new BpmnFiles().toXml(finish);
        SecureXml.bpmnSchema().newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        Definitions read = new BpmnFiles().open(xml, "drawn.bpmn").definitions();
        assertThat(read.allFlowElements().map(e -> e.id() + ":" + e.name()).sorted().toList())
                .isEqualTo(finish.allFlowElements().map(e -> e.id() + ":" + e.name()).sorted().toList());
        assertThat(((Task) new DiagramIndex(read).element(task.id())).name()).isEqualTo("Approve");
    }
}
