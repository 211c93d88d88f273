package dev.baton.engine;

/** A BPMN file to deploy: its name (for messages) and its bytes. */
public record BpmnFile(String name, byte[] content) {
    public BpmnFile {
        if (content == null) throw new IllegalArgumentException("a BPMN file needs content");
        name = name == null || name.isBlank() ? "process.bpmn" : name;
    }

    public static BpmnFile of(String name, String xml) {
        return new BpmnFile(name, xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
