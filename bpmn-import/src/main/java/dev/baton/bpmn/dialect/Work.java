package dev.baton.bpmn.dialect;

import dev.baton.model.Dialect;
import dev.baton.model.Extensions;
import dev.baton.model.XmlFragment;
import dev.baton.model.validation.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The extensions of one element while they are being mapped: what lift takes out and what lower puts in.
 * Problems about what is kept are reported once per attribute or element.
 */
final class Work {
    /** The whole document's namespace prefixes and the problems found so far. */
    static final class Document {
        final Map<String, String> namespaces;
        final List<Problem> problems = new ArrayList<>();
        final Dialect dialect;

        Document(Map<String, String> namespaces, Dialect dialect) {
            this.namespaces = new LinkedHashMap<>(namespaces);
            this.dialect = dialect;
        }

        boolean declares(String namespace) {
            return namespaces.containsValue(namespace);
        }

        /** The prefix the file uses for the namespace; declares the namespace with its usual prefix when absent. */
        String prefix(String namespace) {
            for (var e : namespaces.entrySet()) {
                if (e.getValue().equals(namespace) && !e.getKey().isEmpty()) return e.getKey();
            }
            String base = usualPrefix(namespace);
            String p = base;
            for (int i = 2; namespaces.containsKey(p); i++) p = base + i;
            namespaces.put(p, namespace);
            return p;
        }

        /** prefix:localName as the user sees it in the file, for messages. */
        String display(String namespace, String localName) {
            for (var e : namespaces.entrySet()) {
                if (e.getValue().equals(namespace) && !e.getKey().isEmpty()) return e.getKey() + ":" + localName;
            }
            return usualPrefix(namespace) + ":" + localName;
        }

        static String usualPrefix(String namespace) {
            return switch (namespace) {
                case Dialect.CAMUNDA7_NS -> "camunda";
                case Dialect.CAMUNDA8_NS -> "zeebe";
                case Dialect.FLOWABLE_NS -> "flowable";
                case Dialect.ACTIVITI_NS -> "activiti";
                case Dialect.BATON_NS -> "baton";
                default -> "ns";
            };
        }
    }

    /** An extension element found in the file, with its parsed form. */
    record Found(XmlFragment fragment, Element element) {}

    final String elementId;
    final Document doc;
    private final Extensions original;
    private final Map<String, String> attributes;
    private final List<XmlFragment> elements;
    private final Set<Object> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<XmlFragment, Element> parsed = new IdentityHashMap<>();
    private final Set<String> reportedAttributes = new java.util.HashSet<>();

    Work(String elementId, Extensions extensions, Document doc) {
        this.elementId = elementId;
        this.doc = doc;
        this.original = Extensions.orNone(extensions);
        this.attributes = new LinkedHashMap<>(original.attributes());
        this.elements = new ArrayList<>(original.elements());
    }

    String attr(String ns, String local) {
        return attributes.get(Extensions.clark(ns, local));
    }

    boolean has(String ns, String local) {
        return attributes.containsKey(Extensions.clark(ns, local));
    }

    /** Removes the attribute and answers its value, or null when absent. */
    String take(String ns, String local) {
        return attributes.remove(Extensions.clark(ns, local));
    }

    void put(String ns, String local, String value) {
        doc.prefix(ns);
        attributes.put(Extensions.clark(ns, local), value);
    }

    Map<String, String> attributes() {
        return attributes;
    }

    List<XmlFragment> elementList() {
        return elements;
    }

    /** The extension elements with this name, in document order; element is null when a fragment does not parse. */
    List<Found> find(String ns, String local) {
        List<Found> out = new ArrayList<>();
        for (XmlFragment f : elements) {
            if (f.namespace().equals(ns) && f.localName().equals(local)) out.add(new Found(f, parsed.computeIfAbsent(f, Xml::parse)));
        }
        return out;
    }

    boolean hasElement(String ns, String local) {
        return elements.stream().anyMatch(f -> f.namespace().equals(ns) && f.localName().equals(local));
    }

    /** The single element with this name when there is exactly one that parses; reports a second one as kept. */
    Found single(String ns, String local) {
        List<Found> all = find(ns, local);
        if (all.isEmpty()) return null;
        for (int i = 1; i < all.size(); i++) {
            keep(all.get(i).fragment(), "a second " + doc.display(ns, local) + " is kept but not used; the first one counts");
        }
        Found first = all.get(0);
        if (first.element() == null) {
            keep(first.fragment(), doc.display(ns, local) + " is not well-formed XML and is kept unread");
            return null;
        }
        return first;
    }

    void remove(XmlFragment f) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) == f) {
                elements.remove(i);
                return;
            }
        }
    }

    void add(String ns, Xml.Out out) {
        elements.add(out.toFragment(ns, doc.prefix(ns)));
    }

    /** Reports a kept extension element once. */
    void keep(XmlFragment f, String message) {
        if (reported.add(f)) doc.problems.add(Problem.warning(DialectMapping.RULE, elementId, message));
    }

    /** Reports several kept extension elements with one message. */
    void keepAll(List<XmlFragment> fragments, String message) {
        boolean any = false;
        for (XmlFragment f : fragments) any |= reported.add(f);
        if (any) doc.problems.add(Problem.warning(DialectMapping.RULE, elementId, message));
    }

    /** Reports a kept attribute once. */
    void keepAttribute(String ns, String local, String message) {
        if (reportedAttributes.add(Extensions.clark(ns, local))) {
            doc.problems.add(Problem.warning(DialectMapping.RULE, elementId, message));
        }
    }

    boolean wasReported(XmlFragment f) {
        return reported.contains(f);
    }

    boolean wasReported(String clark) {
        return reportedAttributes.contains(clark);
    }

    Extensions result() {
        return new Extensions(attributes, elements, original.unmodelledChildren());
    }
}
