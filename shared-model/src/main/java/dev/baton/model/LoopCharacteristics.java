package dev.baton.model;

/** How an activity repeats: a standard loop or multi-instance. */
public sealed interface LoopCharacteristics {
    String id();

    Extensions extensions();

    record StandardLoop(String id, Expression loopCondition, boolean testBefore, Integer loopMaximum, Extensions extensions)
            implements LoopCharacteristics {
        public StandardLoop { extensions = Extensions.orNone(extensions); }
    }

    /**
     * @param collection         the collection to iterate (camunda:collection, zeebe inputCollection, or loopDataInputRef)
     * @param elementVariable    the variable each instance sees its item in
     * @param outputCollection   where the instances' results are gathered, or null
     * @param outputElement      the expression giving one instance's result, or null
     */
    record MultiInstance(
            String id,
            boolean sequential,
            Expression loopCardinality,
            Expression collection,
            String elementVariable,
            Expression completionCondition,
            String outputCollection,
            Expression outputElement,
            Extensions extensions) implements LoopCharacteristics {
        public MultiInstance { extensions = Extensions.orNone(extensions); }
    }
}
