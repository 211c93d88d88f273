package dev.baton.bpmn.write;

import dev.baton.bpmn.write.XmlTree.Element;
import dev.baton.model.Extensions;
import dev.baton.model.XmlFragment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;

/** Writes what the model keeps without understanding it: foreign attributes and extension elements. */
final class Foreign {
    private Foreign() {}

    /**
     * Adds the kept attributes after the modelled ones. An attribute in a namespace the schema forbids there (no namespace,
     * or the element's own) moves into the kept namespace, unless it is a plain attribute the schema does allow.
     */
    static void attributes(Element el, Extensions ext, Set<String> forbiddenNamespaces, Set<String> plainNames) {
        for (Map.Entry<String, String> a : ext.attributes().entrySet()) {
            String key = a.getKey();
            String ns = key.startsWith("{") && key.indexOf('}') > 0 ? key.substring(1, key.indexOf('}')) : "";
            String local = key.startsWith("{") && key.indexOf('}') > 0 ? key.substring(key.indexOf('}') + 1) : key;
            if (local.isEmpty() || XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns) || a.getValue() == null) continue;
            if (ns.isEmpty() && plainNames.contains(local)) {
                el.attr(local, a.getValue());
            } else if (forbiddenNamespaces.contains(ns)) {
                el.attr(BpmnWriter.KEPT_NAMESPACE, BpmnWriter.KEPT_PREFIX, local, a.getValue());
            } else {
                el.attr(ns, null, local, a.getValue());
            }
        }
    }

    /** Parses kept extension elements; elements the schema would refuse there move into the kept namespace. */
    static List<Element> elements(List<XmlFragment> fragments, FragmentParser parser, String owner, Set<String> movedNamespaces) {
        return fragments.stream()
                .map(f -> parser.parse(f, owner, movedNamespaces, BpmnWriter.KEPT_NAMESPACE))
                .toList();
    }
}
