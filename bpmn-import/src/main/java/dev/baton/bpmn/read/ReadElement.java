package dev.baton.bpmn.read;

import dev.baton.bpmn.xml.Namespaces;
import dev.baton.model.Documentation;
import dev.baton.model.Extensions;
import dev.baton.model.XmlFragment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One element being mapped. It remembers which attributes and children the mapper used, so that
 * {@link #extensions()} can keep everything else: foreign and unmodelled attributes, extension elements and
 * BPMN children the model has no place for. Call {@link #extensions()} last.
 */
final class ReadElement {
    final Element element;
    private final ModelMapper mapper;
    private final Set<String> usedAttributes = new HashSet<>();
    private final Set<Element> usedChildren = Collections.newSetFromMap(new IdentityHashMap<>());

    ReadElement(Element element, ModelMapper mapper) {
        this.element = element;
        this.mapper = mapper;
    }

    String localName() { return FragmentWriter.localName(element); }

    int line() { return LocatedDom.line(element); }

    int column() { return LocatedDom.column(element); }

    /** An unqualified attribute's value, or null when absent. */
    String attr(String name) {
        usedAttributes.add(name);
        Attr a = element.getAttributeNodeNS(null, name);
        return a == null ? null : a.getValue();
    }

    /** A reference attribute (a QName or IDREF): a prefix is dropped when the rest names an element of this file. */
    String ref(String name) { return mapper.ref(attr(name)); }

    Boolean bool(String name) {
        String v = attr(name);
        if (v == null) return null;
        String t = v.strip().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("1")) return true;
        if (t.equals("false") || t.equals("0")) return false;
        mapper.warn(this, "attribute " + name + "=\"" + v + "\" is not true or false; it is ignored");
        return null;
    }

    boolean bool(String name, boolean byDefault) {
        Boolean b = bool(name);
        return b == null ? byDefault : b;
    }

    Integer integer(String name) {
        String v = attr(name);
        if (v == null) return null;
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            mapper.warn(this, "attribute " + name + "=\"" + v + "\" is not a whole number; it is ignored");
            return null;
        }
    }

    Double number(String name) {
        String v = attr(name);
        if (v == null) return null;
        try {
            return Double.valueOf(v.strip());
        } catch (NumberFormatException e) {
            mapper.warn(this, "attribute " + name + "=\"" + v + "\" is not a number; it is ignored");
            return null;
        }
    }

    /** Element children in the given namespace with the given local name, marked as used. */
    List<Element> children(String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(FragmentWriter.localName(e))) {
                found.add(e);
                usedChildren.add(e);
            }
        }
        return found;
    }

    List<Element> children(String bpmnLocalName) { return children(Namespaces.BPMN, bpmnLocalName); }

    Element child(String namespace, String localName) {
        List<Element> all = children(namespace, localName);
        return all.isEmpty() ? null : all.get(0);
    }

    Element child(String bpmnLocalName) { return child(Namespaces.BPMN, bpmnLocalName); }

    /** The text of a BPMN child element (e.g. a script or a text annotation's text), or null. */
    String childText(String bpmnLocalName) {
        Element c = child(bpmnLocalName);
        return c == null ? null : c.getTextContent();
    }

    /** Every element child, in order, for mappers that dispatch on the child's name. */
    List<Element> elementChildren() {
        List<Element> all = new ArrayList<>();
        for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) all.add(e);
        }
        return all;
    }

    void use(Element child) { usedChildren.add(child); }

    /** Opens a child for mapping and marks it used. */
    ReadElement open(Element child) {
        usedChildren.add(child);
        return new ReadElement(child, mapper);
    }

    List<Documentation> documentation() {
        List<Documentation> docs = new ArrayList<>();
        for (Element d : children("documentation")) {
            Attr format = d.getAttributeNodeNS(null, "textFormat");
            docs.add(new Documentation(d.getTextContent(), format == null ? null : format.getValue()));
        }
        return docs;
    }

    /** Everything of this element the mapper did not use, kept for writing back. */
    Extensions extensions() {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String qn : LocatedDom.attributeOrder(element)) {
            if (qn.equals("xmlns") || qn.startsWith("xmlns:")) continue;
            Attr a = element.getAttributeNode(qn);
            if (a == null) continue;
            String ns = a.getNamespaceURI();
            String local = FragmentWriter.localName(a);
            if (ns == null || ns.isEmpty()) {
                if (!usedAttributes.contains(local)) attributes.put(local, a.getValue());
            } else {
                attributes.put(Extensions.clark(ns, local), a.getValue());
            }
        }
        List<XmlFragment> extensionElements = new ArrayList<>();
        List<XmlFragment> unmodelled = new ArrayList<>();
        for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (!(c instanceof Element e) || usedChildren.contains(e)) continue;
            boolean bpmn = Namespaces.BPMN.equals(e.getNamespaceURI());
            String local = FragmentWriter.localName(e);
            if (bpmn && local.equals("extensionElements")) {
                for (Node x = e.getFirstChild(); x != null; x = x.getNextSibling()) {
                    if (x instanceof Element xe) extensionElements.add(mapper.keep(xe));
                }
            } else {
                unmodelled.add(mapper.keep(e));
            }
        }
        if (attributes.isEmpty() && extensionElements.isEmpty() && unmodelled.isEmpty()) return Extensions.NONE;
        return new Extensions(attributes, extensionElements, unmodelled);
    }
}
