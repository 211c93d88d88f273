package dev.baton.bpmn.dialect;

import dev.baton.model.Dialect;
import dev.baton.model.ElementKind;
import dev.baton.model.Expression;
import dev.baton.model.exec.Implementation;
import dev.baton.model.exec.IoMapping;
import dev.baton.model.exec.VariableMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** Camunda 7 (camunda:): delegates, external tasks, the HTTP connector, input/output, user tasks, call activities. */
final class Camunda7Vocabulary extends JuelVocabulary {
    private static final String HTTP_CONNECTOR = "http-connector";
    /** Camunda's HTTP connector outputs and the response part Baton names the same thing. */
    private static final Map<String, String> RESPONSE_PARTS = Map.of("${response}", "${body}", "${statusCode}", "${status}", "${headers}", "${headers}");

    Camunda7Vocabulary() { super(Dialect.CAMUNDA7_NS); }

    @Override
    String asyncBeforeAttribute() { return "asyncBefore"; }

    @Override
    boolean hasAsyncAfter() { return true; }

    @Override
    boolean hasFollowUpDate() { return true; }

    @Override
    boolean mapsLocal() { return true; }

    @Override
    boolean hasImplementationMarker(Work host) {
        return super.hasImplementationMarker(host) || host.hasElement(ns, "connector");
    }

    @Override
    public void liftActivity(Work w, Settings.Activity s) {
        super.liftActivity(w, s);
        if (s.io == null) s.io = liftIo(w);
    }

    @Override
    public void lowerActivity(Settings.Activity s, Work w) {
        super.lowerActivity(s, w);
        if (s.io != null && lowerIo(s.io, w)) s.io = null;
    }

    @Override
    public void liftEvent(Work w, Settings.Event s) {
        if (s.io == null) s.io = liftIo(w);
        if (s.implementation == null && s.messageDefinition != null && throwing(s.kind)) {
            s.implementation = liftImplementation(s.messageDefinition, null);
        }
    }

    @Override
    public void lowerEvent(Settings.Event s, Work w) {
        if (s.io != null && lowerIo(s.io, w)) s.io = null;
        if (s.implementation != null && s.messageDefinition != null && throwing(s.kind)
                && lowerImplementation(s.implementation, s.messageDefinition, s.kind)) {
            s.implementation = null;
        }
    }

    static boolean throwing(ElementKind k) {
        return k == ElementKind.INTERMEDIATE_THROW_EVENT || k == ElementKind.END_EVENT;
    }

    @Override
    public void liftCaught(Work w, Settings.Caught s) {
        if (s.codeVariable != null || s.messageVariable != null) return;
        if (s.escalation) {
            s.codeVariable = w.take(ns, "escalationCodeVariable");
        } else {
            s.codeVariable = w.take(ns, "errorCodeVariable");
            s.messageVariable = w.take(ns, "errorMessageVariable");
        }
    }

    @Override
    public void lowerCaught(Settings.Caught s, Work w) {
        String code = s.escalation ? "escalationCodeVariable" : "errorCodeVariable";
        if (w.has(ns, code) || w.has(ns, "errorMessageVariable") || (s.escalation && s.messageVariable != null)) return;
        if (s.codeVariable != null) w.put(ns, code, s.codeVariable);
        if (s.messageVariable != null) w.put(ns, "errorMessageVariable", s.messageVariable);
        s.codeVariable = null;
        s.messageVariable = null;
    }

    // ---- implementation: external tasks and connectors ----

    @Override
    Implementation liftOwnImplementation(Work host, Settings.Activity s) {
        String type = host.attr(ns, "type");
        if (type != null) {
            if (!type.strip().equals("external")) {
                return new Implementation.Unsupported("Camunda 7 task type \"" + type + "\"");
            }
            String topic = host.attr(ns, "topic");
            if (topic == null) {
                host.keepAttribute(ns, "type", w(host, "type") + "=\"external\" is kept but not used: it has no " + w(host, "topic"));
                return null;
            }
            host.take(ns, "type");
            host.take(ns, "topic");
            Integer priority = null;
            String p = host.attr(ns, "taskPriority");
            if (p != null) {
                priority = Exprs.integer(p);
                if (priority != null) host.take(ns, "taskPriority");
                else host.keepAttribute(ns, "taskPriority", w(host, "taskPriority") + "=\"" + p
                        + "\" is kept but not used: Baton reads an external task priority only as a whole number");
            }
            return new Implementation.ExternalTask(Exprs.juel(topic), priority);
        }
        Work.Found connector = host.single(ns, "connector");
        if (connector != null) return liftConnector(host, connector);
        return null;
    }

    private static String w(Work host, String local) {
        return host.doc.display(Dialect.CAMUNDA7_NS, local);
    }

    private Implementation liftConnector(Work host, Work.Found connector) {
        Element c = connector.element();
        List<Element> ids = Xml.children(c, ns, "connectorId");
        String id = ids.size() == 1 ? ids.get(0).getTextContent().strip() : null;
        if (!HTTP_CONNECTOR.equals(id)) {
            host.keep(connector.fragment(), w(host, "connector") + " \"" + id + "\" is kept but Baton cannot run it; Baton runs only the "
                    + HTTP_CONNECTOR);
            return new Implementation.Unsupported("Camunda 7 connector \"" + id + "\"");
        }
        List<String> problems = new ArrayList<>();
        Implementation.HttpCall call = parseHttpConnector(c, problems);
        if (call == null) {
            host.keep(connector.fragment(), "the " + HTTP_CONNECTOR + " is kept but Baton cannot run it: " + String.join("; ", problems));
            return new Implementation.Unsupported("Camunda 7 " + HTTP_CONNECTOR + ": " + String.join("; ", problems));
        }
        host.remove(connector.fragment());
        return call;
    }

    private Implementation.HttpCall parseHttpConnector(Element c, List<String> problems) {
        for (Element child : Xml.children(c)) {
            if (!ns.equals(child.getNamespaceURI()) || !List.of("connectorId", "inputOutput").contains(child.getLocalName())) {
                problems.add("it has a " + child.getNodeName() + " element");
            }
        }
        List<Element> ios = Xml.children(c, ns, "inputOutput");
        String method = null;
        Expression url = null, body = null;
        Map<String, Expression> headers = new LinkedHashMap<>(), response = new LinkedHashMap<>();
        for (Element io : ios) {
            for (Element p : Xml.children(io)) {
                String name = Xml.attr(p, "name");
                boolean input = "inputParameter".equals(p.getLocalName());
                List<Element> value = Xml.children(p);
                String text = p.getTextContent();
                if (name == null) {
                    problems.add("a parameter has no name");
                } else if (input && name.equals("headers") && value.size() == 1 && value.get(0).getLocalName().equals("map")) {
                    for (Element entry : Xml.children(value.get(0))) {
                        String key = Xml.attr(entry, "key");
                        if (key == null || !Xml.children(entry).isEmpty()) problems.add("a header is not a plain key and value");
                        else headers.put(key, Exprs.juel(entry.getTextContent()));
                    }
                } else if (!value.isEmpty()) {
                    problems.add("parameter \"" + name + "\" has a " + value.get(0).getLocalName() + " value");
                } else if (input && name.equals("url")) {
                    url = Exprs.juel(text);
                } else if (input && name.equals("method")) {
                    method = text.strip();
                    if (!method.matches("[A-Za-z]+")) problems.add("the method \"" + method + "\" is not a plain HTTP method");
                } else if (input && name.equals("payload")) {
                    body = Exprs.juel(text);
                } else if (!input && RESPONSE_PARTS.containsKey(text.strip())) {
                    response.put(name, new Expression(RESPONSE_PARTS.get(text.strip()), Expression.Language.JUEL));
                } else if (!input) {
                    problems.add("output \"" + name + "\" is \"" + text.strip() + "\", and Baton maps only ${response}, ${statusCode} and ${headers}");
                } else {
                    problems.add("input \"" + name + "\" is not one of url, method, headers, payload");
                }
            }
        }
        if (url == null || url.isBlank()) problems.add("it has no url");
        if (method == null) problems.add("it has no method");
        if (!problems.isEmpty()) return null;
        return new Implementation.HttpCall(method, url, headers, body, Implementation.BodyFormat.TEXT, response, null, null, null);
    }

    @Override
    boolean lowerOwnImplementation(Implementation impl, Work host) {
        if (impl instanceof Implementation.ExternalTask t) {
            if (t.topic() == null || !Exprs.isJuel(t.topic())) return false;
            host.put(ns, "type", "external");
            host.put(ns, "topic", t.topic().text());
            if (t.priority() != null) host.put(ns, "taskPriority", t.priority().toString());
            return true;
        }
        if (impl instanceof Implementation.HttpCall h) {
            Xml.Out connector = httpConnector(h);
            if (connector == null) return false;
            host.add(ns, connector);
            return true;
        }
        return false;
    }

    /** The connector element for the call, or null when the HTTP connector cannot say all of it. */
    private static Xml.Out httpConnector(Implementation.HttpCall h) {
        if (h.bodyFormat() != Implementation.BodyFormat.TEXT || !h.errorCodes().isEmpty() || h.timeout() != null
                || h.secretRef() != null || h.url() == null || !Exprs.isJuel(h.url()) || !Exprs.isJuel(h.body())) {
            return null;
        }
        Xml.Out io = new Xml.Out("inputOutput");
        io.child(new Xml.Out("inputParameter").attr("name", "url").text(h.url().text()));
        io.child(new Xml.Out("inputParameter").attr("name", "method").text(h.method()));
        if (!h.headers().isEmpty()) {
            Xml.Out map = new Xml.Out("map");
            for (var e : h.headers().entrySet()) {
                if (!Exprs.isJuel(e.getValue())) return null;
                map.child(new Xml.Out("entry").attr("key", e.getKey()).text(e.getValue().text()));
            }
            io.child(new Xml.Out("inputParameter").attr("name", "headers").child(map));
        }
        if (h.body() != null) io.child(new Xml.Out("inputParameter").attr("name", "payload").text(h.body().text()));
        for (var e : h.responseMappings().entrySet()) {
            String part = null;
            for (var p : RESPONSE_PARTS.entrySet()) {
                if (p.getValue().equals(e.getValue().text()) && e.getValue().language() == Expression.Language.JUEL) part = p.getKey();
            }
            if (part == null) return null;
            io.child(new Xml.Out("outputParameter").attr("name", e.getKey()).text(part));
        }
        return new Xml.Out("connector").child(io).child(new Xml.Out("connectorId").text(HTTP_CONNECTOR));
    }

    // ---- input/output ----

    IoMapping liftIo(Work w) {
        Work.Found f = w.single(ns, "inputOutput");
        if (f == null) return null;
        List<VariableMapping> inputs = new ArrayList<>(), outputs = new ArrayList<>();
        for (Element p : Xml.children(f.element())) {
            String name = Xml.attr(p, "name");
            boolean input = "inputParameter".equals(p.getLocalName());
            String problem = null;
            if (!ns.equals(p.getNamespaceURI()) || !(input || "outputParameter".equals(p.getLocalName()))) {
                problem = "it holds a " + p.getNodeName() + " element";
            } else if (name == null) {
                problem = "a parameter has no name";
            } else if (!Xml.children(p).isEmpty()) {
                problem = "parameter \"" + name + "\" has a " + w.doc.display(ns, Xml.children(p).get(0).getLocalName())
                        + " value, and Baton maps only text values";
            }
            if (problem != null) {
                w.keep(f.fragment(), w.doc.display(ns, "inputOutput") + " is kept but not used: " + problem);
                return null;
            }
            String text = p.getTextContent();
            (input ? inputs : outputs).add(new VariableMapping(name, text.isBlank() ? null : Exprs.juel(text)));
        }
        w.remove(f.fragment());
        return new IoMapping(inputs, outputs);
    }

    boolean lowerIo(IoMapping io, Work w) {
        if (io.isEmpty()) return true;
        if (w.hasElement(ns, "inputOutput")) return false;
        Xml.Out out = new Xml.Out("inputOutput");
        for (VariableMapping m : concat(io.inputs(), io.outputs())) {
            if (m.target() == null || !Exprs.isJuel(m.source())) return false;
        }
        for (VariableMapping m : io.inputs()) out.child(new Xml.Out("inputParameter").attr("name", m.target()).text(Exprs.text(m.source())));
        for (VariableMapping m : io.outputs()) out.child(new Xml.Out("outputParameter").attr("name", m.target()).text(Exprs.text(m.source())));
        w.add(ns, out);
        return true;
    }
}
