package dev.baton.bpmn.xml;

import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * Every XML parser Baton makes comes from here: no DTDs, no external entities, no external schemas or stylesheets.
 * A document with a DOCTYPE is refused outright, which is what stops billion-laughs and XXE files.
 */
public final class SecureXml {
    /** The largest BPMN document Baton reads. */
    public static final long MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;

    private static volatile Schema bpmnSchema;

    private SecureXml() {}

    public static DocumentBuilderFactory documentBuilderFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setExpandEntityReferences(false);
        f.setXIncludeAware(false);
        secure(f::setFeature);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    public static DocumentBuilder documentBuilder() {
        try {
            return documentBuilderFactory().newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made: " + e.getMessage(), e);
        }
    }

    /** A namespace-aware SAX parser factory with the same protections as {@link #documentBuilderFactory()}. */
    public static SAXParserFactory saxParserFactory() {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setXIncludeAware(false);
        secure(f::setFeature);
        return f;
    }

    /** A parser factory's setFeature: DocumentBuilderFactory and SAXParserFactory share the method but no type. */
    private interface Features {
        void set(String feature, boolean value) throws ParserConfigurationException, SAXException;
    }

    /** Secure processing on; DOCTYPEs refused; no external entities or DTDs. */
    private static void secure(Features f) {
        try {
            f.set(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.set("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.set("http://xml.org/sax/features/external-general-entities", false);
            f.set("http://xml.org/sax/features/external-parameter-entities", false);
            f.set("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser cannot be made safe: " + e.getMessage(), e);
        }
    }

    public static XMLInputFactory xmlInputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    public static TransformerFactory transformerFactory() {
        TransformerFactory f = TransformerFactory.newInstance();
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return f;
    }

    /** The BPMN 2.0 schema (Semantic, BPMNDI, DI, DC), loaded from the Camunda model API's copy. */
    public static Schema bpmnSchema() {
        Schema s = bpmnSchema;
        if (s == null) {
            synchronized (SecureXml.class) {
                if (bpmnSchema == null) {
                    URL url = SecureXml.class.getClassLoader().getResource("org/camunda/bpm/model/bpmn/schema/BPMN20.xsd");
                    if (url == null) throw new IllegalStateException("the BPMN 2.0 schema is not on the class path");
                    SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                    try {
                        // the schema imports its siblings from the same jar, nothing from the network
                        sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                        sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
                        bpmnSchema = sf.newSchema(url);
                    } catch (SAXException e) {
                        throw new IllegalStateException("the BPMN 2.0 schema does not load: " + e.getMessage(), e);
                    }
                }
                s = bpmnSchema;
            }
        }
        return s;
    }
}
