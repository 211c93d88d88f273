package dev.baton.bpmn.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;

/**
 * The namespace prefixes of one output document, all declared on its root. A prefix is bound to exactly one URI; a URI
 * keeps the first prefix it was given and gets an invented one (ns1, ns2, ...) only when it has none.
 */
final class PrefixTable {
    private final Map<String, String> prefixToUri = new LinkedHashMap<>();
    private final Map<String, String> uriToPrefix = new HashMap<>();
    private final List<String> fixedPrefixes = new ArrayList<>();
    private final List<String> sourcePrefixes = new ArrayList<>();
    private String defaultNamespace = "";

    /** Binds a prefix the writer insists on (bpmn, bpmndi, dc, di, xsi). */
    void fixed(String prefix, String uri) {
        prefixToUri.put(prefix, uri);
        uriToPrefix.putIfAbsent(uri, prefix);
        fixedPrefixes.add(prefix);
    }

    /** Keeps a declaration of the source document's root, remembering its place so the root lists it where it was. */
    void declareFromSource(String prefix, String uri) {
        declare(prefix, uri);
        if (prefix != null && !prefix.isEmpty() && uri != null && uri.equals(prefixToUri.get(prefix)) && !sourcePrefixes.contains(prefix)) {
            sourcePrefixes.add(prefix);
        }
    }

    /** Keeps a declaration from the source document where it does not clash; "" is the default namespace. */
    void declare(String prefix, String uri) {
        if (uri == null || uri.isEmpty() || reserved(prefix)) return;
        if (prefix == null || prefix.isEmpty()) {
            if (defaultNamespace.isEmpty()) defaultNamespace = uri;
            return;
        }
        String bound = prefixToUri.get(prefix);
        if (bound == null && isNcName(prefix)) {
            prefixToUri.put(prefix, uri);
            uriToPrefix.putIfAbsent(uri, prefix);
        } else if (bound == null || !bound.equals(uri)) {
            require(uri, null);
        }
    }

    /** The prefix for a namespace, binding the hint or an invented prefix when the namespace has none yet. */
    String require(String uri, String hint) {
        if (XMLConstants.XML_NS_URI.equals(uri)) return XMLConstants.XML_NS_PREFIX;
        String known = uriToPrefix.get(uri);
        if (known != null) return known;
        String prefix = hint;
        if (prefix == null || prefix.isEmpty() || reserved(prefix) || !isNcName(prefix) || prefixToUri.containsKey(prefix)) {
            int n = 1;
            while (prefixToUri.containsKey("ns" + n)) n++;
            prefix = "ns" + n;
        }
        prefixToUri.put(prefix, uri);
        uriToPrefix.put(uri, prefix);
        return prefix;
    }

    /** The prefix already bound to a namespace, or null. */
    String prefixOf(String uri) {
        if (XMLConstants.XML_NS_URI.equals(uri)) return XMLConstants.XML_NS_PREFIX;
        return uriToPrefix.get(uri);
    }

    String defaultNamespace() { return defaultNamespace; }

    /**
     * Every prefixed declaration: the writer's own prefixes the source did not declare, then the source's in its order
     * (so a file written by bpmn.io comes back with the same root), then the ones added for kept content.
     */
    Map<String, String> declarations() {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String p : fixedPrefixes) if (!sourcePrefixes.contains(p)) ordered.put(p, prefixToUri.get(p));
        for (String p : sourcePrefixes) ordered.put(p, prefixToUri.get(p));
        prefixToUri.forEach(ordered::putIfAbsent);
        return Collections.unmodifiableMap(ordered);
    }

    private static boolean reserved(String prefix) {
        return prefix != null && prefix.toLowerCase(java.util.Locale.ROOT).startsWith("xml");
    }

    static boolean isNcName(String s) {
        if (s == null || s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = Character.isLetter(c) || c == '_' || (i > 0 && (Character.isDigit(c) || c == '-' || c == '.'));
            if (!ok) return false;
        }
        return true;
    }
}
