package dev.baton.bpmn;

import dev.baton.bpmn.dialect.DialectMapping;
import dev.baton.bpmn.layout.AutoLayout;
import dev.baton.bpmn.read.BpmnReadException;
import dev.baton.bpmn.read.BpmnReader;
import dev.baton.bpmn.read.ImportMessage;
import dev.baton.bpmn.read.ImportResult;
import dev.baton.bpmn.write.BpmnWriter;
import dev.baton.model.Definitions;
import dev.baton.model.validation.Problem;
import dev.baton.model.validation.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one entry point the CLI, the engine and the designer use for BPMN files: read (with vendor dialects mapped
 * into typed settings), write (typed settings back into the file's dialect), lay out, validate.
 */
public final class BpmnFiles {
    private BpmnFiles() {}

    public static ImportResult read(Path file) throws BpmnReadException {
        return lift(new BpmnReader().read(file));
    }

    public static ImportResult read(byte[] content, String sourceName) throws BpmnReadException {
        return lift(new BpmnReader().read(content, sourceName));
    }

    /** BPMN 2.0 XML with DI, UTF-8. */
    public static byte[] write(Definitions definitions) {
        return new BpmnWriter().write(DialectMapping.lower(definitions));
    }

    /** The same semantics with a freshly laid out diagram. */
    public static Definitions layout(Definitions definitions) {
        return new AutoLayout().layout(definitions);
    }

    /** Modelling (bpmnlint's recommended rules) and executability problems. */
    public static List<Problem> validate(Definitions definitions) {
        return new Validator().validate(definitions);
    }

    /** Maps vendor dialects into typed settings; what is kept but not mapped becomes a message of the import. */
    private static ImportResult lift(ImportResult raw) {
        DialectMapping.LiftResult lifted = DialectMapping.lift(raw);
        List<ImportMessage> messages = new ArrayList<>(raw.messages());
        for (Problem p : lifted.problems()) {
            messages.add(new ImportMessage(p.severity(), raw.source(), p.line(), 0, p.elementId(), p.message()));
        }
        return new ImportResult(raw.source(), lifted.definitions(), messages, raw.elementLines());
    }
}
