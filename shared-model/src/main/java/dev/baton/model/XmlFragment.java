package dev.baton.model;

/**
 * An XML element Baton keeps but does not interpret, stored as text so it survives read then write unchanged.
 * {@code xml} is the element serialised with every namespace declaration it needs.
 */
public record XmlFragment(String namespace, String localName, String xml) {
    public XmlFragment {
        namespace = namespace == null ? "" : namespace;
        if (localName == null || localName.isEmpty()) throw new IllegalArgumentException("an XML fragment needs a local name");
        if (xml == null) throw new IllegalArgumentException("an XML fragment needs its text");
    }
}
