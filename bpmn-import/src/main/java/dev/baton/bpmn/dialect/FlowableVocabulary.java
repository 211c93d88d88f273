package dev.baton.bpmn.dialect;

import dev.baton.model.Expression;
import dev.baton.model.exec.CallSettings;
import dev.baton.model.exec.Implementation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/** Flowable and Activiti (flowable: or activiti:, the same vocabulary in two namespaces). */
final class FlowableVocabulary extends JuelVocabulary {
    /** The HTTP task fields Baton maps; any other field leaves the task unmapped. */
    private static final Set<String> HTTP_FIELDS =
            Set.of("requestMethod", "requestUrl", "requestHeaders", "requestBody", "requestTimeout", "responseVariableName",
                    "saveResponseParameters", "resultVariablePrefix", "handleStatusCodes");
    private static final Expression RESPONSE_BODY = new Expression("${body}", Expression.Language.JUEL);

    FlowableVocabulary(String namespace) { super(namespace); }

    @Override
    String asyncBeforeAttribute() { return "async"; }

    @Override
    boolean hasAsyncAfter() { return false; }

    @Override
    boolean hasFollowUpDate() { return false; }

    @Override
    String takeResultVariable(Work host) {
        String v = host.take(ns, "resultVariable");
        // Activiti 5 spelled it resultVariableName
        return v != null ? v : host.take(ns, "resultVariableName");
    }

    @Override
    Implementation liftOwnImplementation(Work host, Settings.Activity s) {
        String type = host.attr(ns, "type");
        if (type == null) return null;
        switch (type.strip()) {
            case "external-worker" -> {
                String topic = host.attr(ns, "topic");
                if (topic == null) return new Implementation.Unsupported("Flowable external worker task without a topic");
                host.take(ns, "type");
                host.take(ns, "topic");
                return new Implementation.ExternalTask(Exprs.juel(topic), null);
            }
            case "http" -> {
                return liftHttp(host);
            }
            default -> {
                return new Implementation.Unsupported("Flowable task type \"" + type + "\"");
            }
        }
    }

    /** A field's value: stringValue and string are literals, expression is JUEL; null when it has none. */
    private Expression fieldValue(Element field) {
        String s = Xml.attr(field, "stringValue"), e = Xml.attr(field, "expression");
        if (s != null) return Expression.literal(s);
        if (e != null) return new Expression(e, Expression.Language.JUEL);
        for (Element c : Xml.children(field, ns, null)) {
            if (c.getLocalName().equals("string")) return Expression.literal(c.getTextContent().strip());
            if (c.getLocalName().equals("expression")) return new Expression(c.getTextContent().strip(), Expression.Language.JUEL);
        }
        return null;
    }

    private Implementation liftHttp(Work host) {
        List<Work.Found> fields = host.find(ns, "field");
        Map<String, Expression> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Work.Found f : fields) {
            String name = f.element() == null ? null : Xml.attr(f.element(), "name");
            Expression v = name == null ? null : fieldValue(f.element());
            if (v == null) problems.add("a field has no name or no value");
            else if (!HTTP_FIELDS.contains(name)) problems.add("field \"" + name + "\" is not one Baton maps");
            else values.put(name, v);
        }
        Expression method = values.get("requestMethod"), url = values.get("requestUrl"), headers = values.get("requestHeaders"),
                timeout = values.get("requestTimeout"), response = values.get("responseVariableName");
        if (url == null) problems.add("it has no requestUrl");
        if (method != null && (method.language() != Expression.Language.LITERAL || !method.text().matches("[A-Za-z]+"))) {
            problems.add("requestMethod is not a plain HTTP method");
        }
        Duration wait = null;
        if (timeout != null) {
            Integer ms = timeout.language() == Expression.Language.LITERAL ? Exprs.integer(timeout.text()) : null;
            if (ms == null || ms < 0) problems.add("requestTimeout is not a number of milliseconds");
            else wait = Duration.ofMillis(ms);
        }
        if (response != null && response.language() != Expression.Language.LITERAL) problems.add("responseVariableName is an expression");
        // saveResponseParameters: Flowable stores <prefix>ResponseStatusCode, ...ResponseHeaders and ...ResponseBody (the prefix
        // is resultVariablePrefix, else the task's id)
        Expression save = values.get("saveResponseParameters"), prefixField = values.get("resultVariablePrefix");
        boolean saveParameters = false;
        if (save != null) {
            if (save.language() != Expression.Language.LITERAL || !save.text().strip().matches("(?i)true|false")) {
                problems.add("saveResponseParameters is not true or false");
            } else saveParameters = Boolean.parseBoolean(save.text().strip());
        }
        if (prefixField != null && (prefixField.language() != Expression.Language.LITERAL || !prefixField.text().strip().matches("[A-Za-z_][A-Za-z0-9_]*"))) {
            problems.add("resultVariablePrefix is not a plain variable name");
        }
        String prefix = prefixField != null ? prefixField.text().strip() : host.elementId;
        // handleStatusCodes: those statuses throw the BPMN error HTTP<status>
        Map<String, String> errorCodes = new LinkedHashMap<>();
        Expression handle = values.get("handleStatusCodes");
        if (handle != null) {
            for (String code : handle.text().split(",")) {
                if (handle.language() != Expression.Language.LITERAL || !code.strip().matches("[1-5][0-9][0-9]")) {
                    problems.add("handleStatusCodes \"" + handle.text() + "\" is not a list of status codes (classes such as 4XX are not mapped)");
                    break;
                }
                errorCodes.put(code.strip(), "HTTP" + code.strip());
            }
        }
        Map<String, Expression> headerMap = new LinkedHashMap<>();
        if (headers != null) {
            for (String line : headers.text().split("\\R")) {
                if (line.isBlank()) continue;
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    problems.add("header line \"" + line.strip() + "\" is not Name: value");
                    continue;
                }
                String value = line.substring(colon + 1).strip();
                headerMap.put(line.substring(0, colon).strip(),
                        headers.language() == Expression.Language.JUEL ? Exprs.juel(value) : Expression.literal(value));
            }
        }
        if (!problems.isEmpty()) {
            String why = String.join("; ", problems);
            host.keepAttribute(ns, "type", host.doc.display(ns, "type") + "=\"http\" is kept but Baton cannot run it: " + why);
            return new Implementation.Unsupported("Flowable HTTP task: " + why);
        }
        host.take(ns, "type");
        for (Work.Found f : fields) host.remove(f.fragment());
        Map<String, Expression> mappings = new LinkedHashMap<>();
        if (saveParameters) {
            mappings.put(prefix + "ResponseStatusCode", new Expression("${status}", Expression.Language.JUEL));
            mappings.put(prefix + "ResponseHeaders", new Expression("${headers}", Expression.Language.JUEL));
            if (response == null) mappings.put(prefix + "ResponseBody", RESPONSE_BODY);
        }
        if (response != null) mappings.put(response.text(), RESPONSE_BODY);
        return new Implementation.HttpCall(method == null ? "GET" : method.text(), url, headerMap, values.get("requestBody"),
                Implementation.BodyFormat.TEXT, mappings.isEmpty() ? null : mappings, errorCodes.isEmpty() ? null : errorCodes, wait, null);
    }

    @Override
    boolean lowerOwnImplementation(Implementation impl, Work host) {
        if (impl instanceof Implementation.ExternalTask t) {
            if (t.priority() != null || t.topic() == null || !Exprs.isJuel(t.topic())) return false;
            host.put(ns, "type", "external-worker");
            host.put(ns, "topic", t.topic().text());
            return true;
        }
        if (impl instanceof Implementation.HttpCall h) {
            // kept fields (injected into a delegate) would mix with the HTTP task's own
            List<Xml.Out> fields = host.hasElement(ns, "field") ? null : httpFields(h, host.elementId);
            if (fields == null) return false;
            host.put(ns, "type", "http");
            for (Xml.Out f : fields) host.add(ns, f);
            return true;
        }
        return false;
    }

    /** The HTTP task's fields for the call, or null when Flowable's HTTP task cannot say all of it. */
    private static List<Xml.Out> httpFields(Implementation.HttpCall h, String elementId) {
        if (h.bodyFormat() != Implementation.BodyFormat.TEXT || h.secretRef() != null || h.url() == null
                || !fieldExpressible(h.url()) || !fieldExpressible(h.body())) {
            return null;
        }
        if (h.timeout() != null && (h.timeout().isNegative() || h.timeout().toNanos() % 1_000_000 != 0 || h.timeout().toMillis() > Integer.MAX_VALUE)) {
            return null;
        }
        // handleStatusCodes: exact statuses whose error code is HTTP<status>
        List<String> handled = new ArrayList<>();
        for (var e : h.errorCodes().entrySet()) {
            if (!e.getKey().matches("[1-5][0-9][0-9]") || !e.getValue().equals("HTTP" + e.getKey())) return null;
            handled.add(e.getKey());
        }
        // saveResponseParameters: <prefix>ResponseStatusCode and <prefix>ResponseHeaders (and the body in <prefix>ResponseBody
        // or the response variable)
        Map<String, Expression> rest = new LinkedHashMap<>(h.responseMappings());
        String prefix = null;
        for (var e : h.responseMappings().entrySet()) {
            if (e.getKey().endsWith("ResponseStatusCode") && e.getValue().equals(new Expression("${status}", Expression.Language.JUEL))) {
                prefix = e.getKey().substring(0, e.getKey().length() - "ResponseStatusCode".length());
            }
        }
        if (prefix != null) {
            if (!new Expression("${headers}", Expression.Language.JUEL).equals(rest.remove(prefix + "ResponseHeaders"))) return null;
            rest.remove(prefix + "ResponseStatusCode");
            if (prefix.isEmpty()) return null;
        }
        if (rest.size() > 1) return null;
        String responseVariable = null;
        for (var e : rest.entrySet()) {
            if (!e.getValue().equals(RESPONSE_BODY)) return null;
            responseVariable = e.getKey();
        }
        if (prefix != null && responseVariable == null) return null;
        if (prefix != null && responseVariable.equals(prefix + "ResponseBody")) responseVariable = null;
        boolean anyJuel = false, literalLooksLikeJuel = false;
        StringBuilder headers = new StringBuilder();
        for (var e : h.headers().entrySet()) {
            Expression v = e.getValue();
            if (e.getKey().contains(":") || e.getKey().isBlank() || v == null || v.text().contains("\n") || !v.text().equals(v.text().strip())) return null;
            if (v.language() == Expression.Language.JUEL) anyJuel = true;
            else if (v.language() == Expression.Language.LITERAL) literalLooksLikeJuel |= Exprs.juel(v.text()).language() == Expression.Language.JUEL;
            else return null;
            if (!headers.isEmpty()) headers.append('\n');
            headers.append(e.getKey()).append(": ").append(v.text());
        }
        if (anyJuel && literalLooksLikeJuel) return null;
        List<Xml.Out> fields = new ArrayList<>();
        fields.add(field("requestMethod", Expression.literal(h.method())));
        fields.add(field("requestUrl", h.url()));
        if (!h.headers().isEmpty()) {
            fields.add(field("requestHeaders", new Expression(headers.toString(), anyJuel ? Expression.Language.JUEL : Expression.Language.LITERAL)));
        }
        if (h.body() != null) fields.add(field("requestBody", h.body()));
        if (h.timeout() != null) fields.add(field("requestTimeout", Expression.literal(Long.toString(h.timeout().toMillis()))));
        if (responseVariable != null) fields.add(field("responseVariableName", Expression.literal(responseVariable)));
        if (prefix != null) {
            fields.add(field("saveResponseParameters", Expression.literal("true")));
            if (!prefix.equals(elementId)) fields.add(field("resultVariablePrefix", Expression.literal(prefix)));
        }
        if (!handled.isEmpty()) fields.add(field("handleStatusCodes", Expression.literal(String.join(",", handled))));
        return fields;
    }

    private static boolean fieldExpressible(Expression e) {
        return e == null || ((e.language() == Expression.Language.LITERAL || e.language() == Expression.Language.JUEL) && e.text().equals(e.text().strip()));
    }

    private static Xml.Out field(String name, Expression value) {
        String kind = value.language() == Expression.Language.JUEL ? "expression" : "string";
        return new Xml.Out("field").attr("name", name).child(new Xml.Out(kind).text(value.text()));
    }

    // ---- call activities: Flowable has no binding attributes; inheritVariables passes everything in ----

    @Override
    CallSettings liftCall(Work w) {
        Boolean inherit = flag(w, "inheritVariables");
        Passing p = liftPassing(w);
        if (inherit == null && p == null) return null;
        if (p == null) p = new Passing(false, false, null, List.of(), List.of());
        return new CallSettings(null, null, p.businessKey(), p.allIn() || Boolean.TRUE.equals(inherit), p.allOut(), p.inputs(), p.outputs());
    }

    @Override
    boolean lowerOwnCall(CallSettings c, Work w) {
        if (c.binding() != CallSettings.Binding.LATEST || c.allOut() || w.has(ns, "inheritVariables")) return false;
        if (c.allIn()) w.put(ns, "inheritVariables", "true");
        return true;
    }

    @Override
    void writePassing(CallSettings c, Work w) {
        super.writePassing(new CallSettings(c.binding(), c.version(), c.businessKey(), false, c.allOut(), c.inputs(), c.outputs()), w);
    }
}
