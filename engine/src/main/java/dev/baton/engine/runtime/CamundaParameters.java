package dev.baton.engine.runtime;

import dev.baton.engine.expr.Evaluation;
import dev.baton.engine.expr.Expressions;
import dev.baton.model.Expression;
import dev.baton.model.FlowNode;
import dev.baton.model.XmlFragment;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * camunda:inputOutput parameters whose values are camunda:list, camunda:map or camunda:script. The importer keeps such
 * an inputOutput element whole (as XML) rather than map part of it; the engine reads it here. Text values are
 * expressions when they contain ${...}, else literal strings, as in Camunda 7.
 */
public final class CamundaParameters {
    private CamundaParameters() {}

    /** A parameter's value: text, a list, a map or a script. */
    sealed interface Value {}

    record Text(Expression expression) implements Value {}

    record ListValue(List<Value> items) implements Value {}

    record MapValue(Map<String, Value> entries) implements Value {}

    record Script(String format, String text) implements Value {}

    record Parameter(String name, boolean input, Value value) {}

    /** The kept camunda:inputOutput element of a node, if any. */
    static Optional<XmlFragment> fragment(FlowNode node) {
        return node.extensions().elements().stream().filter(x -> x.localName().equals("inputOutput")).findFirst();
    }

    private static final Map<XmlFragment, List<Parameter>> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The parameters of the kept element, read once. */
    static List<Parameter> of(XmlFragment fragment) { return PARSED.computeIfAbsent(fragment, CamundaParameters::parse); }

    /** The parameters of the kept element; IllegalArgumentException says what cannot be read. */
    public static List<Parameter> parse(XmlFragment fragment) {
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(fragment.xml()))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("its camunda:inputOutput cannot be read: " + e.getMessage(), e);
        }
        List<Parameter> out = new ArrayList<>();
        for (Element p : children(root)) {
            boolean input = p.getLocalName().equals("inputParameter");
            if (!input && !p.getLocalName().equals("outputParameter")) {
                throw new IllegalArgumentException("camunda:inputOutput holds a " + p.getLocalName() + " element");
            }
            String name = p.getAttribute("name");
            if (name.isBlank()) throw new IllegalArgumentException("a camunda:" + p.getLocalName() + " has no name");
            out.add(new Parameter(name, input, value(p, name)));
        }
        return out;
    }

    private static Value value(Element e, String where) {
        List<Element> kids = children(e);
        if (kids.isEmpty()) {
            String text = e.getTextContent();
            if (text == null || text.isBlank()) return new Text(null);
            return new Text(new Expression(text, text.contains("${") || text.contains("#{") ? Expression.Language.JUEL : Expression.Language.LITERAL));
        }
        if (kids.size() > 1) throw new IllegalArgumentException(where + " has more than one value element");
        Element v = kids.get(0);
        return switch (v.getLocalName()) {
            case "list" -> {
                List<Value> items = new ArrayList<>();
                for (Element item : children(v)) {
                    if (!item.getLocalName().equals("value") && !item.getLocalName().equals("list") && !item.getLocalName().equals("map")
                            && !item.getLocalName().equals("script")) {
                        throw new IllegalArgumentException(where + " has a list item " + item.getLocalName());
                    }
                    items.add(item.getLocalName().equals("value") ? value(item, where) : valueOf(item, where));
                }
                yield new ListValue(items);
            }
            case "map" -> {
                Map<String, Value> entries = new LinkedHashMap<>();
                for (Element entry : children(v)) {
                    if (!entry.getLocalName().equals("entry") || entry.getAttribute("key").isEmpty()) {
                        throw new IllegalArgumentException(where + " has a map item that is not an entry with a key");
                    }
                    entries.put(entry.getAttribute("key"), value(entry, where + "." + entry.getAttribute("key")));
                }
                yield new MapValue(entries);
            }
            case "script" -> script(v, where);
            default -> throw new IllegalArgumentException(where + " has a " + v.getLocalName() + " value");
        };
    }

    /** A list item that is itself a list, map or script. */
    private static Value valueOf(Element item, String where) {
        Element wrapper = item.getOwnerDocument().createElementNS(item.getNamespaceURI(), "value");
        wrapper.appendChild(item.cloneNode(true));
        return value(wrapper, where);
    }

    private static Value script(Element s, String where) {
        String format = s.getAttribute("scriptFormat");
        if (!s.getAttribute("resource").isEmpty()) throw new IllegalArgumentException(where + " runs a script from a resource, which the engine does not load");
        if (!Expressions.supportsScriptFormat(format)) {
            throw new IllegalArgumentException(where + " has a script in " + (format.isBlank() ? "no format" : format) + " (the engine runs juel and feel)");
        }
        return new Script(format, s.getTextContent());
    }

    /** Evaluates a value against the scope; a failure is an incident (empty). */
    static Optional<Object> evaluate(Step step, Token token, String name, Value value, Map<String, Object> scope) {
        if (value instanceof Text t) {
            if (t.expression() == null) return Optional.of(Step.NULL);
            if (t.expression().language() == Expression.Language.LITERAL) return Optional.of(t.expression().text());
            return done(step, token, name, t.expression().text(), step.services.expressions().evaluate(t.expression(), scope, step.model.dialect()));
        }
        if (value instanceof Script s) {
            return done(step, token, name, s.text(), step.services.expressions().script(s.format(), s.text(), scope));
        }
        if (value instanceof ListValue l) {
            List<Object> items = new ArrayList<>();
            for (Value v : l.items()) {
                Optional<Object> o = evaluate(step, token, name, v, scope);
                if (o.isEmpty()) return Optional.empty();
                items.add(Step.unwrap(o.get()));
            }
            return Optional.of(items);
        }
        MapValue m = (MapValue) value;
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : m.entries().entrySet()) {
            Optional<Object> o = evaluate(step, token, name + "." + e.getKey(), e.getValue(), scope);
            if (o.isEmpty()) return Optional.empty();
            entries.put(e.getKey(), Step.unwrap(o.get()));
        }
        return Optional.of(entries);
    }

    private static Optional<Object> done(Step step, Token token, String name, String text, Evaluation r) {
        if (r instanceof Evaluation.Failure f) {
            step.incident(token, "EXPRESSION", "Parameter " + name + " = " + text.strip() + " at " + step.model.describe(token.elementId)
                    + " failed: " + f.message());
            return Optional.empty();
        }
        Object v = ((Evaluation.Value) r).value();
        return Optional.of(v == null ? Step.NULL : v);
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element c) out.add(c);
        return out;
    }
}
