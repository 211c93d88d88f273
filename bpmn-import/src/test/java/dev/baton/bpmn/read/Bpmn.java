package dev.baton.bpmn.read;

import java.nio.charset.StandardCharsets;

/** Test helper: small inline BPMN documents. */
final class Bpmn {
    static final String OPEN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                id="Definitions_1" targetNamespace="http://example.com/bpmn">
            """;
    static final String CLOSE = "</bpmn:definitions>\n";

    private Bpmn() {}

    /** A document with the usual namespace declarations around the given content. */
    static String definitions(String content) {
        return OPEN + content + CLOSE;
    }

    static ImportResult read(String xml) throws BpmnReadException {
        return new BpmnReader().read(xml.getBytes(StandardCharsets.UTF_8), "test.bpmn");
    }

    static ImportResult readContent(String content) throws BpmnReadException {
        return read(definitions(content));
    }
}
