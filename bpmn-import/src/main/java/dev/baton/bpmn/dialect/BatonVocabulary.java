package dev.baton.bpmn.dialect;

import dev.baton.model.Dialect;
import dev.baton.model.Expression;
import dev.baton.model.exec.CallSettings;
import dev.baton.model.exec.Implementation;
import dev.baton.model.exec.IoMapping;
import dev.baton.model.exec.MessageChannel;
import dev.baton.model.exec.RetryPolicy;
import dev.baton.model.exec.UserTaskSettings;
import dev.baton.model.exec.VariableMapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Baton's own namespace (baton:): it can say every execution setting, so lower puts here whatever the file's dialect
 * cannot say, and lift reads it first. An expression is an attribute plus, when its language is not the one its text
 * suggests, an attribute named &lt;name&gt;Language.
 */
final class BatonVocabulary implements Vocabulary {
    static final String NS = Dialect.BATON_NS;

    @Override
    public String namespace() { return NS; }

    /** A baton: element that does not read is kept and reported, and the setting it meant stays unset. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) { super(message, null, false, false); }
    }

    private static <T> T read(Work w, Work.Found f, java.util.function.Function<Element, T> reader) {
        try {
            T value = reader.apply(f.element());
            w.remove(f.fragment());
            return value;
        } catch (Unreadable | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            w.keep(f.fragment(), w.doc.display(NS, f.fragment().localName()) + " is kept but not used: " + e.getMessage());
            return null;
        }
    }

    // ---- expressions and values ----

    static Expression expr(Element e, String name) {
        String text = Xml.attr(e, name);
        if (text == null) return null;
        String lang = Xml.attr(e, name + "Language");
        if (lang == null) return Expression.of(text);
        try {
            return new Expression(text, Expression.Language.valueOf(lang.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException ex) {
            throw new Unreadable(name + "Language \"" + lang + "\" is not JUEL, FEEL, LITERAL or OTHER");
        }
    }

    static Xml.Out expr(Xml.Out out, String name, Expression e) {
        if (e == null) return out;
        out.attr(name, e.text());
        if (e.language() != Expression.detect(e.text())) out.attr(name + "Language", e.language().name());
        return out;
    }

    static String required(Element e, String name) {
        String v = Xml.attr(e, name);
        if (v == null) throw new Unreadable("it has no " + name);
        return v;
    }

    static Integer integer(Element e, String name) {
        String v = Xml.attr(e, name);
        if (v == null) return null;
        Integer i = Exprs.integer(v);
        if (i == null) throw new Unreadable(name + " \"" + v + "\" is not a whole number");
        return i;
    }

    static boolean bool(Element e, String name) {
        return "true".equals(Xml.attr(e, name));
    }

    static Map<String, Expression> pairs(Element e, String child, String keyName) {
        Map<String, Expression> out = new LinkedHashMap<>();
        for (Element c : Xml.children(e, NS, child)) out.put(required(c, keyName), expr(c, "value"));
        return out;
    }

    static void pairs(Xml.Out out, String child, String keyName, Map<String, Expression> values) {
        values.forEach((k, v) -> out.child(expr(new Xml.Out(child).attr(keyName, k), "value", v)));
    }

    static List<VariableMapping> mappings(Element e, String child) {
        List<VariableMapping> out = new ArrayList<>();
        for (Element c : Xml.children(e, NS, child)) out.add(new VariableMapping(required(c, "target"), expr(c, "source"), bool(c, "local")));
        return out;
    }

    static void mappings(Xml.Out out, String child, List<VariableMapping> values) {
        for (VariableMapping m : values) {
            out.child(expr(new Xml.Out(child).attr("target", m.target()), "source", m.source()).attr("local", m.local() ? "true" : null));
        }
    }

    private Boolean flag(Work w, String local) {
        String v = w.attr(NS, local);
        if (v == null) return null;
        if (!v.equals("true") && !v.equals("false")) {
            w.keepAttribute(NS, local, w.doc.display(NS, local) + "=\"" + v + "\" is kept but not used: it must be true or false");
            return null;
        }
        w.take(NS, local);
        return Boolean.valueOf(v);
    }

    private <T> T element(Work w, String local, java.util.function.Function<Element, T> reader) {
        Work.Found f = w.single(NS, local);
        return f == null ? null : read(w, f, reader);
    }

    // ---- activities ----

    @Override
    public void liftActivity(Work w, Settings.Activity s) {
        s.asyncBefore = flag(w, "asyncBefore");
        s.asyncAfter = flag(w, "asyncAfter");
        s.retries = element(w, "retry", BatonVocabulary::retry);
        s.io = element(w, "io", BatonVocabulary::io);
        s.implementation = liftImplementation(w);
        if (s.isUserTask()) s.user = element(w, "userTask", BatonVocabulary::user);
        if (s.isScriptTask()) s.resultVariable = w.take(NS, "resultVariable");
        if (s.isCallActivity()) s.call = element(w, "call", BatonVocabulary::call);
    }

    @Override
    public void lowerActivity(Settings.Activity s, Work w) {
        if (Boolean.TRUE.equals(s.asyncBefore)) w.put(NS, "asyncBefore", "true");
        if (Boolean.TRUE.equals(s.asyncAfter)) w.put(NS, "asyncAfter", "true");
        s.asyncBefore = null;
        s.asyncAfter = null;
        if (s.retries != null) w.add(NS, retry(s.retries));
        s.retries = null;
        if (s.io != null && !s.io.isEmpty()) w.add(NS, io(s.io));
        s.io = null;
        if (s.implementation != null) lowerImplementation(s.implementation, w);
        s.implementation = null;
        if (s.user != null) w.add(NS, user(s.user));
        s.user = null;
        if (s.resultVariable != null) w.put(NS, "resultVariable", s.resultVariable);
        s.resultVariable = null;
        if (s.call != null) w.add(NS, call(s.call));
        s.call = null;
    }

    static RetryPolicy retry(Element e) {
        String backoff = Xml.attr(e, "backoff"), multiplier = Xml.attr(e, "multiplier");
        Integer attempts = integer(e, "maxAttempts");
        try {
            return new RetryPolicy(attempts == null ? RetryPolicy.DEFAULT.maxAttempts() : attempts, Xml.attr(e, "cycle"),
                    backoff == null ? null : Duration.parse(backoff),
                    multiplier == null ? RetryPolicy.DEFAULT.multiplier() : Double.parseDouble(multiplier));
        } catch (NumberFormatException ex) {
            throw new Unreadable("multiplier \"" + multiplier + "\" is not a number");
        }
    }

    static Xml.Out retry(RetryPolicy p) {
        return new Xml.Out("retry").attr("maxAttempts", Integer.toString(p.maxAttempts())).attr("cycle", p.retryCycle())
                .attr("backoff", p.initialBackoff() == null ? null : p.initialBackoff().toString())
                .attr("multiplier", Double.toString(p.multiplier()));
    }

    static IoMapping io(Element e) {
        return new IoMapping(mappings(e, "input"), mappings(e, "output"));
    }

    static Xml.Out io(IoMapping io) {
        Xml.Out out = new Xml.Out("io");
        mappings(out, "input", io.inputs());
        mappings(out, "output", io.outputs());
        return out;
    }

    static UserTaskSettings user(Element e) {
        List<String> users = new ArrayList<>(), groups = new ArrayList<>();
        for (Element c : Xml.children(e, NS, "candidateUser")) users.add(c.getTextContent());
        for (Element c : Xml.children(e, NS, "candidateGroup")) groups.add(c.getTextContent());
        return new UserTaskSettings(expr(e, "assignee"), users, groups, Xml.attr(e, "formKey"), expr(e, "dueDate"),
                expr(e, "followUpDate"), integer(e, "priority"));
    }

    static Xml.Out user(UserTaskSettings u) {
        Xml.Out out = new Xml.Out("userTask");
        expr(out, "assignee", u.assignee());
        out.attr("formKey", u.formKey());
        expr(out, "dueDate", u.dueDate());
        expr(out, "followUpDate", u.followUpDate());
        out.attr("priority", u.priority() == null ? null : u.priority().toString());
        for (String c : u.candidateUsers()) out.child(new Xml.Out("candidateUser").text(c));
        for (String c : u.candidateGroups()) out.child(new Xml.Out("candidateGroup").text(c));
        return out;
    }

    static CallSettings call(Element e) {
        String binding = Xml.attr(e, "binding");
        CallSettings.Binding b;
        try {
            b = binding == null ? null : CallSettings.Binding.valueOf(binding.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new Unreadable("binding \"" + binding + "\" is not latest, version, deployment or version_tag");
        }
        return new CallSettings(b, Xml.attr(e, "version"), expr(e, "businessKey"), bool(e, "allIn"), bool(e, "allOut"),
                mappings(e, "in"), mappings(e, "out"), bool(e, "allInLocal"), bool(e, "allOutLocal"));
    }

    static Xml.Out call(CallSettings c) {
        Xml.Out out = new Xml.Out("call");
        if (c.binding() != CallSettings.Binding.LATEST) out.attr("binding", c.binding().name().toLowerCase(Locale.ROOT));
        out.attr("version", c.version());
        expr(out, "businessKey", c.businessKey());
        if (c.allIn()) out.attr("allIn", "true");
        if (c.allOut()) out.attr("allOut", "true");
        if (c.allInLocal()) out.attr("allInLocal", "true");
        if (c.allOutLocal()) out.attr("allOutLocal", "true");
        mappings(out, "in", c.inputs());
        mappings(out, "out", c.outputs());
        return out;
    }

    // ---- implementations ----

    private static final List<String> IMPLEMENTATIONS =
            List.of("http", "kafka", "rabbit", "externalTask", "expression", "javaClass", "delegateExpression", "decision");

    Implementation liftImplementation(Work w) {
        Implementation found = null;
        for (String local : IMPLEMENTATIONS) {
            for (Work.Found f : w.find(NS, local)) {
                if (found != null) {
                    w.keep(f.fragment(), w.doc.display(NS, local) + " is kept but not used: the element already has an implementation");
                    continue;
                }
                if (f.element() == null) {
                    w.keep(f.fragment(), w.doc.display(NS, local) + " is not well-formed XML and is kept unread");
                    continue;
                }
                found = read(w, f, e -> implementation(local, e));
            }
        }
        return found;
    }

    static Implementation implementation(String local, Element e) {
        return switch (local) {
            case "http" -> {
                Map<String, String> errors = new LinkedHashMap<>();
                for (Element c : Xml.children(e, NS, "errorCode")) errors.put(required(c, "status"), required(c, "error"));
                String format = Xml.attr(e, "bodyFormat"), timeout = Xml.attr(e, "timeout");
                yield new Implementation.HttpCall(Xml.attr(e, "method"), expr(e, "url"), pairs(e, "header", "name"), expr(e, "body"),
                        format == null ? null : Implementation.BodyFormat.valueOf(format.toUpperCase(Locale.ROOT)),
                        pairs(e, "response", "variable"), errors, timeout == null ? null : Duration.parse(timeout), Xml.attr(e, "secretRef"));
            }
            case "kafka" -> new Implementation.KafkaPublish(required(e, "topic"), expr(e, "key"), expr(e, "value"), pairs(e, "header", "name"));
            case "rabbit" -> new Implementation.RabbitPublish(Xml.attr(e, "exchange"), expr(e, "routingKey"), expr(e, "body"), pairs(e, "header", "name"));
            case "externalTask" -> new Implementation.ExternalTask(expr(e, "topic"), integer(e, "priority"));
            case "expression" -> new Implementation.ExpressionCall(expr(e, "expression"), Xml.attr(e, "resultVariable"));
            case "javaClass" -> new Implementation.JavaClass(required(e, "className"));
            case "delegateExpression" -> new Implementation.DelegateExpression(expr(e, "expression"));
            case "decision" -> {
                List<String> details = new ArrayList<>();
                for (Element c : Xml.children(e, NS, "detail")) details.add(c.getTextContent());
                yield new Implementation.Decision(Xml.attr(e, "decisionRef"), Xml.attr(e, "resultVariable"), details);
            }
            default -> throw new IllegalStateException("no reader for baton:" + local);
        };
    }

    static void lowerImplementation(Implementation impl, Work w) {
        Xml.Out out;
        if (impl instanceof Implementation.HttpCall h) {
            out = new Xml.Out("http").attr("method", h.method());
            expr(out, "url", h.url());
            expr(out, "body", h.body());
            out.attr("bodyFormat", h.bodyFormat().name());
            out.attr("timeout", h.timeout() == null ? null : h.timeout().toString());
            out.attr("secretRef", h.secretRef());
            pairs(out, "header", "name", h.headers());
            pairs(out, "response", "variable", h.responseMappings());
            for (var e : h.errorCodes().entrySet()) out.child(new Xml.Out("errorCode").attr("status", e.getKey()).attr("error", e.getValue()));
        } else if (impl instanceof Implementation.KafkaPublish k) {
            out = new Xml.Out("kafka").attr("topic", k.topic());
            expr(out, "key", k.key());
            expr(out, "value", k.value());
            pairs(out, "header", "name", k.headers());
        } else if (impl instanceof Implementation.RabbitPublish r) {
            out = new Xml.Out("rabbit").attr("exchange", r.exchange());
            expr(out, "routingKey", r.routingKey());
            expr(out, "body", r.body());
            pairs(out, "header", "name", r.headers());
        } else if (impl instanceof Implementation.ExternalTask t) {
            out = expr(new Xml.Out("externalTask"), "topic", t.topic()).attr("priority", t.priority() == null ? null : t.priority().toString());
        } else if (impl instanceof Implementation.ExpressionCall c) {
            out = expr(new Xml.Out("expression"), "expression", c.expression()).attr("resultVariable", c.resultVariable());
        } else if (impl instanceof Implementation.JavaClass j) {
            out = new Xml.Out("javaClass").attr("className", j.className());
        } else if (impl instanceof Implementation.DelegateExpression d) {
            out = expr(new Xml.Out("delegateExpression"), "expression", d.expression());
        } else if (impl instanceof Implementation.Decision d) {
            out = new Xml.Out("decision").attr("decisionRef", d.decisionRef()).attr("resultVariable", d.resultVariable());
            for (String detail : d.details()) out.child(new Xml.Out("detail").text(detail));
        } else {
            // Unsupported describes something kept in the file as it was; there is nothing of Baton's to write
            out = null;
        }
        if (out != null) w.add(NS, out);
    }

    // ---- events ----

    @Override
    public void liftEvent(Work w, Settings.Event s) {
        s.io = element(w, "io", BatonVocabulary::io);
        s.implementation = liftImplementation(w);
    }

    @Override
    public void lowerEvent(Settings.Event s, Work w) {
        if (s.io != null && !s.io.isEmpty()) w.add(NS, io(s.io));
        s.io = null;
        if (s.implementation != null) lowerImplementation(s.implementation, w);
        s.implementation = null;
    }

    // ---- multi-instance ----

    @Override
    public void liftLoop(Work w, Settings.Loop s) {
        Work.Found f = w.single(NS, "multiInstance");
        if (f == null) return;
        read(w, f, e -> {
            s.collection = expr(e, "collection");
            s.elementVariable = Xml.attr(e, "elementVariable");
            s.outputCollection = Xml.attr(e, "outputCollection");
            s.outputElement = expr(e, "outputElement");
            return Boolean.TRUE;
        });
    }

    @Override
    public void lowerLoop(Settings.Loop s, Work w) {
        if (s.isEmpty()) return;
        Xml.Out o = new Xml.Out("multiInstance");
        expr(o, "collection", s.collection);
        o.attr("elementVariable", s.elementVariable).attr("outputCollection", s.outputCollection);
        expr(o, "outputElement", s.outputElement);
        w.add(NS, o);
        s.clear();
    }

    // ---- messages ----

    @Override
    public void liftMessage(Work w, Settings.Message s) {
        Expression key = element(w, "subscription", e -> expr(e, "correlationKey"));
        if (key != null) s.correlationKey = key;
        s.channel = element(w, "channel", BatonVocabulary::channel);
    }

    static MessageChannel channel(Element e) {
        String type = required(e, "type");
        return switch (type) {
            case "kafka" -> new MessageChannel.Kafka(required(e, "topic"), expr(e, "correlationKey"));
            case "rabbit" -> new MessageChannel.Rabbit(Xml.attr(e, "queue"), Xml.attr(e, "exchange"), Xml.attr(e, "routingKey"),
                    expr(e, "correlationKey"));
            default -> throw new Unreadable("type \"" + type + "\" is not kafka or rabbit");
        };
    }

    @Override
    public void lowerMessage(Settings.Message s, Work w) {
        if (s.correlationKey != null) w.add(NS, expr(new Xml.Out("subscription"), "correlationKey", s.correlationKey));
        s.correlationKey = null;
        if (s.channel != null) {
            Xml.Out o;
            if (s.channel instanceof MessageChannel.Kafka k) {
                o = expr(new Xml.Out("channel").attr("type", "kafka").attr("topic", k.topic()), "correlationKey", k.correlationKey());
            } else {
                MessageChannel.Rabbit r = (MessageChannel.Rabbit) s.channel;
                o = expr(new Xml.Out("channel").attr("type", "rabbit").attr("queue", r.queue()).attr("exchange", r.exchange())
                        .attr("routingKey", r.routingKey()), "correlationKey", r.correlationKey());
            }
            w.add(NS, o);
        }
        s.channel = null;
    }

    // ---- caught errors and escalations ----

    @Override
    public void liftCaught(Work w, Settings.Caught s) {
        s.codeVariable = w.take(NS, s.escalation ? "escalationCodeVariable" : "errorCodeVariable");
        if (!s.escalation) s.messageVariable = w.take(NS, "errorMessageVariable");
    }

    @Override
    public void lowerCaught(Settings.Caught s, Work w) {
        if (s.codeVariable != null) w.put(NS, s.escalation ? "escalationCodeVariable" : "errorCodeVariable", s.codeVariable);
        if (s.messageVariable != null && !s.escalation) w.put(NS, "errorMessageVariable", s.messageVariable);
        s.codeVariable = null;
        s.messageVariable = null;
    }
}
