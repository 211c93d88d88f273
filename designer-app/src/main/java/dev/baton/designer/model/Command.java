package dev.baton.designer.model;

import dev.baton.model.Definitions;

import java.util.List;

/**
 * One edit of a diagram. The document is immutable, so executing a command returns the new document; undo is
 * restoring the document the command started from (the stack keeps it).
 */
public interface Command {

    /** What the edit does, in the user's words; the menu shows "Undo " + this. */
    String description();

    /** The document after this edit. Returning the same instance means the edit changed nothing. */
    Definitions execute(Definitions before);

    static Command of(String description, java.util.function.UnaryOperator<Definitions> edit) {
        return new Command() {
            @Override public String description() { return description; }
            @Override public Definitions execute(Definitions before) { return edit.apply(before); }
            @Override public String toString() { return description; }
        };
    }

    /** Several commands that undo and redo together, in order. */
    static Command compound(String description, List<Command> parts) {
        List<Command> copy = List.copyOf(parts);
        return of(description, before -> {
            Definitions d = before;
            for (Command c : copy) d = c.execute(d);
            return d;
        });
    }
}
