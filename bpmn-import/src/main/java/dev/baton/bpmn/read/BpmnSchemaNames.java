package dev.baton.bpmn.read;

import dev.baton.bpmn.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Every element name the BPMN 2.0 semantic schema defines, global or local, read once from the schema itself. */
final class BpmnSchemaNames {
    private static final String SCHEMA = "org/camunda/bpm/model/bpmn/schema/Semantic.xsd";
    private static final Set<String> NAMES = load();

    private BpmnSchemaNames() {}

    static boolean defines(String localName) {
        return NAMES.contains(localName);
    }

    private static Set<String> load() {
        try (InputStream in = BpmnSchemaNames.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) throw new IllegalStateException("the BPMN 2.0 schema " + SCHEMA + " is not on the class path");
            NodeList elements = SecureXml.documentBuilder().parse(in)
                    .getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "element");
            Set<String> names = new HashSet<>();
            for (int i = 0; i < elements.getLength(); i++) {
                String name = ((Element) elements.item(i)).getAttribute("name");
                if (!name.isEmpty()) names.add(name);
            }
            return Set.copyOf(names);
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("the BPMN 2.0 schema " + SCHEMA + " cannot be read: " + e.getMessage(), e);
        }
    }
}
