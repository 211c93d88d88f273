package dev.baton.bpmn.write;

import dev.baton.bpmn.write.XmlTree.Element;
import dev.baton.bpmn.xml.Namespaces;
import dev.baton.model.Definitions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a BPMN document as BPMN 2.0 XML with diagram interchange, the way bpmn.io and Camunda Modeler write it:
 * UTF-8, {@code bpmn:}, {@code bpmndi:}, {@code dc:} and {@code di:} prefixes, children in the order the BPMN 2.0 schema
 * requires, so that the output validates against it.
 *
 * <p>What Baton keeps without modelling is written back: foreign attributes, extension elements, BPMN children and root
 * elements the model has no field for, and every other namespace declaration of the source document. Vendor elements
 * that real files put into extensionElements in the BPMN namespace or in no namespace (which the schema refuses there)
 * are moved into {@value #KEPT_NAMESPACE} so the file still validates.
 *
 * <p>Typed execution settings (implementations, I/O mappings, retries, ...) are not written here: lower them into
 * vendor extensions first (the dialect mapping does that). A writer holds no state: one instance may write many
 * documents, also from several threads.
 */
public final class BpmnWriter {
    /** Where vendor content that the schema refuses in its original namespace is kept. */
    public static final String KEPT_NAMESPACE = "https://baton.dev/schema/bpmn/kept/1.0";
    static final String KEPT_PREFIX = "kept";

    public byte[] write(Definitions d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            write(d, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    public String writeString(Definitions d) {
        return new String(write(d), StandardCharsets.UTF_8);
    }

    /** Writes the document to the stream as UTF-8; the stream is flushed, not closed. */
    public void write(Definitions d, OutputStream out) throws IOException {
        Objects.requireNonNull(d, "definitions");
        Objects.requireNonNull(out, "out");
        PrefixTable prefixes = new PrefixTable();
        prefixes.fixed("bpmn", Namespaces.BPMN);
        prefixes.fixed("bpmndi", Namespaces.BPMNDI);
        prefixes.fixed("dc", Namespaces.DC);
        prefixes.fixed("di", Namespaces.DI);
        // xsi is declared when an expression type needs it (or the source declared it)
        for (Map.Entry<String, String> ns : d.namespaces().entrySet()) prefixes.declareFromSource(ns.getKey(), ns.getValue());
        Element root = new SemanticWriter(new FragmentParser(prefixes)).definitions(d);
        XmlPrinter.bindNamespaces(root, prefixes);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        XmlPrinter.print(root, prefixes, w);
        w.flush();
    }
}
