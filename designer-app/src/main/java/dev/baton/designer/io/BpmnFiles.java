package dev.baton.designer.io;

import dev.baton.bpmn.dialect.DialectMapping;
import dev.baton.bpmn.layout.AutoLayout;
import dev.baton.bpmn.read.BpmnReadException;
import dev.baton.bpmn.read.BpmnReader;
import dev.baton.bpmn.read.ImportResult;
import dev.baton.bpmn.write.BpmnWriter;
import dev.baton.model.Definitions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Opening and saving BPMN files: read, map the vendor dialect, lay out files without diagrams; and back. */
public final class BpmnFiles {

    /** An opened document and what the user should know about it (import warnings, an automatic layout). */
    public record Opened(Definitions definitions, List<String> messages, boolean laidOut) {}

    private final BpmnReader reader = new BpmnReader();
    private final BpmnWriter writer = new BpmnWriter();
    private final AutoLayout layout = new AutoLayout();

    public Opened open(Path file) throws BpmnReadException {
        return finish(reader.read(file));
    }

    public Opened open(byte[] content, String name) throws BpmnReadException {
        return finish(reader.read(content, name));
    }

    private Opened finish(ImportResult result) {
        List<String> messages = new ArrayList<>();
        result.messages().forEach(m -> messages.add(m.toString()));
        DialectMapping.LiftResult lifted = DialectMapping.lift(result.definitions());
        lifted.problems().forEach(p -> messages.add(result.source() + (p.elementId() == null ? "" : " [" + p.elementId() + "]")
                + " " + p.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + p.message()));
        Definitions d = lifted.definitions();
        boolean laidOut = false;
        if (hasNoGeometry(d)) {
            if (!d.processes().isEmpty()) {
                d = layout.layout(d);
                laidOut = true;
                messages.add(result.source() + " info: the file had no complete diagram; Baton laid it out automatically");
            }
        }
        return new Opened(d, messages, laidOut);
    }

    /** Only a file that draws nothing is laid out: a partial diagram is the author's and is kept. */
    static boolean hasNoGeometry(Definitions d) {
        return d.diagrams().stream().allMatch(dia -> dia.plane() == null || dia.plane().elements().isEmpty());
    }

    /** The document as BPMN 2.0 XML with its diagram and the vendor extensions it came with. */
    public byte[] toXml(Definitions d) {
        return writer.write(DialectMapping.lower(d));
    }

    /** Writes next to the target first, so a failed save never leaves half a file. */
    public void save(Definitions d, Path file) throws IOException {
        byte[] xml = toXml(d);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".baton-", ".bpmn");
        try {
            Files.write(tmp, xml);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
