package dev.baton.designer.model;

import dev.baton.model.Definitions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandStackTest {

    private final DiagramDocument doc = DiagramDocument.blank();
    private final CommandStack stack = doc.commands();

    @Test
    void anEditCanBeUndoneAndRedoneAndTheMenuNamesIt() {
        Definitions start = stack.current();
        Modeling.Created task = doc.modeling().create(doc.index(), ElementType.TASK, 400, 178);
        assertThat(stack.execute(task.command())).isTrue();
        assertThat(stack.undoDescriptionProperty().get()).isEqualTo("Create task");
        assertThat(stack.isDirty()).isTrue();

        stack.undo();
        assertThat(stack.current()).isSameAs(start);
        assertThat(stack.isDirty()).isFalse();
        assertThat(stack.redoDescriptionProperty().get()).isEqualTo("Create task");

        stack.redo();
        assertThat(new DiagramIndex(stack.current()).contains(task.id())).isTrue();
        assertThat(stack.isDirty()).isTrue();
    }

    @Test
    void anEditThatChangesNothingIsNotPushed() {
        int revision = stack.revisionProperty().get();
        boolean changed = stack.execute(doc.modeling().move(doc.index(), List.of("StartEvent_1"), 0, 0));
        assertThat(changed).isFalse();
        assertThat(stack.canUndo()).isFalse();
        assertThat(stack.revisionProperty().get()).isEqualTo(revision);
    }

    @Test
    void theStackForgetsTheOldestEditsBeyondItsLimit() {
        CommandStack small = new CommandStack(stack.current(), 3);
        Modeling m = new Modeling();
        for (int i = 0; i < 5; i++) small.execute(m.move(new DiagramIndex(small.current()), List.of("StartEvent_1"), 10, 0));
        assertThat(small.undoSize()).isEqualTo(3);
        while (small.canUndo()) small.undo();
        assertThat(new DiagramIndex(small.current()).bounds("StartEvent_1").x()).isEqualTo(200);
    }

    @Test
    void savingClearsTheDirtyMarkAndUndoingPastTheSaveSetsItAgain() {
        stack.execute(doc.modeling().move(doc.index(), List.of("StartEvent_1"), 10, 0));
        stack.markSaved();
        assertThat(stack.isDirty()).isFalse();
        stack.undo();
        assertThat(stack.isDirty()).isTrue();
        stack.redo();
        assertThat(stack.isDirty()).isFalse();
    }

    @Test
    void aCompoundCommandUndoesAsOne() {
        Modeling.Created appended = doc.modeling().append(doc.index(), "StartEvent_1", ElementType.TASK);
        stack.execute(appended.command());
        DiagramIndex idx = doc.index();
        assertThat(idx.contains(appended.id())).isTrue();
        assertThat(idx.connectionsOf("StartEvent_1")).hasSize(1);
        stack.undo();
        assertThat(doc.index().contains(appended.id())).isFalse();
        assertThat(doc.index().connectionsOf("StartEvent_1")).isEmpty();
        assertThat(stack.canUndo()).isFalse();
    }
}
