package dev.baton.bpmn.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.bpmn.xml.Namespaces;
import dev.baton.bpmn.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Validator;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** A written document, checked against the BPMN 2.0 schema and queried with XPath (prefixes bpmn, bpmndi, dc, di, xsi, kept). */
final class WrittenXml {
    private static final Map<String, String> PREFIXES = Map.of(
            "bpmn", Namespaces.BPMN, "bpmndi", Namespaces.BPMNDI, "dc", Namespaces.DC, "di", Namespaces.DI,
            "xsi", Namespaces.XSI, "kept", BpmnWriter.KEPT_NAMESPACE, "camunda", Namespaces.CAMUNDA,
            "color", Namespaces.OMG_COLOR, "vendor", "http://vendor.example/ext");

    final byte[] bytes;
    final String text;
    final Document document;
    private final XPath xpath;

    WrittenXml(byte[] bytes) {
        this.bytes = bytes;
        this.text = new String(bytes, StandardCharsets.UTF_8);
        try {
            this.document = SecureXml.documentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new AssertionError("the writer's output is not well-formed XML: " + e.getMessage() + "\n" + text, e);
        }
        this.xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            public String getNamespaceURI(String prefix) { return PREFIXES.getOrDefault(prefix, XMLConstants.NULL_NS_URI); }

            public String getPrefix(String uri) { return null; }

            public Iterator<String> getPrefixes(String uri) { return List.<String>of().iterator(); }
        });
    }

    static WrittenXml of(byte[] bytes) { return new WrittenXml(bytes); }

    /** Every error the BPMN 2.0 schema reports, with line and column. */
    static List<String> schemaErrors(byte[] bytes) {
        List<String> errors = new ArrayList<>();
        try {
            Validator v = SecureXml.bpmnSchema().newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.setErrorHandler(new ErrorHandler() {
                public void warning(SAXParseException e) { }

                public void error(SAXParseException e) { errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage()); }

                public void fatalError(SAXParseException e) { errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage()); }
            });
            v.validate(new StreamSource(new ByteArrayInputStream(bytes)));
        } catch (Exception e) {
            errors.add("validation stopped: " + e.getMessage());
        }
        return errors;
    }

    WrittenXml assertValid() {
        assertThat(schemaErrors(bytes)).as("schema errors in\n%s", text).isEmpty();
        return this;
    }

    String string(String expr) {
        try {
            return (String) xpath.evaluate(expr, document, XPathConstants.STRING);
        } catch (XPathExpressionException e) {
            throw new AssertionError("bad XPath " + expr, e);
        }
    }

    int count(String expr) {
        return (int) Double.parseDouble(string("count(" + expr + ")"));
    }

    List<Element> elements(String expr) {
        try {
            NodeList nodes = (NodeList) xpath.evaluate(expr, document, XPathConstants.NODESET);
            List<Element> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
            return out;
        } catch (XPathExpressionException e) {
            throw new AssertionError("bad XPath " + expr, e);
        }
    }

    /** Local names of an element's child elements, in document order. */
    List<String> childNames(String expr) {
        List<Element> found = elements(expr);
        assertThat(found).as("elements matching %s", expr).hasSize(1);
        List<String> names = new ArrayList<>();
        for (org.w3c.dom.Node n = found.get(0).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) names.add(e.getLocalName());
        }
        return names;
    }

    /** The namespace declarations on the root element, prefix ("" for the default) to URI. */
    Map<String, String> rootDeclarations() {
        Map<String, String> out = new HashMap<>();
        var attrs = document.getDocumentElement().getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            var a = attrs.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                out.put("xmlns".equals(a.getNodeName()) ? "" : a.getLocalName(), a.getNodeValue());
            }
        }
        return out;
    }
}
