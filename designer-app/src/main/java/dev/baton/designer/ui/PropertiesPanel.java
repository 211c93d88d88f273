package dev.baton.designer.ui;

import dev.baton.designer.model.Command;
import dev.baton.designer.model.DiagramIndex;
import dev.baton.designer.model.Elements;
import dev.baton.designer.model.ExpressionCheck;
import dev.baton.designer.model.Modeling;
import dev.baton.designer.model.Rules;
import dev.baton.designer.model.Semantics;
import dev.baton.designer.model.TimerPreview;
import dev.baton.model.Activity;
import dev.baton.model.ActivitySettings;
import dev.baton.model.CallActivity;
import dev.baton.model.Documentation;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.Expression;
import dev.baton.model.GlobalElement;
import dev.baton.model.LoopCharacteristics;
import dev.baton.model.SequenceFlow;
import dev.baton.model.Task;
import dev.baton.model.exec.Implementation;
import dev.baton.model.exec.IoMapping;
import dev.baton.model.exec.RetryPolicy;
import dev.baton.model.exec.Script;
import dev.baton.model.exec.UserTaskSettings;
import dev.baton.model.exec.VariableMapping;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The selected element's properties: id (checked for uniqueness), name, documentation, and what the engine
 * executes. Every change is one command; a bad expression shows its error under the field as it is typed.
 */
public final class PropertiesPanel extends ScrollPane {

    private final Editor editor;
    private final VBox box = new VBox(6);
    private String shownId;
    private Object shownElement;

    public PropertiesPanel(Editor editor) {
        this.editor = editor;
        getStyleClass().add("properties-panel");
        setFitToWidth(true);
        setPrefWidth(320);
        box.setPadding(new Insets(10));
        setContent(box);
        editor.selection().addListener((javafx.collections.SetChangeListener<String>) c -> rebuild());
        editor.document().commands().currentProperty().addListener(o -> rebuild());
        rebuild();
    }

    private void rebuild() {
        DiagramIndex idx = editor.index();
        String id = editor.selection().size() == 1 ? editor.selection().iterator().next() : null;
        Object element = id == null ? null : idx.element(id);
        if (java.util.Objects.equals(id, shownId) && element == shownElement && !box.getChildren().isEmpty()) return;
        shownId = id;
        shownElement = element;
        box.getChildren().clear();
        if (id == null || element == null) {
            Label l = new Label(editor.selection().isEmpty() ? "Select an element to see its properties." : editor.selection().size() + " elements selected.");
            l.setWrapText(true);
            box.getChildren().add(l);
            return;
        }
        Label title = new Label(kindName(element));
        title.getStyleClass().add("title-4");
        box.getChildren().add(title);
        general(id, element);
        if (element instanceof SequenceFlow f) flow(idx, f);
        if (element instanceof Task t) task(t);
        if (element instanceof Event e) event(e);
        if (element instanceof CallActivity c) call(c);
        if (element instanceof Activity a) activity(a);
    }

    static String kindName(Object e) {
        if (e instanceof dev.baton.model.FlowNode n) return pretty(n.kind().xmlName());
        return pretty(e.getClass().getSimpleName());
    }

    private static String pretty(String camel) {
        String s = camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ---------------------------------------------------------------- sections

    private void general(String id, Object element) {
        VBox g = section("General");
        boolean idEditable = element instanceof dev.baton.model.FlowElement || element instanceof dev.baton.model.Artifact;
        TextField idField = field(g, "Id", id, "prop-id", v -> editor.run(() -> editor.modeling().changeId(editor.index(), id, v.strip())),
                v -> {
                    String t = v.strip();
                    if (t.isEmpty()) return "An id is required.";
                    if (!t.matches("[A-Za-z_][A-Za-z0-9_.\\-]*")) return "Start with a letter or '_'; use letters, digits, '_', '-', '.'.";
                    if (!t.equals(id) && editor.index().idTaken(t)) return "The id " + t + " is already used.";
                    return null;
                });
        idField.setEditable(idEditable);
        if (Elements.isNamed(element)) {
            area(g, element instanceof dev.baton.model.Artifact.TextAnnotation ? "Text" : "Name", Elements.name(element), "prop-name",
                    v -> editor.rename(id, v), null);
        }
        if (!(element instanceof DiagramIndex.OwnedDataAssociation) && !(element instanceof dev.baton.model.Artifact.Group)) {
            String doc = Elements.documentation(element).stream().map(Documentation::text).reduce((a, b) -> a + "\n" + b).orElse("");
            area(g, "Documentation", doc, "prop-documentation", v -> update("Edit documentation of " + Modeling.describe(editor.index(), id),
                    Elements.withDocumentation(current(id), v.isBlank() ? List.of() : List.of(Documentation.plain(v)))), null);
        }
    }

    private void flow(DiagramIndex idx, SequenceFlow f) {
        VBox s = section("Flow");
        if (Rules.canHaveCondition(idx, f)) {
            field(s, "Condition", f.condition() == null ? "" : f.condition().text(), "prop-condition",
                    v -> update("Set condition of " + Modeling.describe(editor.index(), f.id()),
                            ((SequenceFlow) current(f.id())).withCondition(v.isBlank() ? null : Expression.of(v))), ExpressionCheck::check);
        }
        if (Rules.canBeDefault(idx, f)) {
            Object src = idx.element(f.sourceRef());
            boolean isDefault = src instanceof dev.baton.model.Gateway g && f.id().equals(g.defaultFlow())
                    || src instanceof Activity a && f.id().equals(a.activity().defaultFlow());
            CheckBox cb = new CheckBox("Default flow");
            cb.setId("prop-default-flow");
            cb.setSelected(isDefault);
            cb.setOnAction(e -> editor.run(() -> editor.modeling().toggleDefaultFlow(editor.index(), f.id())));
            s.getChildren().add(cb);
        }
    }

    private void task(Task t) {
        if (t.kind() == ElementKind.SERVICE_TASK || t.kind() == ElementKind.SEND_TASK || t.kind() == ElementKind.BUSINESS_RULE_TASK) {
            implementation(t.id(), t.implementation(), impl -> ((Task) current(t.id())).withImplementation(impl));
        }
        if (t.kind() == ElementKind.SEND_TASK || t.kind() == ElementKind.RECEIVE_TASK) {
            VBox s = section("Message");
            messageFields(s, t.id(), t.messageRef(), (cur, ref) -> {
                Task c = (Task) cur;
                return new Task(c.id(), c.name(), c.kind(), c.activity(), c.implementation(), ref, c.script(), c.user(), c.instantiate(),
                        c.documentation(), c.extensions());
            });
        }
        if (t.kind() == ElementKind.SCRIPT_TASK) {
            VBox s = section("Script");
            Script sc = t.script() == null ? new Script("javascript", "", null) : t.script();
            field(s, "Format", sc.format(), "prop-script-format", v -> setScript(t.id(), new Script(v, scriptOf(t.id()).text(), scriptOf(t.id()).resultVariable())), null);
            area(s, "Script", sc.text(), "prop-script", v -> setScript(t.id(), new Script(scriptOf(t.id()).format(), v, scriptOf(t.id()).resultVariable())), null);
            field(s, "Result variable", sc.resultVariable(), "prop-script-result",
                    v -> setScript(t.id(), new Script(scriptOf(t.id()).format(), scriptOf(t.id()).text(), v.isBlank() ? null : v)), null);
        }
        if (t.kind() == ElementKind.USER_TASK) {
            VBox s = section("Assignment");
            UserTaskSettings u = t.user() == null ? new UserTaskSettings(null, null, null, null, null, null, null) : t.user();
            field(s, "Assignee", u.assignee() == null ? "" : u.assignee().text(), "prop-assignee", v -> setUser(t.id(), x ->
                    new UserTaskSettings(v.isBlank() ? null : Expression.of(v), x.candidateUsers(), x.candidateGroups(), x.formKey(), x.dueDate(),
                            x.followUpDate(), x.priority())), ExpressionCheck::check);
            field(s, "Candidate groups (comma separated)", String.join(", ", u.candidateGroups()), "prop-groups", v -> setUser(t.id(), x ->
                    new UserTaskSettings(x.assignee(), x.candidateUsers(), splitList(v), x.formKey(), x.dueDate(), x.followUpDate(), x.priority())), null);
            field(s, "Form key", u.formKey(), "prop-form-key", v -> setUser(t.id(), x ->
                    new UserTaskSettings(x.assignee(), x.candidateUsers(), x.candidateGroups(), v.isBlank() ? null : v, x.dueDate(),
                            x.followUpDate(), x.priority())), null);
        }
    }

    private Script scriptOf(String id) {
        Task t = (Task) current(id);
        return t.script() == null ? new Script("javascript", "", null) : t.script();
    }

    private void setScript(String id, Script s) {
        Task c = (Task) current(id);
        update("Edit script of " + Modeling.describe(editor.index(), id), new Task(c.id(), c.name(), c.kind(), c.activity(), c.implementation(),
                c.messageRef(), s, c.user(), c.instantiate(), c.documentation(), c.extensions()));
    }

    private void setUser(String id, java.util.function.UnaryOperator<UserTaskSettings> op) {
        Task c = (Task) current(id);
        UserTaskSettings u = c.user() == null ? new UserTaskSettings(null, null, null, null, null, null, null) : c.user();
        update("Edit assignment of " + Modeling.describe(editor.index(), id), new Task(c.id(), c.name(), c.kind(), c.activity(),
                c.implementation(), c.messageRef(), c.script(), op.apply(u), c.instantiate(), c.documentation(), c.extensions()));
    }

    private static List<String> splitList(String v) {
        return java.util.Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private void implementation(String id, Implementation impl, Function<Implementation, Object> with) {
        VBox s = section("Implementation");
        ChoiceBox<String> type = new ChoiceBox<>();
        type.setId("prop-implementation");
        type.getItems().addAll("None", "HTTP call", "External task", "Kafka publish", "RabbitMQ publish", "Expression");
        type.setValue(impl instanceof Implementation.HttpCall ? "HTTP call" : impl instanceof Implementation.ExternalTask ? "External task"
                : impl instanceof Implementation.KafkaPublish ? "Kafka publish" : impl instanceof Implementation.RabbitPublish ? "RabbitMQ publish"
                : impl instanceof Implementation.ExpressionCall ? "Expression" : "None");
        type.setOnAction(e -> {
            Implementation fresh = switch (type.getValue()) {
                case "HTTP call" -> new Implementation.HttpCall("GET", Expression.literal("https://"), null, null, null, null, null, null, null);
                case "External task" -> new Implementation.ExternalTask(Expression.literal(id), null);
                case "Kafka publish" -> new Implementation.KafkaPublish("topic", null, null, null);
                case "RabbitMQ publish" -> new Implementation.RabbitPublish("", Expression.literal("routing.key"), null, null);
                case "Expression" -> new Implementation.ExpressionCall(Expression.of("${true}"), null);
                default -> null;
            };
            update("Set implementation of " + Modeling.describe(editor.index(), id), with.apply(fresh));
        });
        s.getChildren().add(labelled("Type", type));
        Consumer<Implementation> set = ni -> update("Edit implementation of " + Modeling.describe(editor.index(), id), with.apply(ni));
        if (impl instanceof Implementation.HttpCall h) {
            ChoiceBox<String> method = new ChoiceBox<>();
            method.setId("prop-http-method");
            method.getItems().addAll("GET", "POST", "PUT", "PATCH", "DELETE");
            method.setValue(h.method());
            method.setOnAction(e -> set.accept(new Implementation.HttpCall(method.getValue(), h.url(), h.headers(), h.body(), h.bodyFormat(),
                    h.responseMappings(), h.errorCodes(), h.timeout(), h.secretRef())));
            s.getChildren().add(labelled("Method", method));
            field(s, "URL", h.url() == null ? "" : h.url().text(), "prop-http-url", v -> set.accept(new Implementation.HttpCall(h.method(),
                    Expression.of(v), h.headers(), h.body(), h.bodyFormat(), h.responseMappings(), h.errorCodes(), h.timeout(), h.secretRef())),
                    ExpressionCheck::check);
            area(s, "Headers (Name: value per line)", mapText(h.headers(), ": "), "prop-http-headers", v -> set.accept(new Implementation.HttpCall(
                    h.method(), h.url(), parseMap(v, ":"), h.body(), h.bodyFormat(), h.responseMappings(), h.errorCodes(), h.timeout(), h.secretRef())),
                    v -> checkMap(v, ":"));
            area(s, "Body", h.body() == null ? "" : h.body().text(), "prop-http-body", v -> set.accept(new Implementation.HttpCall(h.method(),
                    h.url(), h.headers(), v.isBlank() ? null : Expression.of(v), h.bodyFormat(), h.responseMappings(), h.errorCodes(), h.timeout(),
                    h.secretRef())), ExpressionCheck::check);
            area(s, "Response mapping (variable = expression per line)", mapText(h.responseMappings(), " = "), "prop-http-response",
                    v -> set.accept(new Implementation.HttpCall(h.method(), h.url(), h.headers(), h.body(), h.bodyFormat(), parseMap(v, "="),
                            h.errorCodes(), h.timeout(), h.secretRef())), v -> checkMap(v, "="));
            field(s, "Timeout (seconds)", h.timeout() == null ? "" : String.valueOf(h.timeout().toSeconds()), "prop-http-timeout",
                    v -> set.accept(new Implementation.HttpCall(h.method(), h.url(), h.headers(), h.body(), h.bodyFormat(), h.responseMappings(),
                            h.errorCodes(), v.isBlank() ? null : Duration.ofSeconds(Long.parseLong(v.strip())), h.secretRef())),
                    v -> v.isBlank() || v.strip().matches("\\d{1,6}") ? null : "Enter whole seconds, e.g. 30.");
        } else if (impl instanceof Implementation.ExternalTask x) {
            field(s, "Topic", x.topic() == null ? "" : x.topic().text(), "prop-topic",
                    v -> set.accept(new Implementation.ExternalTask(Expression.of(v), x.priority())), ExpressionCheck::check);
        } else if (impl instanceof Implementation.KafkaPublish k) {
            field(s, "Topic", k.topic(), "prop-kafka-topic", v -> set.accept(new Implementation.KafkaPublish(v, k.key(), k.value(), k.headers())), null);
            field(s, "Key", k.key() == null ? "" : k.key().text(), "prop-kafka-key",
                    v -> set.accept(new Implementation.KafkaPublish(k.topic(), v.isBlank() ? null : Expression.of(v), k.value(), k.headers())), ExpressionCheck::check);
            area(s, "Value", k.value() == null ? "" : k.value().text(), "prop-kafka-value",
                    v -> set.accept(new Implementation.KafkaPublish(k.topic(), k.key(), v.isBlank() ? null : Expression.of(v), k.headers())), ExpressionCheck::check);
            area(s, "Headers (Name: value per line)", mapText(k.headers(), ": "), "prop-kafka-headers",
                    v -> set.accept(new Implementation.KafkaPublish(k.topic(), k.key(), k.value(), parseMap(v, ":"))), v -> checkMap(v, ":"));
        } else if (impl instanceof Implementation.RabbitPublish r) {
            field(s, "Exchange", r.exchange(), "prop-rabbit-exchange", v -> set.accept(new Implementation.RabbitPublish(v, r.routingKey(), r.body(), r.headers())), null);
            field(s, "Routing key", r.routingKey() == null ? "" : r.routingKey().text(), "prop-rabbit-key",
                    v -> set.accept(new Implementation.RabbitPublish(r.exchange(), Expression.of(v), r.body(), r.headers())), ExpressionCheck::check);
            area(s, "Body", r.body() == null ? "" : r.body().text(), "prop-rabbit-body",
                    v -> set.accept(new Implementation.RabbitPublish(r.exchange(), r.routingKey(), v.isBlank() ? null : Expression.of(v), r.headers())), ExpressionCheck::check);
            area(s, "Headers (Name: value per line)", mapText(r.headers(), ": "), "prop-rabbit-headers",
                    v -> set.accept(new Implementation.RabbitPublish(r.exchange(), r.routingKey(), r.body(), parseMap(v, ":"))), v -> checkMap(v, ":"));
        } else if (impl instanceof Implementation.ExpressionCall x) {
            field(s, "Expression", x.expression() == null ? "" : x.expression().text(), "prop-expression",
                    v -> set.accept(new Implementation.ExpressionCall(Expression.of(v), x.resultVariable())), ExpressionCheck::check);
            field(s, "Result variable", x.resultVariable(), "prop-result-variable",
                    v -> set.accept(new Implementation.ExpressionCall(x.expression(), v.isBlank() ? null : v)), null);
        } else if (impl != null) {
            Label l = new Label("Kept from the file: " + impl.getClass().getSimpleName() + ". Baton cannot run it; choose another type.");
            l.setWrapText(true);
            s.getChildren().add(l);
        }
    }

    private void event(Event e) {
        EventDefinition d = e.definition();
        if (d instanceof EventDefinition.Timer t) {
            VBox s = section("Timer");
            ChoiceBox<EventDefinition.TimerKind> kind = new ChoiceBox<>();
            kind.setId("prop-timer-kind");
            kind.getItems().addAll(EventDefinition.TimerKind.DATE, EventDefinition.TimerKind.DURATION, EventDefinition.TimerKind.CYCLE);
            kind.setConverter(new javafx.util.StringConverter<>() {
                @Override public String toString(EventDefinition.TimerKind k) {
                    return k == null ? "" : switch (k) {
                        case DATE -> "Date (once, at a time)";
                        case DURATION -> "Duration (after a while)";
                        case CYCLE -> "Cycle (repeating)";
                        default -> "";
                    };
                }
                @Override public EventDefinition.TimerKind fromString(String s) { return null; }
            });
            kind.setValue(t.kind() == EventDefinition.TimerKind.NONE ? EventDefinition.TimerKind.DURATION : t.kind());
            Label preview = new Label(TimerPreview.describe(kind.getValue(), t.value() == null ? null : t.value().text()));
            preview.setId("prop-timer-preview");
            preview.setWrapText(true);
            preview.getStyleClass().add("text-muted");
            kind.setOnAction(x -> setDefinition(e.id(), new EventDefinition.Timer(t.id(), kind.getValue(), timerOf(e.id()).value(), t.extensions())));
            s.getChildren().add(labelled("Type", kind));
            TextField value = field(s, "Value (ISO 8601)", t.value() == null ? "" : t.value().text(), "prop-timer-value",
                    v -> setDefinition(e.id(), new EventDefinition.Timer(t.id(), kind.getValue(), v.isBlank() ? null : Expression.of(v), t.extensions())),
                    v -> {
                        String p = TimerPreview.describe(kind.getValue(), v);
                        return p.startsWith("Not a valid") ? p : null;
                    });
            value.textProperty().addListener((o, a, b) -> preview.setText(TimerPreview.describe(kind.getValue(), b)));
            s.getChildren().add(preview);
        } else if (d instanceof EventDefinition.Message m) {
            VBox s = section("Message");
            messageFields(s, e.id(), m.messageRef(), (cur, ref) -> withDefinition((Event) cur,
                    new EventDefinition.Message(m.id(), ref, m.operationRef(), m.extensions())));
            if (e.isThrowing()) implementation(e.id(), e.implementation(), impl -> {
                Event c = (Event) current(e.id());
                return new Event(c.id(), c.name(), c.kind(), c.eventDefinitions(), c.interrupting(), c.attachedToRef(), c.parallelMultiple(),
                        c.dataInputAssociations(), c.dataOutputAssociations(), impl, c.io(), c.documentation(), c.extensions());
            });
        } else if (d instanceof EventDefinition.Signal sg) {
            VBox s = section("Signal");
            globalName(s, e.id(), "Signal name", "prop-signal", sg.signalRef(), GlobalElement.Signal.class,
                    (id, name) -> new GlobalElement.Signal(id, name, null, null),
                    ref -> new EventDefinition.Signal(sg.id(), ref, sg.extensions()));
        } else if (d instanceof EventDefinition.Error er) {
            VBox s = section("Error");
            globalName(s, e.id(), "Error code", "prop-error", er.errorRef(), GlobalElement.Error.class,
                    (id, name) -> new GlobalElement.Error(id, name, name, null, null),
                    ref -> new EventDefinition.Error(er.id(), ref, er.errorCodeVariable(), er.errorMessageVariable(), er.extensions()));
        } else if (d instanceof EventDefinition.Conditional c) {
            VBox s = section("Condition");
            field(s, "Condition", c.condition() == null ? "" : c.condition().text(), "prop-event-condition",
                    v -> setDefinition(e.id(), new EventDefinition.Conditional(c.id(), v.isBlank() ? null : Expression.of(v), c.variableName(),
                            c.variableEvents(), c.extensions())), ExpressionCheck::check);
        }
        if (e.kind() == ElementKind.BOUNDARY_EVENT || (e.kind() == ElementKind.START_EVENT && editor.index().element(editor.index().container(e.id()))
                instanceof dev.baton.model.SubProcess sp && sp.triggeredByEvent())) {
            CheckBox cb = new CheckBox("Interrupting");
            cb.setId("prop-interrupting");
            cb.setSelected(e.interrupting());
            cb.setOnAction(x -> {
                Event c = (Event) current(e.id());
                update((cb.isSelected() ? "Make interrupting " : "Make non-interrupting ") + Modeling.describe(editor.index(), e.id()),
                        new Event(c.id(), c.name(), c.kind(), c.eventDefinitions(), cb.isSelected(), c.attachedToRef(), c.parallelMultiple(),
                                c.dataInputAssociations(), c.dataOutputAssociations(), c.implementation(), c.io(), c.documentation(), c.extensions()));
            });
            section("Behaviour").getChildren().add(cb);
        }
    }

    private EventDefinition.Timer timerOf(String id) { return (EventDefinition.Timer) ((Event) current(id)).definition(); }

    private static Event withDefinition(Event c, EventDefinition d) {
        return new Event(c.id(), c.name(), c.kind(), List.of(d), c.interrupting(), c.attachedToRef(), c.parallelMultiple(),
                c.dataInputAssociations(), c.dataOutputAssociations(), c.implementation(), c.io(), c.documentation(), c.extensions());
    }

    private void setDefinition(String id, EventDefinition d) {
        update("Edit " + Modeling.describe(editor.index(), id), withDefinition((Event) current(id), d));
    }

    /** A message name field: picks the message with that name, or adds one; plus its correlation key. */
    private void messageFields(VBox s, String id, String messageRef, java.util.function.BiFunction<Object, String, Object> withRef) {
        GlobalElement.Message msg = editor.index().definitions().globals(GlobalElement.Message.class).stream()
                .filter(m -> m.id().equals(messageRef)).findFirst().orElse(null);
        field(s, "Message name", msg == null ? "" : msg.name(), "prop-message", v -> {
            String name = v.strip();
            editor.run(Command.of("Set message of " + Modeling.describe(editor.index(), id) + " to '" + name + "'", d -> {
                if (name.isEmpty()) return Semantics.replace(d, withRef.apply(new DiagramIndex(d).element(id), null));
                GlobalElement.Message found = d.globals(GlobalElement.Message.class).stream().filter(m -> name.equals(m.name())).findFirst().orElse(null);
                Definitions2 r = ensureGlobal(d, found, "Message", name, gid -> new GlobalElement.Message(gid, name, null, null, null, null));
                return Semantics.replace(r.definitions(), withRef.apply(new DiagramIndex(r.definitions()).element(id), r.id()));
            }));
        }, null);
        if (msg != null) {
            field(s, "Correlation key", msg.correlationKey() == null ? "" : msg.correlationKey().text(), "prop-correlation",
                    v -> editor.run(Command.of("Set correlation key of message '" + msg.name() + "'", d -> d.replace(new GlobalElement.Message(msg.id(),
                            msg.name(), msg.itemRef(), v.isBlank() ? null : Expression.of(v), msg.channel(), msg.extensions())))),
                    ExpressionCheck::check);
        }
    }

    private record Definitions2(dev.baton.model.Definitions definitions, String id) {}

    private static Definitions2 ensureGlobal(dev.baton.model.Definitions d, GlobalElement found, String prefix, String name,
                                             Function<String, GlobalElement> make) {
        if (found != null) return new Definitions2(d, found.id());
        DiagramIndex idx = new DiagramIndex(d);
        String base = prefix + "_" + name.replaceAll("[^A-Za-z0-9_]", "_");
        String gid = base;
        for (int n = 2; idx.idTaken(gid); n++) gid = base + "_" + n;
        return new Definitions2(d.replace(make.apply(gid)), gid);
    }

    private <G extends GlobalElement> void globalName(VBox s, String id, String label, String fieldId, String ref, Class<G> type,
                                                       java.util.function.BiFunction<String, String, G> make,
                                                       Function<String, EventDefinition> withRef) {
        G g = editor.index().definitions().globals(type).stream().filter(x -> x.id().equals(ref)).findFirst().orElse(null);
        String shown = g == null ? "" : g instanceof GlobalElement.Error er && er.errorCode() != null ? er.errorCode() : g.name();
        field(s, label, shown, fieldId, v -> {
            String name = v.strip();
            editor.run(Command.of("Set " + label.toLowerCase(java.util.Locale.ROOT) + " of " + Modeling.describe(editor.index(), id), d -> {
                if (name.isEmpty()) return Semantics.replace(d, withDefinition((Event) new DiagramIndex(d).element(id), withRef.apply(null)));
                G found = d.globals(type).stream().filter(x -> name.equals(x.name())).findFirst().orElse(null);
                Definitions2 r = ensureGlobal(d, found, type.getSimpleName(), name, gid -> make.apply(gid, name));
                return Semantics.replace(r.definitions(), withDefinition((Event) new DiagramIndex(r.definitions()).element(id), withRef.apply(r.id())));
            }));
        }, null);
    }

    private void call(CallActivity c) {
        VBox s = section("Called process");
        field(s, "Process id", c.calledElement(), "prop-called", v -> {
            CallActivity cur = (CallActivity) current(c.id());
            update("Set called process of " + Modeling.describe(editor.index(), c.id()), new CallActivity(cur.id(), cur.name(),
                    v.isBlank() ? null : v.strip(), cur.call(), cur.activity(), cur.documentation(), cur.extensions()));
        }, v -> v.isBlank() || v.strip().matches("[A-Za-z_][A-Za-z0-9_.\\-]*|\\$\\{.+}|=.+") ? null : "Enter a process id, e.g. invoice-check.");
    }

    private void activity(Activity a) {
        ActivitySettings st = a.activity();
        VBox mi = section("Multi-instance");
        ChoiceBox<String> mode = new ChoiceBox<>();
        mode.setId("prop-multi-instance");
        mode.getItems().addAll("None", "Parallel", "Sequential", "Standard loop");
        LoopCharacteristics loop = st.loop();
        mode.setValue(loop instanceof LoopCharacteristics.MultiInstance m ? (m.sequential() ? "Sequential" : "Parallel")
                : loop instanceof LoopCharacteristics.StandardLoop ? "Standard loop" : "None");
        mode.setOnAction(e -> {
            LoopCharacteristics nl = switch (mode.getValue()) {
                case "Parallel", "Sequential" -> {
                    LoopCharacteristics.MultiInstance old = loop instanceof LoopCharacteristics.MultiInstance m ? m : null;
                    yield new LoopCharacteristics.MultiInstance(old == null ? "MultiInstance_" + a.id() : old.id(), mode.getValue().equals("Sequential"),
                            old == null ? null : old.loopCardinality(), old == null ? null : old.collection(), old == null ? null : old.elementVariable(),
                            old == null ? null : old.completionCondition(), old == null ? null : old.outputCollection(),
                            old == null ? null : old.outputElement(), null);
                }
                case "Standard loop" -> new LoopCharacteristics.StandardLoop("Loop_" + a.id(), null, false, null, null);
                default -> null;
            };
            setActivity(a.id(), "Set multi-instance of ", x -> x.withLoop(nl));
        });
        mi.getChildren().add(labelled("Mode", mode));
        if (loop instanceof LoopCharacteristics.MultiInstance m) {
            field(mi, "Collection", m.collection() == null ? "" : m.collection().text(), "prop-mi-collection",
                    v -> setMi(a.id(), x -> new LoopCharacteristics.MultiInstance(x.id(), x.sequential(), x.loopCardinality(),
                            v.isBlank() ? null : Expression.of(v), x.elementVariable(), x.completionCondition(), x.outputCollection(), x.outputElement(),
                            x.extensions())), ExpressionCheck::check);
            field(mi, "Element variable", m.elementVariable(), "prop-mi-element",
                    v -> setMi(a.id(), x -> new LoopCharacteristics.MultiInstance(x.id(), x.sequential(), x.loopCardinality(), x.collection(),
                            v.isBlank() ? null : v.strip(), x.completionCondition(), x.outputCollection(), x.outputElement(), x.extensions())), null);
            field(mi, "Cardinality", m.loopCardinality() == null ? "" : m.loopCardinality().text(), "prop-mi-cardinality",
                    v -> setMi(a.id(), x -> new LoopCharacteristics.MultiInstance(x.id(), x.sequential(), v.isBlank() ? null : Expression.of(v),
                            x.collection(), x.elementVariable(), x.completionCondition(), x.outputCollection(), x.outputElement(), x.extensions())),
                    ExpressionCheck::check);
            field(mi, "Completion condition", m.completionCondition() == null ? "" : m.completionCondition().text(), "prop-mi-completion",
                    v -> setMi(a.id(), x -> new LoopCharacteristics.MultiInstance(x.id(), x.sequential(), x.loopCardinality(), x.collection(),
                            x.elementVariable(), v.isBlank() ? null : Expression.of(v), x.outputCollection(), x.outputElement(), x.extensions())),
                    ExpressionCheck::check);
        }
        VBox io = section("Input and output mappings");
        area(io, "Inputs (variable = expression per line)", mappingText(st.io().inputs()), "prop-inputs",
                v -> setActivity(a.id(), "Edit inputs of ", x -> x.withIo(new IoMapping(parseMappings(v), x.io().outputs()))), v -> checkMap(v, "="));
        area(io, "Outputs (variable = expression per line)", mappingText(st.io().outputs()), "prop-outputs",
                v -> setActivity(a.id(), "Edit outputs of ", x -> x.withIo(new IoMapping(x.io().inputs(), parseMappings(v)))), v -> checkMap(v, "="));
        VBox run = section("Execution");
        CheckBox async = new CheckBox("Asynchronous before (commit point)");
        async.setId("prop-async");
        async.setSelected(st.asyncBefore());
        async.setOnAction(e -> setActivity(a.id(), "Toggle asynchronous before of ", x -> new ActivitySettings(x.forCompensation(), x.defaultFlow(),
                x.loop(), async.isSelected(), x.asyncAfter(), x.retries(), x.io(), x.dataInputAssociations(), x.dataOutputAssociations(),
                x.startQuantity(), x.completionQuantity())));
        run.getChildren().add(async);
        field(run, "Retries (attempts)", st.retries() == null ? "" : String.valueOf(st.retries().maxAttempts()), "prop-retries",
                v -> setActivity(a.id(), "Set retries of ", x -> x.withRetries(v.isBlank() ? null : new RetryPolicy(Integer.parseInt(v.strip()),
                        null, x.retries() == null ? Duration.ofSeconds(1) : x.retries().initialBackoff(), x.retries() == null ? 2.0 : x.retries().multiplier()))),
                v -> v.isBlank() || v.strip().matches("[1-9]\\d{0,3}") ? null : "Enter the number of attempts, at least 1.");
        field(run, "First backoff (ISO 8601, e.g. PT5S)", st.retries() == null || st.retries().initialBackoff() == null ? ""
                        : st.retries().initialBackoff().toString(), "prop-backoff",
                v -> setActivity(a.id(), "Set backoff of ", x -> x.withRetries(new RetryPolicy(x.retries() == null ? 3 : x.retries().maxAttempts(),
                        null, v.isBlank() ? null : Duration.parse(v.strip()), x.retries() == null ? 2.0 : x.retries().multiplier()))),
                v -> {
                    if (v.isBlank()) return null;
                    try {
                        Duration.parse(v.strip());
                        return null;
                    } catch (java.time.format.DateTimeParseException e) {
                        return "Not an ISO 8601 duration; try PT10S or PT1M.";
                    }
                });
    }

    private void setActivity(String id, String verb, java.util.function.UnaryOperator<ActivitySettings> op) {
        Activity a = (Activity) current(id);
        update(verb + Modeling.describe(editor.index(), id), Elements.withActivity(a, op.apply(a.activity())));
    }

    private void setMi(String id, java.util.function.UnaryOperator<LoopCharacteristics.MultiInstance> op) {
        setActivity(id, "Edit multi-instance of ", x -> x.withLoop(op.apply((LoopCharacteristics.MultiInstance) x.loop())));
    }

    // ---------------------------------------------------------------- helpers

    private Object current(String id) { return editor.index().element(id); }

    private void update(String description, Object element) {
        editor.run(() -> editor.modeling().update(description, element));
    }

    private VBox section(String title) {
        VBox content = new VBox(4);
        TitledPane p = new TitledPane(title, content);
        p.setCollapsible(true);
        box.getChildren().add(p);
        return content;
    }

    private static Node labelled(String label, Node control) {
        VBox v = new VBox(2, new Label(label), control);
        return v;
    }

    private TextField field(VBox parent, String label, String value, String id, Consumer<String> commit, Function<String, String> check) {
        TextField f = new TextField(value == null ? "" : value);
        wire(parent, label, f, id, commit, check);
        f.setOnAction(e -> commitIfChanged(f, value, commit, check));
        return f;
    }

    private TextArea area(VBox parent, String label, String value, String id, Consumer<String> commit, Function<String, String> check) {
        TextArea a = new TextArea(value == null ? "" : value);
        a.setPrefRowCount(3);
        a.setWrapText(true);
        wire(parent, label, a, id, commit, check);
        a.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) commitIfChanged(a, value, commit, check);
        });
        return a;
    }

    private void wire(VBox parent, String label, TextInputControl c, String id, Consumer<String> commit, Function<String, String> check) {
        c.setId(id);
        Label error = new Label();
        error.setId(id + "-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setVisible(false);
        error.setManaged(false);
        String original = c.getText();
        if (check != null) {
            c.textProperty().addListener((o, a, b) -> {
                String msg = check.apply(b);
                error.setText(msg == null ? "" : msg);
                error.setVisible(msg != null);
                error.setManaged(msg != null);
                c.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), msg != null);
            });
            String first = check.apply(original);
            if (first != null) {
                error.setText(first);
                error.setVisible(true);
                error.setManaged(true);
            }
        }
        c.focusedProperty().addListener((o, was, is) -> {
            if (!is) commitIfChanged(c, original, commit, check);
        });
        parent.getChildren().add(new VBox(2, new Label(label), c, error));
    }

    private void commitIfChanged(TextInputControl c, String original, Consumer<String> commit, Function<String, String> check) {
        String now = c.getText();
        if (now.equals(original == null ? "" : original)) return;
        // a structurally wrong number or id is not committed; an expression with an error is (the problem stays visible)
        String msg = check == null ? null : check.apply(now);
        boolean structural = c.getId() != null && (c.getId().equals("prop-id") || c.getId().equals("prop-retries")
                || c.getId().equals("prop-backoff") || c.getId().equals("prop-http-timeout") || c.getId().equals("prop-called"));
        if (msg != null && structural) return;
        commit.accept(now);
    }

    static String mapText(Map<String, Expression> m, String sep) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(b.isEmpty() ? "" : "\n").append(k).append(sep).append(v.text()));
        return b.toString();
    }

    static Map<String, Expression> parseMap(String text, String sep) {
        Map<String, Expression> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int i = line.indexOf(sep);
            if (i <= 0) continue;
            m.put(line.substring(0, i).strip(), Expression.of(line.substring(i + sep.length()).strip()));
        }
        return m;
    }

    static String checkMap(String text, String sep) {
        String[] lines = text.split("\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank()) continue;
            int i = line.indexOf(sep);
            if (i <= 0) return "Line " + (n + 1) + ": write name " + sep.strip() + " value.";
            String err = ExpressionCheck.check(line.substring(i + sep.length()));
            if (err != null) return "Line " + (n + 1) + ": " + err;
        }
        return null;
    }

    static String mappingText(List<VariableMapping> list) {
        StringBuilder b = new StringBuilder();
        for (VariableMapping m : list) b.append(b.isEmpty() ? "" : "\n").append(m.target()).append(" = ").append(m.source() == null ? "" : m.source().text());
        return b.toString();
    }

    static List<VariableMapping> parseMappings(String text) {
        List<VariableMapping> out = new ArrayList<>();
        parseMap(text, "=").forEach((k, v) -> out.add(new VariableMapping(k, v)));
        return out;
    }
}
