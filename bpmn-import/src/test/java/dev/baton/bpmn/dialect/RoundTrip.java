package dev.baton.bpmn.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.Definitions;

/** The property every mapping keeps: lower undoes lift for the file, and lift after lower gives the same model. */
final class RoundTrip {
    private RoundTrip() {}

    /** Lifts x, lowers it again and checks both directions; answers the lifted result. */
    static DialectMapping.LiftResult check(Definitions x) {
        DialectMapping.LiftResult lifted = DialectMapping.lift(x);
        Definitions lowered = DialectMapping.lower(lifted.definitions());
        assertThat(Models.canonical(lowered)).as("the extensions written back equal the file's").isEqualTo(Models.canonical(x));
        assertThat(DialectMapping.lift(lowered).definitions()).as("lift(lower(lift(x))) equals lift(x)").isEqualTo(lifted.definitions());
        return lifted;
    }
}
