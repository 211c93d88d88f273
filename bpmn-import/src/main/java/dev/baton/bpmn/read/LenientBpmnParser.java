package dev.baton.bpmn.read;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnParser;
import org.camunda.bpm.model.xml.impl.instance.DomDocumentImpl;
import org.camunda.bpm.model.xml.instance.DomDocument;
import org.w3c.dom.Document;

/**
 * Wraps a DOM that Baton's secure parser built into a Camunda BPMN model instance, without schema validation:
 * real files are rarely schema-valid, and the reader reports problems itself.
 */
final class LenientBpmnParser extends BpmnParser {
    /** Made once, on first use: Camunda's parser compiles the BPMN schema in its constructor. */
    private static final class Shared {
        static final LenientBpmnParser INSTANCE = new LenientBpmnParser();
    }

    private LenientBpmnParser() {}

    /** Wraps the document; safe from several threads, since wrapping keeps no state in the parser. */
    static BpmnModelInstance wrapDocument(Document document) {
        return Shared.INSTANCE.wrap(document);
    }

    @Override
    public void validateModel(DomDocument document) {
        // deliberately lenient: see the class comment
    }

    private BpmnModelInstance wrap(Document document) {
        return createModelInstance(new DomDocumentImpl(document));
    }
}
