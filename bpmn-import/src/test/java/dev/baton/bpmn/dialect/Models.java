package dev.baton.bpmn.dialect;

import dev.baton.bpmn.xml.SecureXml;
import dev.baton.model.ActivitySettings;
import dev.baton.model.CallActivity;
import dev.baton.model.Definitions;
import dev.baton.model.Dialect;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.Extensions;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowElement;
import dev.baton.model.GlobalElement;
import dev.baton.model.LoopCharacteristics;
import dev.baton.model.Process;
import dev.baton.model.RootElement;
import dev.baton.model.SubProcess;
import dev.baton.model.Task;
import dev.baton.model.XmlFragment;
import dev.baton.model.exec.Script;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** Builds small documents the way the reader would give them, from XML snippets of real vendor files. */
final class Models {
    static final String CAMUNDA = "xmlns:camunda=\"" + Dialect.CAMUNDA7_NS + "\"";
    static final String ZEEBE = "xmlns:zeebe=\"" + Dialect.CAMUNDA8_NS + "\"";
    static final String FLOWABLE = "xmlns:flowable=\"" + Dialect.FLOWABLE_NS + "\"";
    static final String ACTIVITI = "xmlns:activiti=\"" + Dialect.ACTIVITI_NS + "\"";
    static final String BATON = "xmlns:baton=\"" + Dialect.BATON_NS + "\"";

    private Models() {}

    /** An extension element as the reader keeps it: its namespace, local name and standalone text. */
    static XmlFragment fragment(String xml) {
        Element e = parse(xml);
        return new XmlFragment(e.getNamespaceURI(), e.getLocalName(), xml);
    }

    static Extensions ext(Map<String, String> attributes, String... elements) {
        List<XmlFragment> fragments = new ArrayList<>();
        for (String x : elements) fragments.add(fragment(x));
        return new Extensions(attributes, fragments, null);
    }

    static Extensions ext(String... elements) {
        return ext(Map.of(), elements);
    }

    /** Attributes from alternating Clark keys and values. */
    static Map<String, String> attrs(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put(keyValues[i], keyValues[i + 1]);
        return m;
    }

    static String camunda(String local) { return Extensions.clark(Dialect.CAMUNDA7_NS, local); }

    static String zeebe(String local) { return Extensions.clark(Dialect.CAMUNDA8_NS, local); }

    static String flowable(String local) { return Extensions.clark(Dialect.FLOWABLE_NS, local); }

    static String activiti(String local) { return Extensions.clark(Dialect.ACTIVITI_NS, local); }

    static String baton(String local) { return Extensions.clark(Dialect.BATON_NS, local); }

    static Task task(String id, ElementKind kind, Extensions ext) {
        return new Task(id, id, kind, null, null, null, null, null, false, null, ext);
    }

    static Task scriptTask(String id, Script script, Extensions ext) {
        return new Task(id, id, ElementKind.SCRIPT_TASK, null, null, null, script, null, false, null, ext);
    }

    static Task withLoop(Task t, LoopCharacteristics loop) {
        return t.withActivity(ActivitySettings.DEFAULT.withLoop(loop));
    }

    static LoopCharacteristics.MultiInstance multiInstance(Extensions ext) {
        return new LoopCharacteristics.MultiInstance("mi", false, null, null, null, null, null, null, ext);
    }

    static CallActivity callActivity(String id, String calledElement, Extensions ext) {
        return new CallActivity(id, id, calledElement, null, null, null, ext);
    }

    static Event event(String id, ElementKind kind, EventDefinition def, Extensions ext) {
        return new Event(id, id, kind, def == null ? List.of() : List.of(def), true, null, false, null, null, null, null, null, ext);
    }

    /** A document with the given root namespace declarations (prefix, URI pairs) and one process holding the elements. */
    static Definitions document(Map<String, String> namespaces, List<RootElement> extraRoots, FlowElement... elements) {
        List<RootElement> roots = new ArrayList<>(extraRoots);
        roots.add(Process.of("process", "Process", new FlowContent(List.of(elements), null, null)));
        return new Definitions("defs", null, "https://example.com", null, null, "test", null, namespaces, null, roots, null, null, null);
    }

    static Definitions camundaDocument(FlowElement... elements) {
        return document(Map.of("bpmn", "http://www.omg.org/spec/BPMN/20100524/MODEL", "camunda", Dialect.CAMUNDA7_NS), List.of(), elements);
    }

    static Definitions zeebeDocument(List<RootElement> roots, FlowElement... elements) {
        return document(Map.of("bpmn", "http://www.omg.org/spec/BPMN/20100524/MODEL", "zeebe", Dialect.CAMUNDA8_NS), roots, elements);
    }

    static Definitions flowableDocument(FlowElement... elements) {
        return document(Map.of("bpmn", "http://www.omg.org/spec/BPMN/20100524/MODEL", "flowable", Dialect.FLOWABLE_NS), List.of(), elements);
    }

    static Definitions plainDocument(List<RootElement> roots, FlowElement... elements) {
        return document(Map.of("bpmn", "http://www.omg.org/spec/BPMN/20100524/MODEL"), roots, elements);
    }

    static <T extends FlowElement> T element(Definitions d, String id, Class<T> type) {
        return type.cast(d.flowElement(id).orElseThrow(() -> new AssertionError("no element " + id)));
    }

    static GlobalElement.Message message(Definitions d, String id) {
        return d.globals(GlobalElement.Message.class).stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    // ---- comparing extensions the way a BPMN tool sees them ----

    /** Every element's extensions, keyed by element id plus a role (#def0, #loop) for nested parts. */
    static Map<String, Extensions> allExtensions(Definitions d) {
        Map<String, Extensions> out = new TreeMap<>();
        for (RootElement r : d.rootElements()) {
            if (r instanceof Process p) {
                out.put(p.id(), p.extensions());
                collect(p.content(), out);
            } else if (r instanceof GlobalElement g) {
                out.put(g.id(), g.extensions());
            }
        }
        return out;
    }

    private static void collect(FlowContent c, Map<String, Extensions> out) {
        for (FlowElement e : c.elements()) {
            out.put(e.id(), e.extensions());
            if (e instanceof Event ev) {
                for (int i = 0; i < ev.eventDefinitions().size(); i++) out.put(e.id() + "#def" + i, ev.eventDefinitions().get(i).extensions());
            }
            if (e instanceof dev.baton.model.Activity a && a.activity().loop() != null) out.put(e.id() + "#loop", a.activity().loop().extensions());
            if (e instanceof SubProcess sp) collect(sp.content(), out);
        }
    }

    /** Attributes as a map, elements as sorted canonical XML: what matters to a tool reading the file. */
    static Map<String, Object> canonical(Extensions e) {
        Map<String, Object> out = new TreeMap<>();
        out.put("attributes", new TreeMap<>(e.attributes()));
        List<String> elements = new ArrayList<>();
        for (XmlFragment f : e.elements()) elements.add(canonical(parse(f.xml())));
        elements.sort(null);
        out.put("elements", elements);
        return out;
    }

    static Map<String, Map<String, Object>> canonical(Definitions d) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        allExtensions(d).forEach((k, v) -> out.put(k, canonical(v)));
        return out;
    }

    static String canonical(Element e) {
        String flowableField = flowableFieldValue(e);
        if (flowableField != null) return flowableField;
        StringBuilder b = new StringBuilder("{").append(e.getNamespaceURI()).append('}').append(e.getLocalName());
        Map<String, String> attrs = new TreeMap<>();
        var list = e.getAttributes();
        for (int i = 0; i < list.getLength(); i++) {
            Node a = list.item(i);
            if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) continue;
            attrs.put(a.getNamespaceURI() == null ? a.getLocalName() : "{" + a.getNamespaceURI() + "}" + a.getLocalName(), a.getNodeValue());
        }
        b.append(attrs).append('[');
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) b.append(canonical(c));
            else if ((n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) && !n.getNodeValue().isBlank()) {
                b.append('"').append(n.getNodeValue()).append('"');
            }
        }
        return b.append(']').toString();
    }

    /**
     * Flowable reads {@code <field name="x" stringValue="v"/>} and {@code <field name="x"><string>v</string></field>} alike
     * (and expression likewise); lower writes the child form, so both forms compare as the child form.
     */
    private static String flowableFieldValue(Element e) {
        String ns = e.getNamespaceURI();
        if (!"field".equals(e.getLocalName()) || !(Dialect.FLOWABLE_NS.equals(ns) || Dialect.ACTIVITI_NS.equals(ns))) return null;
        String name = e.getAttribute("name");
        for (String form : List.of("stringValue", "expression")) {
            if (e.hasAttribute(form) && e.getAttributes().getLength() - xmlnsCount(e) == 2) {
                String child = form.equals("stringValue") ? "string" : "expression";
                return "{" + ns + "}field{name=" + name + "}[{" + ns + "}" + child + "{}[\"" + e.getAttribute(form).strip() + "\"]]";
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && ns.equals(c.getNamespaceURI())) {
                return "{" + ns + "}field{name=" + name + "}[{" + ns + "}" + c.getLocalName() + "{}[\"" + c.getTextContent().strip() + "\"]]";
            }
        }
        return null;
    }

    private static int xmlnsCount(Element e) {
        int n = 0;
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            if ("http://www.w3.org/2000/xmlns/".equals(e.getAttributes().item(i).getNamespaceURI())) n++;
        }
        return n;
    }

    static Element parse(String xml) {
        try {
            return SecureXml.documentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("test XML does not parse: " + xml, e);
        }
    }
}
