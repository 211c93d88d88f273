package dev.baton.designer.model;

import dev.baton.model.Definitions;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Undo and redo of every edit of one document. Bounded; a no-op edit is never pushed. The revision counts the
 * state the user sees; the document is dirty when it differs from the revision last saved.
 */
public final class CommandStack {

    /** A done edit and the documents before and after it. */
    private record Done(Command command, Definitions before, Definitions after) {}

    private final int limit;
    private final Deque<Done> undo = new ArrayDeque<>();
    private final Deque<Done> redo = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<Definitions> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision", 0);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty", false);
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper(this, "undoDescription", null);
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper(this, "redoDescription", null);
    private int nextRevision = 1;
    private int savedRevision = 0;
    /** The revision of each state: a redo returns to the exact revision, so "dirty" is right after undo-redo. */
    private final Deque<Integer> undoRevisions = new ArrayDeque<>();
    private final Deque<Integer> redoRevisions = new ArrayDeque<>();

    public CommandStack(Definitions initial, int limit) {
        if (limit < 1) throw new IllegalArgumentException("a command stack needs room for at least one edit, got " + limit);
        this.limit = limit;
        this.current.set(Objects.requireNonNull(initial, "initial document"));
    }

    public CommandStack(Definitions initial) { this(initial, 200); }

    /** Runs the command; returns false (and pushes nothing) when it changed nothing. */
    public boolean execute(Command command) {
        Definitions before = current.get();
        Definitions after = command.execute(before);
        if (after == null || after == before || after.equals(before)) return false;
        undo.push(new Done(command, before, after));
        undoRevisions.push(revision.get());
        if (undo.size() > limit) {
            undo.removeLast();
            undoRevisions.removeLast();
        }
        redo.clear();
        redoRevisions.clear();
        moveTo(after, nextRevision++);
        return true;
    }

    public boolean canUndo() { return !undo.isEmpty(); }

    public boolean canRedo() { return !redo.isEmpty(); }

    public void undo() {
        if (undo.isEmpty()) return;
        Done done = undo.pop();
        redo.push(done);
        redoRevisions.push(revision.get());
        moveTo(done.before(), undoRevisions.pop());
    }

    public void redo() {
        if (redo.isEmpty()) return;
        Done done = redo.pop();
        undo.push(done);
        undoRevisions.push(revision.get());
        moveTo(done.after(), redoRevisions.pop());
    }

    /** Replaces the document without an undo entry (a file was reloaded) and forgets the history. */
    public void reset(Definitions document) {
        undo.clear();
        redo.clear();
        undoRevisions.clear();
        redoRevisions.clear();
        moveTo(document, nextRevision++);
        markSaved();
    }

    public void markSaved() {
        savedRevision = revision.get();
        dirty.set(false);
    }

    public Definitions current() { return current.get(); }

    public ReadOnlyObjectProperty<Definitions> currentProperty() { return current.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty revisionProperty() { return revision.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    public boolean isDirty() { return dirty.get(); }

    /** "Move 3 elements", or null when there is nothing to undo. */
    public ReadOnlyStringProperty undoDescriptionProperty() { return undoDescription.getReadOnlyProperty(); }

    public ReadOnlyStringProperty redoDescriptionProperty() { return redoDescription.getReadOnlyProperty(); }

    public int undoSize() { return undo.size(); }

    private void moveTo(Definitions document, int newRevision) {
        undoDescription.set(undo.isEmpty() ? null : undo.peek().command().description());
        redoDescription.set(redo.isEmpty() ? null : redo.peek().command().description());
        dirty.set(newRevision != savedRevision);
        current.set(document);
        revision.set(newRevision);
    }
}
