package dev.baton.bpmn.read;

import dev.baton.bpmn.xml.SecureXml;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import org.w3c.dom.CDATASection;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Parses XML text with Baton's secure SAX parser into a namespace-aware DOM whose elements know the line and column
 * their start tag begins on, and the order their attributes were written in (a DOM sorts them).
 */
final class LocatedDom {
    static final String LINE = "baton.line";
    static final String COLUMN = "baton.column";
    static final String ATTRIBUTE_ORDER = "baton.attributeOrder";

    private LocatedDom() {}

    static int line(Node n) {
        Object v = n.getUserData(LINE);
        return v instanceof Integer i ? i : 0;
    }

    static int column(Node n) {
        Object v = n.getUserData(COLUMN);
        return v instanceof Integer i ? i : 0;
    }

    /** Attribute qualified names (namespace declarations included) in the order the file wrote them. */
    static String[] attributeOrder(Element e) {
        Object v = e.getUserData(ATTRIBUTE_ORDER);
        return v instanceof String[] a ? a : new String[0];
    }

    static Document parse(String text, String source) throws BpmnReadException {
        Builder builder = new Builder(text);
        try {
            SAXParser parser = SecureXml.saxParserFactory().newSAXParser();
            parser.setProperty("http://xml.org/sax/properties/lexical-handler", builder);
            InputSource in = new InputSource(new StringReader(text));
            in.setSystemId(source);
            parser.parse(in, builder);
        } catch (SAXParseException e) {
            throw new BpmnReadException(source, e.getLineNumber(), e.getColumnNumber(), explain(e.getMessage()), e);
        } catch (SAXException e) {
            throw new BpmnReadException(source, 0, 0, "the file is not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BpmnReadException(source, 0, 0, "the file could not be read: " + e.getMessage(), e);
        }
        return builder.document;
    }

    /** The parser's reason, said so that a user knows what to do. */
    private static String explain(String parserMessage) {
        String m = parserMessage == null ? "" : parserMessage;
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("doctype") || lower.contains("dtd")) {
            return "DTDs (<!DOCTYPE ...>) are not allowed in BPMN files; Baton refuses them because they can expand "
                    + "entities without limit or read other files (billion laughs, XXE). Remove the DOCTYPE declaration";
        }
        if (lower.contains("entity") && lower.contains("not declared")) {
            return "the file uses an entity that is not defined (" + m + "); only the five XML entities and character references are allowed";
        }
        if (lower.contains("content is not allowed in prolog")) {
            return "the file does not start with XML (text before the first element); is it really a BPMN file?";
        }
        if (lower.contains("premature end of file")) {
            return "the file ends too early: it is empty or cut off";
        }
        return "the file is not well-formed XML: " + m;
    }

    private static final class Builder extends DefaultHandler2 {
        private final String text;
        private final int[] lineStarts;
        private final Document document = SecureXml.documentBuilder().newDocument();
        private final Deque<Node> open = new ArrayDeque<>();
        private final List<String[]> pendingPrefixes = new ArrayList<>();
        private Locator locator;
        private CDATASection cdata;

        Builder(String text) {
            this.text = text;
            this.lineStarts = lineStarts(text);
            open.push(document);
        }

        @Override
        public void setDocumentLocator(Locator locator) { this.locator = locator; }

        @Override
        public void startPrefixMapping(String prefix, String uri) {
            pendingPrefixes.add(new String[] {prefix, uri});
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            Element e = document.createElementNS(uri == null || uri.isEmpty() ? null : uri, qName);
            String[] order = new String[pendingPrefixes.size() + attributes.getLength()];
            int i = 0;
            for (String[] p : pendingPrefixes) {
                String name = p[0].isEmpty() ? "xmlns" : "xmlns:" + p[0];
                e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, name, p[1]);
                order[i++] = name;
            }
            pendingPrefixes.clear();
            for (int a = 0; a < attributes.getLength(); a++) {
                String ns = attributes.getURI(a);
                e.setAttributeNS(ns == null || ns.isEmpty() ? null : ns, attributes.getQName(a), attributes.getValue(a));
                order[i++] = attributes.getQName(a);
            }
            e.setUserData(ATTRIBUTE_ORDER, order, null);
            locate(e, qName);
            open.peek().appendChild(e);
            open.push(e);
        }

        /** The locator stands after the start tag; walk back to its '<' so multi-line tags get their first line. */
        private void locate(Element e, String qName) {
            int line = locator.getLineNumber();
            int column = locator.getColumnNumber();
            if (line >= 1 && line <= lineStarts.length) {
                int offset = Math.min(text.length(), lineStarts[line - 1] + Math.max(0, column - 1));
                int gt = text.lastIndexOf('>', offset - 1);
                int lt = gt < 0 ? -1 : text.lastIndexOf('<', gt);
                if (lt >= 0 && text.startsWith(qName, lt + 1)) {
                    int l = Arrays.binarySearch(lineStarts, lt);
                    if (l < 0) l = -l - 2;
                    line = l + 1;
                    column = lt - lineStarts[l] + 1;
                }
            }
            e.setUserData(LINE, line, null);
            e.setUserData(COLUMN, column, null);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            Node parent = open.peek();
            if (parent == document) return;
            if (cdata != null) {
                cdata.appendData(new String(ch, start, length));
                return;
            }
            Node last = parent.getLastChild();
            if (last instanceof Text t && !(last instanceof CDATASection)) {
                t.appendData(new String(ch, start, length));
            } else {
                parent.appendChild(document.createTextNode(new String(ch, start, length)));
            }
        }

        @Override
        public void startCDATA() {
            cdata = document.createCDATASection("");
            open.peek().appendChild(cdata);
        }

        @Override
        public void endCDATA() { cdata = null; }

        @Override
        public void comment(char[] ch, int start, int length) {
            if (open.peek() != document) open.peek().appendChild(document.createComment(new String(ch, start, length)));
        }

        @Override
        public void processingInstruction(String target, String data) {
            if (open.peek() != document) open.peek().appendChild(document.createProcessingInstruction(target, data));
        }

        private static int[] lineStarts(String text) {
            int[] starts = new int[64];
            int n = 0;
            starts[n++] = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean br = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
                if (br) {
                    if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                    starts[n++] = i + 1;
                }
            }
            return Arrays.copyOf(starts, n);
        }
    }
}
