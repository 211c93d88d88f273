package dev.baton.bpmn.read;

import dev.baton.bpmn.xml.Namespaces;
import dev.baton.bpmn.xml.SecureXml;
import dev.baton.model.Definitions;
import dev.baton.model.Import;
import dev.baton.model.validation.Severity;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a BPMN 2.0 file, as any tool writes it, into the shared model ({@link Definitions} with its diagrams).
 *
 * <p>The XML is parsed by Baton's secure parser (no DTDs, no external entities) into a DOM that knows each element's
 * line, wrapped into a Camunda BPMN model instance without schema validation, and mapped into the model. What the
 * model has no field for is kept in {@link dev.baton.model.Extensions} so that a writer can put it back unchanged.
 * Thread-safe: each call reads on its own.
 */
public final class BpmnReader {

    public ImportResult read(Path file) throws BpmnReadException {
        String source = file.toString();
        byte[] content;
        try {
            long size = Files.size(file);
            if (size > SecureXml.MAX_DOCUMENT_BYTES) throw tooBig(source, size);
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BpmnReadException(source, 0, 0, "the file does not exist");
        } catch (IOException e) {
            throw new BpmnReadException(source, 0, 0, "the file cannot be read: " + e.getMessage(), e);
        }
        Path folder = file.toAbsolutePath().getParent();
        return read(content, source, folder);
    }

    public ImportResult read(byte[] content, String sourceName) throws BpmnReadException {
        return read(content, sourceName, null);
    }

    private ImportResult read(byte[] content, String source, Path folder) throws BpmnReadException {
        if (content.length > SecureXml.MAX_DOCUMENT_BYTES) throw tooBig(source, content.length);
        if (content.length == 0) throw new BpmnReadException(source, 0, 0, "the file is empty");
        try {
            return readChecked(content, source, folder);
        } catch (RuntimeException e) {
            // a bug of the reader must still reach the user as a message about their file
            throw new BpmnReadException(source, 0, 0, "Baton could not read this file because of an internal error ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); please report it with the file", e);
        }
    }

    private ImportResult readChecked(byte[] content, String source, Path folder) throws BpmnReadException {
        DecodedText text = DecodedText.decode(content, source);
        Document dom = LocatedDom.parse(text.text(), source);
        checkRoot(dom.getDocumentElement(), source);
        BpmnModelInstance instance = LenientBpmnParser.wrapDocument(dom);
        if (!(instance.getDocumentElement() instanceof org.camunda.bpm.model.bpmn.instance.Definitions)) {
            throw new BpmnReadException(source, 1, 0, "the root element is not a BPMN 2.0 definitions element");
        }
        ModelMapper mapper = new ModelMapper(source, dom);
        Definitions definitions = mapper.definitions();
        mapper.reportGeneratedIds();
        mapper.reportDanglingDiagramReferences();
        List<ImportMessage> messages = new ArrayList<>(text.messages());
        messages.addAll(mapper.messages);
        if (folder != null) checkImports(definitions, folder, source, messages);
        return new ImportResult(source, definitions, messages, mapper.elementLines);
    }

    private static BpmnReadException tooBig(String source, long size) {
        return new BpmnReadException(source, 0, 0, String.format(java.util.Locale.ROOT,
                "the file is %.1f MB; Baton reads BPMN files of at most %d MB", size / 1048576.0,
                SecureXml.MAX_DOCUMENT_BYTES / (1024 * 1024)));
    }

    private static void checkRoot(Element root, String source) throws BpmnReadException {
        String ns = root.getNamespaceURI();
        String local = FragmentWriter.localName(root);
        int line = LocatedDom.line(root);
        int column = LocatedDom.column(root);
        if (Namespaces.BPMN.equals(ns) && local.equals("definitions")) return;
        if (local.equals("definitions")) {
            throw new BpmnReadException(source, line, column, "the root element <" + root.getNodeName() + "> is in the namespace "
                    + (ns == null ? "(none)" : "\"" + ns + "\"") + ", not the BPMN 2.0 namespace \"" + Namespaces.BPMN
                    + "\"; it may be a draft-version or non-BPMN file");
        }
        throw new BpmnReadException(source, line, column, "this is not a BPMN 2.0 file: its root element is <" + root.getNodeName()
                + ">" + (ns == null ? "" : " (namespace \"" + ns + "\")") + ", but a BPMN file starts with <definitions> in namespace \""
                + Namespaces.BPMN + "\"");
    }

    /** An import whose file is missing next to the BPMN file is worth a warning; remote locations are not fetched. */
    private static void checkImports(Definitions definitions, Path folder, String source, List<ImportMessage> messages) {
        for (Import i : definitions.imports()) {
            String location = i.location();
            if (location == null || location.isBlank()) continue;
            Path target;
            try {
                URI uri = URI.create(location.strip().replace(" ", "%20"));
                if (uri.getScheme() != null && !uri.getScheme().equalsIgnoreCase("file")) continue;
                target = uri.getScheme() == null ? folder.resolve(uri.getPath()) : Path.of(uri);
            } catch (IllegalArgumentException e) {
                try {
                    target = folder.resolve(location.strip());
                } catch (InvalidPathException notAPath) {
                    continue;
                }
            }
            if (!Files.exists(target)) {
                messages.add(new ImportMessage(Severity.WARNING, source, 0, 0, null, "the import of \"" + location + "\" (namespace "
                        + i.namespace() + ") names a file that is not there (" + target.normalize() + "); what it defines stays unknown"));
            }
        }
    }
}
