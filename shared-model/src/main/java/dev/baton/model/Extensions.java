package dev.baton.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an element carries that Baton keeps without modelling it.
 *
 * @param attributes        foreign attributes keyed in Clark notation, {@code {namespace}localName}, in document order
 * @param elements          the children of bpmn:extensionElements, in order
 * @param unmodelledChildren BPMN children the model has no field for (ioSpecification, resourceRole, ...), in order;
 *                          the writer puts them back where the schema wants them
 */
public record Extensions(Map<String, String> attributes, List<XmlFragment> elements, List<XmlFragment> unmodelledChildren) {
    public static final Extensions NONE = new Extensions(Map.of(), List.of(), List.of());

    public Extensions {
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        elements = elements == null ? List.of() : List.copyOf(elements);
        unmodelledChildren = unmodelledChildren == null ? List.of() : List.copyOf(unmodelledChildren);
    }

    public static Extensions orNone(Extensions e) { return e == null ? NONE : e; }

    public boolean isEmpty() { return attributes.isEmpty() && elements.isEmpty() && unmodelledChildren.isEmpty(); }

    /** A foreign attribute by namespace and local name. */
    public Optional<String> attribute(String namespace, String localName) {
        return Optional.ofNullable(attributes.get(clark(namespace, localName)));
    }

    public Extensions withAttribute(String namespace, String localName, String value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        if (value == null) copy.remove(clark(namespace, localName));
        else copy.put(clark(namespace, localName), value);
        return new Extensions(copy, elements, unmodelledChildren);
    }

    public Extensions withElements(List<XmlFragment> newElements) {
        return new Extensions(attributes, newElements, unmodelledChildren);
    }

    public static String clark(String namespace, String localName) {
        return namespace == null || namespace.isEmpty() ? localName : "{" + namespace + "}" + localName;
    }
}
