package dev.baton.bpmn.dialect;

import dev.baton.bpmn.xml.SecureXml;
import dev.baton.model.XmlFragment;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Reading kept extension elements and writing new ones, as standalone XML fragments. */
final class Xml {
    private Xml() {}

    /** Making a parser costs more than parsing a small fragment, so each thread keeps one. */
    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(() -> {
        DocumentBuilder b = SecureXml.documentBuilder();
        // a fragment that does not parse is reported as a problem; the parser's own printing to stderr is noise
        b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
        return b;
    });

    /** The fragment as a DOM element, or null when its text is not well-formed XML. */
    static Element parse(XmlFragment fragment) {
        DocumentBuilder parser = PARSER.get();
        try {
            return parser.parse(new InputSource(new StringReader(fragment.xml()))).getDocumentElement();
        } catch (SAXException | IOException e) {
            return null;
        } finally {
            parser.reset();
            parser.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
        }
    }

    /** The child elements of e, optionally only those in the given namespace with the given local name. */
    static List<Element> children(Element e, String namespace, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && (namespace == null || namespace.equals(c.getNamespaceURI()))
                    && (localName == null || localName.equals(c.getLocalName()))) {
                out.add(c);
            }
        }
        return out;
    }

    static List<Element> children(Element e) {
        return children(e, null, null);
    }

    /** An attribute without a namespace, or null when absent (DOM answers "" for absent). */
    static String attr(Element e, String name) {
        return e.hasAttributeNS(null, name) ? e.getAttributeNS(null, name) : null;
    }

    /** The names of e's attributes that are not namespace declarations, unprefixed ones as plain names. */
    static List<String> attributeNames(Element e) {
        List<String> names = new ArrayList<>();
        var attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) continue;
            names.add(a.getNamespaceURI() == null ? a.getLocalName() : "{" + a.getNamespaceURI() + "}" + a.getLocalName());
        }
        return names;
    }

    /** A new element to be written: local name, unprefixed attributes, child elements or text. */
    static final class Out {
        final String localName;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<Out> children = new ArrayList<>();
        String text;

        Out(String localName) { this.localName = localName; }

        Out attr(String name, String value) {
            if (value != null) attributes.put(name, value);
            return this;
        }

        Out child(Out c) {
            children.add(c);
            return this;
        }

        Out text(String t) {
            text = t;
            return this;
        }

        /** The element and its children in one namespace and prefix, with the declaration on the root. */
        XmlFragment toFragment(String namespace, String prefix) {
            StringBuilder b = new StringBuilder();
            write(b, prefix, " xmlns:" + prefix + "=\"" + escape(namespace, true) + "\"");
            return new XmlFragment(namespace, localName, b.toString());
        }

        private void write(StringBuilder b, String prefix, String declaration) {
            String q = prefix + ":" + localName;
            b.append('<').append(q).append(declaration);
            attributes.forEach((k, v) -> b.append(' ').append(k).append("=\"").append(escape(v, true)).append('"'));
            if (children.isEmpty() && (text == null || text.isEmpty())) {
                b.append("/>");
                return;
            }
            b.append('>');
            if (text != null) b.append(escape(text, false));
            for (Out c : children) c.write(b, prefix, "");
            b.append("</").append(q).append('>');
        }
    }

    static String escape(String s, boolean attribute) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\n' -> b.append(attribute ? "&#10;" : "\n");
                case '\r' -> b.append("&#13;");
                case '\t' -> b.append(attribute ? "&#9;" : "\t");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
