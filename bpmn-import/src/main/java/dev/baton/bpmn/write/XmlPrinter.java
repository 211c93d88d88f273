package dev.baton.bpmn.write;

import dev.baton.bpmn.write.XmlTree.Attribute;
import dev.baton.bpmn.write.XmlTree.Comment;
import dev.baton.bpmn.write.XmlTree.Element;
import dev.baton.bpmn.write.XmlTree.Node;
import dev.baton.bpmn.write.XmlTree.ProcessingInstruction;
import dev.baton.bpmn.write.XmlTree.Text;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Prints an {@link XmlTree} as indented XML with every namespace declared on the root.
 * Written by hand rather than with a StAX writer because line breaks in attribute values (multi-line names) must be
 * escaped as {@code &#10;} to survive a re-read, which StAX writers do not do.
 */
final class XmlPrinter {
    private static final String INDENT = "  ";

    private final PrefixTable prefixes;
    private final Writer out;

    private XmlPrinter(PrefixTable prefixes, Writer out) {
        this.prefixes = prefixes;
        this.out = out;
    }

    /** Binds a prefix for every namespace the tree uses, so the root can declare them all. */
    static void bindNamespaces(Element e, PrefixTable prefixes) {
        if (!e.namespace.isEmpty()) prefixes.require(e.namespace, e.prefixHint);
        for (Attribute a : e.attributes) {
            if (!a.namespace().isEmpty()) prefixes.require(a.namespace(), a.prefixHint());
            if (a.qname()) {
                String ns = clarkNamespace(a.value());
                if (!ns.isEmpty()) prefixes.require(ns, null);
            }
        }
        for (Node n : e.children) if (n instanceof Element child) bindNamespaces(child, prefixes);
    }

    static void print(Element root, PrefixTable prefixes, Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        new XmlPrinter(prefixes, out).element(root, 0, true, false, "");
        out.write('\n');
        out.flush();
    }

    private void element(Element e, int depth, boolean root, boolean verbatim, String defaultInScope) throws IOException {
        String name = qualified(e.namespace, e.localName);
        out.write('<');
        out.write(name);
        String defaultHere = defaultInScope;
        if (root) {
            if (!prefixes.defaultNamespace().isEmpty()) {
                attribute("xmlns", prefixes.defaultNamespace());
                defaultHere = prefixes.defaultNamespace();
            }
            for (Map.Entry<String, String> d : prefixes.declarations().entrySet()) attribute("xmlns:" + d.getKey(), d.getValue());
        }
        if (e.namespace.isEmpty() && !defaultHere.isEmpty()) {
            // an element in no namespace under a default namespace has to undeclare it
            attribute("xmlns", "");
            defaultHere = "";
        }
        for (Attribute a : e.attributes) {
            String value = a.qname() ? qnameValue(a.value()) : a.value();
            attribute(qualified(a.namespace(), a.localName()), value);
        }
        if (e.children.isEmpty()) {
            out.write(" />");
            return;
        }
        out.write('>');
        boolean elementContent = !verbatim && isElementContent(e);
        for (Node n : e.children) {
            if (elementContent) {
                if (n instanceof Text) continue;
                newline(depth + 1);
            }
            if (n instanceof Element child) {
                element(child, depth + 1, false, verbatim || !elementContent, defaultHere);
            } else if (n instanceof Text t) {
                text(t);
            } else if (n instanceof Comment c) {
                out.write("<!--" + comment(c.text()) + "-->");
            } else if (n instanceof ProcessingInstruction pi) {
                out.write("<?" + pi.target() + (pi.data() == null || pi.data().isEmpty() ? "" : " " + pi.data()) + "?>");
            }
        }
        if (elementContent) newline(depth);
        out.write("</");
        out.write(name);
        out.write('>');
    }

    /** True when the children are elements separated only by line-break whitespace, which may be re-indented. */
    private static boolean isElementContent(Element e) {
        boolean markup = false;
        boolean text = false;
        boolean lineBreak = false;
        for (Node n : e.children) {
            if (n instanceof Text t) {
                if (!t.text().isBlank() || t.cdata()) return false;
                text = true;
                lineBreak |= t.text().indexOf('\n') >= 0;
            } else {
                markup = true;
            }
        }
        return markup && (!text || lineBreak);
    }

    private void newline(int depth) throws IOException {
        out.write('\n');
        for (int i = 0; i < depth; i++) out.write(INDENT);
    }

    private String qualified(String namespace, String localName) {
        if (namespace.isEmpty()) return localName;
        String prefix = prefixes.prefixOf(namespace);
        if (prefix == null) throw new IllegalStateException("no prefix bound for namespace " + namespace);
        return prefix + ":" + localName;
    }

    private String qnameValue(String clark) {
        String ns = clarkNamespace(clark);
        String local = clark.startsWith("{") ? clark.substring(clark.indexOf('}') + 1) : clark;
        return ns.isEmpty() ? local : qualified(ns, local);
    }

    private static String clarkNamespace(String clark) {
        return clark.startsWith("{") && clark.indexOf('}') > 0 ? clark.substring(1, clark.indexOf('}')) : "";
    }

    private void attribute(String name, String value) throws IOException {
        out.write(' ');
        out.write(name);
        out.write("=\"");
        escape(value, true);
        out.write('"');
    }

    private void text(Text t) throws IOException {
        if (t.cdata()) {
            out.write("<![CDATA[");
            out.write(clean(t.text()).replace("]]>", "]]]]><![CDATA[>"));
            out.write("]]>");
        } else {
            escape(t.text(), false);
        }
    }

    private void escape(String s, boolean inAttribute) throws IOException {
        String v = clean(s);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '&' -> out.write("&amp;");
                case '<' -> out.write("&lt;");
                case '>' -> out.write("&gt;");
                case '"' -> out.write(inAttribute ? "&quot;" : "\"");
                case '\n' -> out.write(inAttribute ? "&#10;" : "\n");
                case '\r' -> out.write("&#13;");
                case '\t' -> out.write(inAttribute ? "&#9;" : "\t");
                default -> out.write(c);
            }
        }
    }

    private static String comment(String text) {
        String c = clean(text).replace("--", "- -");
        return c.endsWith("-") ? c + " " : c;
    }

    /** Drops characters XML 1.0 cannot carry (control characters, lone surrogates), which would make the file unreadable. */
    static String clean(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok && b == null) b = new StringBuilder(s.substring(0, i));
            if (b != null && ok) b.appendCodePoint(cp);
            i += len;
        }
        return b == null ? s : b.toString();
    }
}
