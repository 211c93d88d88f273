package dev.baton.bpmn.write;

import java.util.ArrayList;
import java.util.List;

/**
 * The document the writer builds before printing it. Names carry namespace URIs only; prefixes are chosen once for the
 * whole document when it is printed, so that no prefix is ever declared twice with different URIs.
 */
final class XmlTree {
    private XmlTree() {}

    sealed interface Node permits Element, Text, Comment, ProcessingInstruction {}

    /** Character data; cdata asks for a CDATA section (scripts read better that way). */
    record Text(String text, boolean cdata) implements Node {}

    record Comment(String text) implements Node {}

    record ProcessingInstruction(String target, String data) implements Node {}

    /**
     * An attribute. A value in Clark notation ({@code {uri}local}) with qname set is a QName (xsi:type) whose prefix the
     * printer fills in.
     */
    record Attribute(String namespace, String prefixHint, String localName, String value, boolean qname) {
        Attribute {
            namespace = namespace == null ? "" : namespace;
        }

        boolean sameName(String ns, String local) {
            return namespace.equals(ns == null ? "" : ns) && localName.equals(local);
        }
    }

    static final class Element implements Node {
        final String namespace;
        final String prefixHint;
        final String localName;
        final List<Attribute> attributes = new ArrayList<>();
        final List<Node> children = new ArrayList<>();

        Element(String namespace, String prefixHint, String localName) {
            this.namespace = namespace == null ? "" : namespace;
            this.prefixHint = prefixHint;
            this.localName = localName;
        }

        /** Adds an attribute unless the value is null or an attribute of that name is already there. */
        Element attr(String ns, String prefixHint, String local, String value) {
            if (value == null || has(ns, local)) return this;
            attributes.add(new Attribute(ns, prefixHint, local, value, false));
            return this;
        }

        Element attr(String local, String value) { return attr("", null, local, value); }

        Element attr(String local, Object value) { return attr("", null, local, value == null ? null : value.toString()); }

        boolean has(String ns, String local) {
            return attributes.stream().anyMatch(a -> a.sameName(ns, local));
        }

        Element add(Node child) {
            children.add(child);
            return this;
        }

        Element text(String text) {
            if (text != null && !text.isEmpty()) children.add(new Text(text, false));
            return this;
        }

        List<Element> elementChildren() {
            return children.stream().filter(Element.class::isInstance).map(Element.class::cast).toList();
        }
    }
}
