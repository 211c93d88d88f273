package dev.baton.bpmn.read;

import dev.baton.bpmn.xml.SecureXml;
import dev.baton.model.Definitions;
import dev.baton.model.XmlFragment;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Test helper: every id the read model holds, in records and inside the XML fragments it kept. */
final class ModelIds {
    private ModelIds() {}

    static Set<String> of(Definitions definitions) {
        Set<String> ids = new HashSet<>();
        walk(definitions, ids);
        return ids;
    }

    private static void walk(Object o, Set<String> ids) {
        if (o == null) return;
        if (o instanceof XmlFragment f) {
            fragmentIds(f, ids);
        } else if (o instanceof Collection<?> c) {
            for (Object x : c) walk(x, ids);
        } else if (o instanceof Record r) {
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                try {
                    Object v = rc.getAccessor().invoke(r);
                    if (rc.getName().equals("id") && v instanceof String s) ids.add(s);
                    else walk(v, ids);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Parses the fragment on its own (which also proves it declares its namespaces) and collects its ids. */
    static void fragmentIds(XmlFragment f, Set<String> ids) {
        try {
            var doc = SecureXml.documentBuilder().parse(new InputSource(new StringReader(f.xml())));
            NodeList all = doc.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                String id = ((Element) all.item(i)).getAttribute("id");
                if (!id.isEmpty()) ids.add(id);
            }
        } catch (Exception e) {
            throw new AssertionError("a kept XML fragment <" + f.localName() + "> does not parse on its own: " + e.getMessage()
                    + "\n" + f.xml(), e);
        }
    }
}
