package dev.baton.bpmn.read;

import dev.baton.model.XmlFragment;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.CDATASection;
import org.w3c.dom.Comment;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.ProcessingInstruction;
import org.w3c.dom.Text;

/**
 * Serialises one element of the read document as a standalone XML fragment: it declares every namespace it uses,
 * including prefixes used inside QName values such as {@code xsi:type="bpmn:tFormalExpression"}, so it parses on its own.
 */
final class FragmentWriter {
    private static final Pattern QNAME_VALUE = Pattern.compile("[A-Za-z_][\\w.\\-]*:[A-Za-z_][\\w.\\-]*");

    private FragmentWriter() {}

    static XmlFragment fragment(Element e) {
        StringBuilder out = new StringBuilder(256);
        Deque<Map<String, String>> scopes = new ArrayDeque<>();
        scopes.push(new HashMap<>());
        write(e, out, scopes);
        return new XmlFragment(e.getNamespaceURI(), localName(e), out.toString());
    }

    static String localName(Node n) {
        String l = n.getLocalName();
        return l != null ? l : n.getNodeName();
    }

    private static void write(Element e, StringBuilder out, Deque<Map<String, String>> scopes) {
        Map<String, String> scope = new HashMap<>(scopes.peek());
        Map<String, String> declare = new LinkedHashMap<>();
        String[] order = LocatedDom.attributeOrder(e);
        // the element's own declarations first, as written
        for (String qn : order) {
            if (qn.equals("xmlns") || qn.startsWith("xmlns:")) {
                String prefix = qn.equals("xmlns") ? "" : qn.substring(6);
                declare.put(prefix, e.getAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, qn.equals("xmlns") ? "xmlns" : prefix));
            }
        }
        need(e, prefixOf(e), nz(e.getNamespaceURI()), scope, declare);
        for (String qn : order) {
            if (qn.equals("xmlns") || qn.startsWith("xmlns:")) continue;
            Attr a = e.getAttributeNode(qn);
            if (a == null) continue;
            if (a.getPrefix() != null) need(e, a.getPrefix(), nz(a.getNamespaceURI()), scope, declare);
            valuePrefix(e, a.getValue(), scope, declare);
        }
        if (e.getChildNodes().getLength() == 1 && e.getFirstChild() instanceof Text t && !(t instanceof CDATASection)) {
            valuePrefix(e, t.getData().strip(), scope, declare);
        }
        scope.putAll(declare);

        out.append('<').append(e.getNodeName());
        for (Map.Entry<String, String> d : declare.entrySet()) {
            out.append(' ').append(d.getKey().isEmpty() ? "xmlns" : "xmlns:" + d.getKey()).append("=\"");
            escape(d.getValue(), out, true);
            out.append('"');
        }
        for (String qn : order) {
            if (qn.equals("xmlns") || qn.startsWith("xmlns:")) continue;
            Attr a = e.getAttributeNode(qn);
            if (a == null) continue;
            out.append(' ').append(qn).append("=\"");
            escape(a.getValue(), out, true);
            out.append('"');
        }
        if (!e.hasChildNodes()) {
            out.append("/>");
            return;
        }
        out.append('>');
        scopes.push(scope);
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) write(ce, out, scopes);
            else if (c instanceof CDATASection cd) out.append("<![CDATA[").append(cd.getData().replace("]]>", "]]]]><![CDATA[>")).append("]]>");
            else if (c instanceof Text t) escape(t.getData(), out, false);
            else if (c instanceof Comment cm) out.append("<!--").append(cm.getData()).append("-->");
            else if (c instanceof ProcessingInstruction pi) out.append("<?").append(pi.getTarget()).append(' ').append(pi.getData()).append("?>");
        }
        scopes.pop();
        out.append("</").append(e.getNodeName()).append('>');
    }

    private static String prefixOf(Element e) {
        return e.getPrefix() == null ? "" : e.getPrefix();
    }

    private static String nz(String s) { return s == null ? "" : s; }

    private static void need(Element e, String prefix, String uri, Map<String, String> scope, Map<String, String> declare) {
        if (prefix.equals("xml")) return;
        String have = declare.containsKey(prefix) ? declare.get(prefix) : scope.get(prefix);
        if (have == null && prefix.isEmpty() && uri.isEmpty()) return; // no default namespace in force, none wanted
        if (!uri.equals(have)) declare.put(prefix, uri);
    }

    /** A value like "tns:Message_1" or "xsd:string" needs its prefix declared to keep its meaning. */
    private static void valuePrefix(Element e, String value, Map<String, String> scope, Map<String, String> declare) {
        if (value == null || value.length() > 200 || !QNAME_VALUE.matcher(value).matches()) return;
        String prefix = value.substring(0, value.indexOf(':'));
        if (prefix.equals("xml") || prefix.equals("xmlns") || declare.containsKey(prefix) || scope.containsKey(prefix)) return;
        String uri = e.lookupNamespaceURI(prefix);
        if (uri != null) declare.put(prefix, uri);
    }

    static void escape(String s, StringBuilder out, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> out.append(c);
            }
        }
    }
}
