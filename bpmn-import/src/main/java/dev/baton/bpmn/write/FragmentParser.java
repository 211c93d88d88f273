package dev.baton.bpmn.write;

import dev.baton.bpmn.xml.Namespaces;
import dev.baton.bpmn.xml.SecureXml;
import dev.baton.bpmn.write.XmlTree.Attribute;
import dev.baton.bpmn.write.XmlTree.Comment;
import dev.baton.bpmn.write.XmlTree.Element;
import dev.baton.bpmn.write.XmlTree.ProcessingInstruction;
import dev.baton.bpmn.write.XmlTree.Text;
import dev.baton.model.XmlFragment;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Turns a kept {@link XmlFragment} back into elements of the output tree. Prefixes are only hints (the printer declares
 * every namespace on the root); xsi:type values are resolved against the fragment's own declarations so they keep
 * naming the same type whatever prefix their namespace gets.
 */
final class FragmentParser {
    private final PrefixTable prefixes;

    FragmentParser(PrefixTable prefixes) {
        this.prefixes = prefixes;
    }

    /**
     * Parses a fragment. When the fragment's element is in one of {@code movedNamespaces}, it and its descendants in
     * those namespaces are moved into {@code keptNamespace}, because the schema only allows foreign elements there.
     */
    Element parse(XmlFragment fragment, String owner, Set<String> movedNamespaces, String keptNamespace) {
        XMLInputFactory f = SecureXml.xmlInputFactory();
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        trySet(f, "http://java.sun.com/xml/stream/properties/report-cdata-event", Boolean.TRUE);
        Deque<Element> open = new ArrayDeque<>();
        Element top = null;
        boolean move = false;
        try {
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(fragment.xml()));
            try {
                while (r.hasNext()) {
                    int event = r.next();
                    switch (event) {
                        case XMLStreamConstants.START_ELEMENT -> {
                            for (int i = 0; i < r.getNamespaceCount(); i++) {
                                // declarations may be needed by QName content (attribute values, text), so keep them
                                String p = r.getNamespacePrefix(i);
                                if (p != null && !p.isEmpty()) prefixes.declare(p, r.getNamespaceURI(i));
                            }
                            String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                            if (top == null) move = movedNamespaces.contains(ns);
                            Element e = move && movedNamespaces.contains(ns)
                                    ? new Element(keptNamespace, BpmnWriter.KEPT_PREFIX, r.getLocalName())
                                    : new Element(ns, r.getPrefix(), r.getLocalName());
                            for (int i = 0; i < r.getAttributeCount(); i++) {
                                String ans = r.getAttributeNamespace(i) == null ? "" : r.getAttributeNamespace(i);
                                String local = r.getAttributeLocalName(i);
                                String value = r.getAttributeValue(i);
                                String type = Namespaces.XSI.equals(ans) && "type".equals(local) ? typeName(r, value) : null;
                                if (type != null) {
                                    e.attributes.add(new Attribute(ans, "xsi", local, type, true));
                                } else {
                                    e.attributes.add(new Attribute(ans, r.getAttributePrefix(i), local, value, false));
                                }
                            }
                            if (top == null) top = e;
                            else open.peek().add(e);
                            open.push(e);
                        }
                        case XMLStreamConstants.END_ELEMENT -> open.pop();
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                            if (!open.isEmpty()) open.peek().add(new Text(r.getText(), false));
                        }
                        case XMLStreamConstants.CDATA -> {
                            if (!open.isEmpty()) open.peek().add(new Text(r.getText(), true));
                        }
                        case XMLStreamConstants.COMMENT -> {
                            if (!open.isEmpty()) open.peek().add(new Comment(r.getText()));
                        }
                        case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                            if (!open.isEmpty()) open.peek().add(new ProcessingInstruction(r.getPITarget(), r.getPIData()));
                        }
                        default -> { }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new IllegalArgumentException(owner + ": the kept XML of <" + fragment.localName() + "> is not well-formed: "
                    + e.getMessage(), e);
        }
        if (top == null) {
            throw new IllegalArgumentException(owner + ": the kept XML of <" + fragment.localName() + "> holds no element");
        }
        return top;
    }

    /**
     * The xsi:type value in Clark notation; an unprefixed name with no default namespace means a BPMN type.
     * Null when the prefix is not declared in the fragment: the value is then kept as written.
     */
    private static String typeName(XMLStreamReader r, String value) {
        String v = value.strip();
        int colon = v.indexOf(':');
        String prefix = colon < 0 ? "" : v.substring(0, colon);
        String local = colon < 0 ? v : v.substring(colon + 1);
        String ns = r.getNamespaceContext().getNamespaceURI(prefix);
        if (ns == null || ns.isEmpty()) {
            if (colon >= 0) return null;
            ns = Namespaces.BPMN;
        }
        return "{" + ns + "}" + local;
    }

    private static void trySet(XMLInputFactory f, String property, Object value) {
        try {
            f.setProperty(property, value);
        } catch (IllegalArgumentException unsupported) {
            // another StAX implementation: CDATA then arrives as plain text, which is equivalent
        }
    }
}
