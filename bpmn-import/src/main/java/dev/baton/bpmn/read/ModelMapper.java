package dev.baton.bpmn.read;

import static dev.baton.bpmn.xml.Namespaces.BPMN;

import dev.baton.bpmn.xml.Namespaces;
import dev.baton.model.ActivitySettings;
import dev.baton.model.Artifact;
import dev.baton.model.CallActivity;
import dev.baton.model.Collaboration;
import dev.baton.model.DataAssociation;
import dev.baton.model.DataObject;
import dev.baton.model.DataObjectReference;
import dev.baton.model.DataStoreReference;
import dev.baton.model.Definitions;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.Expression;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowElement;
import dev.baton.model.Gateway;
import dev.baton.model.GlobalElement;
import dev.baton.model.Import;
import dev.baton.model.Lane;
import dev.baton.model.LaneSet;
import dev.baton.model.LoopCharacteristics;
import dev.baton.model.Process;
import dev.baton.model.RootElement;
import dev.baton.model.SequenceFlow;
import dev.baton.model.SubProcess;
import dev.baton.model.Task;
import dev.baton.model.XmlFragment;
import dev.baton.model.di.Diagram;
import dev.baton.model.exec.Script;
import dev.baton.model.validation.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Maps the located DOM of a BPMN file into the shared model. One instance reads one file; it collects the
 * messages and the start line of every element with an id.
 */
final class ModelMapper {
    private final String source;
    private final Document document;
    final List<ImportMessage> messages = new ArrayList<>();
    final Map<String, Integer> elementLines = new HashMap<>();
    /** Every id the file defines, on any element; references are resolved against it. */
    final Set<String> fileIds = new HashSet<>();
    private final Set<String> warnedUnknownNames = new HashSet<>();
    private final Map<String, int[]> generatedIds = new LinkedHashMap<>();
    private final Map<String, String> generatedExamples = new HashMap<>();
    private String expressionLanguage;
    private static final int DANGLING_REPORTED_ONE_BY_ONE = 10;
    private int danglingDiagramReferences;
    private final List<String> danglingRest = new ArrayList<>();

    ModelMapper(String source, Document document) {
        this.source = source;
        this.document = document;
        indexIds(document.getDocumentElement());
    }

    /** Records each id's start line and warns once about ids used twice. */
    private void indexIds(Element root) {
        Map<String, Integer> duplicates = new LinkedHashMap<>();
        List<Element> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            Element e = stack.remove(stack.size() - 1);
            Attr id = e.getAttributeNodeNS(null, "id");
            if (id != null && !id.getValue().isEmpty() && isBpmnFamily(e.getNamespaceURI())) {
                String v = id.getValue();
                if (!fileIds.add(v)) duplicates.putIfAbsent(v, LocatedDom.line(e));
                else elementLines.put(v, LocatedDom.line(e));
            }
            for (Node c = e.getLastChild(); c != null; c = c.getPreviousSibling()) {
                if (c instanceof Element ce) stack.add(ce);
            }
        }
        duplicates.forEach((id, line) -> messages.add(new ImportMessage(Severity.WARNING, source, line, 0, id,
                "the id " + id + " is used by more than one element (first on line " + elementLines.get(id)
                        + "); references to it are ambiguous")));
    }

    /** Ids of vendor extension elements (e.g. caseagile:principal id="User") are not BPMN ids. */
    private static boolean isBpmnFamily(String ns) {
        return BPMN.equals(ns) || Namespaces.BPMNDI.equals(ns) || Namespaces.DI.equals(ns) || Namespaces.DC.equals(ns);
    }

    Definitions definitions() {
        ReadElement r = new ReadElement(document.getDocumentElement(), this);
        expressionLanguage = r.attr("expressionLanguage");
        Map<String, String> namespaces = new LinkedHashMap<>();
        for (String qn : LocatedDom.attributeOrder(r.element)) {
            if (qn.equals("xmlns")) namespaces.put("", r.element.getAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns"));
            else if (qn.startsWith("xmlns:")) namespaces.put(qn.substring(6), r.element.getAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, qn.substring(6)));
        }
        List<Import> imports = new ArrayList<>();
        List<RootElement> roots = new ArrayList<>();
        List<Diagram> diagrams = new ArrayList<>();
        DiagramMapper di = new DiagramMapper(this);
        for (Element c : r.elementChildren()) {
            String ns = c.getNamespaceURI();
            String local = FragmentWriter.localName(c);
            if (Namespaces.BPMNDI.equals(ns) && local.equals("BPMNDiagram")) {
                diagrams.add(di.diagram(r.open(c)));
            } else if (BPMN.equals(ns)) {
                switch (local) {
                    case "import" -> {
                        ReadElement i = r.open(c);
                        imports.add(new Import(i.attr("namespace"), i.attr("location"), i.attr("importType")));
                    }
                    case "documentation", "extensionElements", "extension", "relationship" -> { /* kept by extensions() or documentation() */ }
                    default -> roots.add(rootElement(r.open(c)));
                }
            }
        }
        String id = r.attr("id");
        return new Definitions(id, r.attr("name"), r.attr("targetNamespace"), expressionLanguage, r.attr("typeLanguage"),
                r.attr("exporter"), r.attr("exporterVersion"), namespaces, imports, roots, diagrams, r.documentation(),
                r.extensions());
    }

    private RootElement rootElement(ReadElement r) {
        return switch (r.localName()) {
            case "process" -> process(r);
            case "collaboration" -> collaboration(r);
            case "message" -> new GlobalElement.Message(id(r), r.attr("name"), r.ref("itemRef"), null, null, r.extensions());
            case "signal" -> new GlobalElement.Signal(id(r), r.attr("name"), r.ref("structureRef"), r.extensions());
            case "error" -> new GlobalElement.Error(id(r), r.attr("name"), r.attr("errorCode"), r.ref("structureRef"), r.extensions());
            case "escalation" -> new GlobalElement.Escalation(id(r), r.attr("name"), r.attr("escalationCode"), r.ref("structureRef"),
                    r.extensions());
            case "itemDefinition" -> new GlobalElement.ItemDefinition(id(r), r.attr("structureRef"), r.attr("itemKind"),
                    r.bool("isCollection"), r.attr("import"), r.extensions());
            case "dataStore" -> new GlobalElement.DataStore(id(r), r.attr("name"), r.integer("capacity"), r.bool("isUnlimited"),
                    r.ref("itemSubjectRef"), r.extensions());
            case "category" -> category(r);
            default -> new RootElement.Unmodelled(id(r), keep(r.element));
        };
    }

    private GlobalElement.Category category(ReadElement r) {
        String id = id(r);
        String name = r.attr("name");
        List<GlobalElement.CategoryValue> values = new ArrayList<>();
        for (Element v : r.children("categoryValue")) {
            Attr vid = v.getAttributeNodeNS(null, "id");
            Attr value = v.getAttributeNodeNS(null, "value");
            values.add(new GlobalElement.CategoryValue(vid == null ? null : vid.getValue(), value == null ? null : value.getValue()));
        }
        return new GlobalElement.Category(id, name, values, r.extensions());
    }

    private Process process(ReadElement r) {
        String id = id(r);
        String name = r.attr("name");
        boolean executable = r.bool("isExecutable", false);
        String processType = r.attr("processType");
        boolean closed = r.bool("isClosed", false);
        FlowContent content = content(r);
        return new Process(id, name, executable, processType, closed, content, r.documentation(), r.extensions());
    }

    private Collaboration collaboration(ReadElement r) {
        String id = id(r);
        String name = r.attr("name");
        boolean closed = r.bool("isClosed", false);
        List<Collaboration.Participant> participants = new ArrayList<>();
        List<Collaboration.MessageFlow> flows = new ArrayList<>();
        List<Artifact> artifacts = new ArrayList<>();
        for (Element c : r.elementChildren()) {
            if (!BPMN.equals(c.getNamespaceURI())) continue;
            switch (FragmentWriter.localName(c)) {
                case "participant" -> {
                    ReadElement p = r.open(c);
                    participants.add(new Collaboration.Participant(id(p), p.attr("name"), p.ref("processRef"), p.documentation(),
                            p.extensions()));
                }
                case "messageFlow" -> {
                    ReadElement f = r.open(c);
                    flows.add(new Collaboration.MessageFlow(id(f), f.attr("name"), f.ref("sourceRef"), f.ref("targetRef"),
                            f.ref("messageRef"), f.documentation(), f.extensions()));
                }
                case "textAnnotation", "association", "group" -> artifacts.add(artifact(r.open(c)));
                default -> { /* conversations, correlation keys...: kept by extensions() */ }
            }
        }
        return new Collaboration(id, name, closed, participants, flows, artifacts, r.documentation(), r.extensions());
    }

    /** The flow elements, artifacts and lane sets of a process or subprocess, in document order. */
    private FlowContent content(ReadElement owner) {
        List<FlowElement> elements = new ArrayList<>();
        List<Artifact> artifacts = new ArrayList<>();
        List<LaneSet> laneSets = new ArrayList<>();
        for (Element c : owner.elementChildren()) {
            if (!BPMN.equals(c.getNamespaceURI())) continue;
            String local = FragmentWriter.localName(c);
            switch (local) {
                case "startEvent" -> elements.add(event(owner.open(c), ElementKind.START_EVENT));
                case "endEvent" -> elements.add(event(owner.open(c), ElementKind.END_EVENT));
                case "intermediateCatchEvent" -> elements.add(event(owner.open(c), ElementKind.INTERMEDIATE_CATCH_EVENT));
                case "intermediateThrowEvent" -> elements.add(event(owner.open(c), ElementKind.INTERMEDIATE_THROW_EVENT));
                case "boundaryEvent" -> elements.add(event(owner.open(c), ElementKind.BOUNDARY_EVENT));
                case "task" -> elements.add(task(owner.open(c), ElementKind.TASK));
                case "serviceTask" -> elements.add(task(owner.open(c), ElementKind.SERVICE_TASK));
                case "sendTask" -> elements.add(task(owner.open(c), ElementKind.SEND_TASK));
                case "receiveTask" -> elements.add(task(owner.open(c), ElementKind.RECEIVE_TASK));
                case "userTask" -> elements.add(task(owner.open(c), ElementKind.USER_TASK));
                case "manualTask" -> elements.add(task(owner.open(c), ElementKind.MANUAL_TASK));
                case "businessRuleTask" -> elements.add(task(owner.open(c), ElementKind.BUSINESS_RULE_TASK));
                case "scriptTask" -> elements.add(task(owner.open(c), ElementKind.SCRIPT_TASK));
                case "subProcess", "transaction", "adHocSubProcess" -> elements.add(subProcess(owner.open(c)));
                case "callActivity" -> elements.add(callActivity(owner.open(c)));
                case "exclusiveGateway" -> elements.add(gateway(owner.open(c), ElementKind.EXCLUSIVE_GATEWAY));
                case "parallelGateway" -> elements.add(gateway(owner.open(c), ElementKind.PARALLEL_GATEWAY));
                case "inclusiveGateway" -> elements.add(gateway(owner.open(c), ElementKind.INCLUSIVE_GATEWAY));
                case "eventBasedGateway" -> elements.add(gateway(owner.open(c), ElementKind.EVENT_BASED_GATEWAY));
                case "complexGateway" -> elements.add(gateway(owner.open(c), ElementKind.COMPLEX_GATEWAY));
                case "sequenceFlow" -> elements.add(sequenceFlow(owner.open(c)));
                case "dataObject" -> {
                    ReadElement d = owner.open(c);
                    elements.add(new DataObject(id(d), d.attr("name"), d.bool("isCollection", false), d.ref("itemSubjectRef"),
                            d.documentation(), d.extensions()));
                }
                case "dataObjectReference" -> {
                    ReadElement d = owner.open(c);
                    elements.add(new DataObjectReference(id(d), d.attr("name"), d.ref("dataObjectRef"), d.ref("itemSubjectRef"),
                            d.documentation(), d.extensions()));
                }
                case "dataStoreReference" -> {
                    ReadElement d = owner.open(c);
                    elements.add(new DataStoreReference(id(d), d.attr("name"), d.ref("dataStoreRef"), d.ref("itemSubjectRef"),
                            d.documentation(), d.extensions()));
                }
                case "textAnnotation", "association", "group" -> artifacts.add(artifact(owner.open(c)));
                case "laneSet" -> laneSets.add(laneSet(owner.open(c)));
                default -> { /* implicitThrowEvent, choreography nodes, ...: kept by extensions() */ }
            }
        }
        return new FlowContent(elements, artifacts, laneSets);
    }

    private Event event(ReadElement r, ElementKind kind) {
        String id = id(r);
        String name = r.attr("name");
        List<EventDefinition> definitions = eventDefinitions(r);
        boolean interrupting = true;
        if (kind == ElementKind.START_EVENT) interrupting = r.bool("isInterrupting", true);
        if (kind == ElementKind.BOUNDARY_EVENT) interrupting = r.bool("cancelActivity", true);
        String attachedTo = kind == ElementKind.BOUNDARY_EVENT ? r.ref("attachedToRef") : null;
        boolean parallelMultiple = r.bool("parallelMultiple", false);
        List<DataAssociation> inputs = associations(r, "dataInputAssociation");
        List<DataAssociation> outputs = associations(r, "dataOutputAssociation");
        flowNodeLinks(r);
        return new Event(id, name, kind, definitions, interrupting, attachedTo, parallelMultiple, inputs, outputs, null, null,
                r.documentation(), r.extensions());
    }

    /** incoming and outgoing repeat what the sequence flows say; the writer derives them again. */
    private void flowNodeLinks(ReadElement r) {
        r.children("incoming");
        r.children("outgoing");
    }

    private List<EventDefinition> eventDefinitions(ReadElement owner) {
        List<EventDefinition> definitions = new ArrayList<>();
        for (Element c : owner.elementChildren()) {
            if (!BPMN.equals(c.getNamespaceURI())) continue;
            String local = FragmentWriter.localName(c);
            if (local.equals("eventDefinitionRef")) {
                owner.use(c);
                definitions.add(new EventDefinition.Reference(null, ref(c.getTextContent().strip()), null));
                continue;
            }
            if (!local.endsWith("EventDefinition")) continue;
            EventDefinition d = eventDefinition(owner, c, local);
            if (d != null) definitions.add(d);
        }
        return definitions;
    }

    private EventDefinition eventDefinition(ReadElement owner, Element c, String local) {
        return switch (local) {
            case "messageEventDefinition" -> {
                ReadElement r = owner.open(c);
                String operation = r.ref("operationRef");
                Element op = r.child("operationRef");
                if (operation == null && op != null) operation = ref(op.getTextContent().strip());
                yield new EventDefinition.Message(r.attr("id"), r.ref("messageRef"), operation, r.extensions());
            }
            case "timerEventDefinition" -> {
                ReadElement r = owner.open(c);
                String id = r.attr("id");
                EventDefinition.TimerKind kind = EventDefinition.TimerKind.NONE;
                Expression value = null;
                for (String[] k : new String[][] {{"timeDate", "DATE"}, {"timeDuration", "DURATION"}, {"timeCycle", "CYCLE"}}) {
                    Element t = r.child(k[0]);
                    if (t != null && kind == EventDefinition.TimerKind.NONE) {
                        kind = EventDefinition.TimerKind.valueOf(k[1]);
                        value = timerValue(r, t);
                    }
                }
                yield new EventDefinition.Timer(id, kind, value, r.extensions());
            }
            case "signalEventDefinition" -> {
                ReadElement r = owner.open(c);
                yield new EventDefinition.Signal(r.attr("id"), r.ref("signalRef"), r.extensions());
            }
            case "errorEventDefinition" -> {
                ReadElement r = owner.open(c);
                yield new EventDefinition.Error(r.attr("id"), r.ref("errorRef"), null, null, r.extensions());
            }
            case "escalationEventDefinition" -> {
                ReadElement r = owner.open(c);
                yield new EventDefinition.Escalation(r.attr("id"), r.ref("escalationRef"), null, r.extensions());
            }
            case "compensateEventDefinition" -> {
                ReadElement r = owner.open(c);
                yield new EventDefinition.Compensate(r.attr("id"), r.ref("activityRef"), r.bool("waitForCompletion"), r.extensions());
            }
            case "conditionalEventDefinition" -> {
                ReadElement r = owner.open(c);
                String id = r.attr("id");
                Element cond = r.child("condition");
                Expression condition = cond == null ? null : expression(r, cond);
                yield new EventDefinition.Conditional(id, condition, null, null, r.extensions());
            }
            case "linkEventDefinition" -> {
                ReadElement r = owner.open(c);
                yield new EventDefinition.Link(r.attr("id"), r.attr("name"), r.extensions());
            }
            case "cancelEventDefinition" -> {
                ReadElement r = owner.open(c);
                yield new EventDefinition.Cancel(r.attr("id"), r.extensions());
            }
            case "terminateEventDefinition" -> {
                ReadElement r = owner.open(c);
                yield new EventDefinition.Terminate(r.attr("id"), r.extensions());
            }
            default -> null;
        };
    }

    private Task task(ReadElement r, ElementKind kind) {
        String id = id(r);
        String name = r.attr("name");
        ActivitySettings activity = activity(r);
        String messageRef = kind == ElementKind.SEND_TASK || kind == ElementKind.RECEIVE_TASK ? r.ref("messageRef") : null;
        Script script = null;
        if (kind == ElementKind.SCRIPT_TASK) {
            String format = r.attr("scriptFormat");
            String text = r.childText("script");
            if (format != null || text != null) script = new Script(format, text, null);
        }
        boolean instantiate = kind == ElementKind.RECEIVE_TASK && r.bool("instantiate", false);
        return new Task(id, name, kind, activity, null, messageRef, script, null, instantiate, r.documentation(), r.extensions());
    }

    private SubProcess subProcess(ReadElement r) {
        String id = id(r);
        String name = r.attr("name");
        ElementKind kind = switch (r.localName()) {
            case "transaction" -> ElementKind.TRANSACTION;
            case "adHocSubProcess" -> ElementKind.AD_HOC_SUB_PROCESS;
            default -> r.bool("triggeredByEvent", false) ? ElementKind.EVENT_SUB_PROCESS : ElementKind.SUB_PROCESS;
        };
        String method = kind == ElementKind.TRANSACTION ? r.attr("method") : null;
        SubProcess.AdHocSettings adHoc = null;
        if (kind == ElementKind.AD_HOC_SUB_PROCESS) {
            Element cc = r.child("completionCondition");
            adHoc = new SubProcess.AdHocSettings(cc == null ? null : expression(r, cc), r.attr("ordering"),
                    r.bool("cancelRemainingInstances"));
        }
        FlowContent content = content(r);
        ActivitySettings activity = activity(r);
        return new SubProcess(id, name, kind, content, activity, adHoc, method, r.documentation(), r.extensions());
    }

    private CallActivity callActivity(ReadElement r) {
        String id = id(r);
        String name = r.attr("name");
        String called = r.ref("calledElement");
        ActivitySettings activity = activity(r);
        return new CallActivity(id, name, called, null, activity, r.documentation(), r.extensions());
    }

    private ActivitySettings activity(ReadElement r) {
        boolean forCompensation = r.bool("isForCompensation", false);
        String defaultFlow = r.ref("default");
        LoopCharacteristics loop = null;
        for (Element c : r.elementChildren()) {
            if (!BPMN.equals(c.getNamespaceURI())) continue;
            String local = FragmentWriter.localName(c);
            if (local.equals("standardLoopCharacteristics")) loop = standardLoop(r.open(c));
            else if (local.equals("multiInstanceLoopCharacteristics")) loop = multiInstance(r.open(c));
        }
        List<DataAssociation> inputs = associations(r, "dataInputAssociation");
        List<DataAssociation> outputs = associations(r, "dataOutputAssociation");
        Integer start = r.integer("startQuantity");
        Integer completion = r.integer("completionQuantity");
        flowNodeLinks(r);
        return new ActivitySettings(forCompensation, defaultFlow, loop, false, false, null, null, inputs, outputs, start, completion);
    }

    private LoopCharacteristics standardLoop(ReadElement r) {
        String id = r.attr("id");
        Element cond = r.child("loopCondition");
        Expression condition = cond == null ? null : expression(r, cond);
        return new LoopCharacteristics.StandardLoop(id, condition, r.bool("testBefore", false), r.integer("loopMaximum"), r.extensions());
    }

    private LoopCharacteristics multiInstance(ReadElement r) {
        String id = r.attr("id");
        boolean sequential = r.bool("isSequential", false);
        Element card = r.child("loopCardinality");
        Expression cardinality = card == null ? null : expression(r, card);
        Element input = r.child("loopDataInputRef");
        Expression collection = input == null ? null : Expression.of(ref(input.getTextContent().strip()));
        Element cond = r.child("completionCondition");
        Expression completion = cond == null ? null : expression(r, cond);
        Element output = r.child("loopDataOutputRef");
        String outputCollection = output == null ? null : ref(output.getTextContent().strip());
        // inputDataItem / outputDataItem stay as XML (unmodelled children) so the writer puts them back unchanged
        return new LoopCharacteristics.MultiInstance(id, sequential, cardinality, collection, null, completion, outputCollection, null,
                r.extensions());
    }

    private List<DataAssociation> associations(ReadElement owner, String localName) {
        List<DataAssociation> list = new ArrayList<>();
        for (Element c : owner.children(localName)) {
            ReadElement r = new ReadElement(c, this);
            String id = r.attr("id");
            List<String> sources = new ArrayList<>();
            for (Element s : r.children("sourceRef")) sources.add(ref(s.getTextContent().strip()));
            Element t = r.child("targetRef");
            String target = t == null ? null : ref(t.getTextContent().strip());
            list.add(new DataAssociation(id, sources, target, r.extensions()));
        }
        return list;
    }

    private Gateway gateway(ReadElement r, ElementKind kind) {
        String id = id(r);
        String name = r.attr("name");
        String defaultFlow = kind == ElementKind.PARALLEL_GATEWAY || kind == ElementKind.EVENT_BASED_GATEWAY ? null : r.ref("default");
        Gateway.Direction direction = Gateway.Direction.UNSPECIFIED;
        Attr dir = r.element.getAttributeNodeNS(null, "gatewayDirection");
        if (dir != null) {
            String d = dir.getValue().strip().toUpperCase(Locale.ROOT);
            for (Gateway.Direction candidate : Gateway.Direction.values()) {
                if (candidate.name().equals(d)) {
                    direction = candidate;
                    r.attr("gatewayDirection");
                }
            }
        }
        boolean instantiate = kind == ElementKind.EVENT_BASED_GATEWAY && r.bool("instantiate", false);
        String eventGatewayType = kind == ElementKind.EVENT_BASED_GATEWAY ? r.attr("eventGatewayType") : null;
        Expression activation = null;
        if (kind == ElementKind.COMPLEX_GATEWAY) {
            Element ac = r.child("activationCondition");
            if (ac != null) activation = expression(r, ac);
        }
        flowNodeLinks(r);
        return new Gateway(id, name, kind, defaultFlow, direction, instantiate, eventGatewayType, activation, r.documentation(),
                r.extensions());
    }

    private SequenceFlow sequenceFlow(ReadElement r) {
        String id = id(r);
        String name = r.attr("name");
        String source = r.ref("sourceRef");
        String target = r.ref("targetRef");
        Element ce = r.child("conditionExpression");
        Expression condition = ce == null ? null : expression(r, ce);
        Boolean immediate = r.bool("isImmediate");
        return new SequenceFlow(id, name, source, target, condition, immediate, r.documentation(), r.extensions());
    }

    private Artifact artifact(ReadElement r) {
        String id = id(r);
        return switch (r.localName()) {
            case "textAnnotation" -> {
                String format = r.attr("textFormat");
                String text = r.childText("text");
                yield new Artifact.TextAnnotation(id, text, format, r.documentation(), r.extensions());
            }
            case "association" -> new Artifact.Association(id, r.ref("sourceRef"), r.ref("targetRef"), r.attr("associationDirection"),
                    r.documentation(), r.extensions());
            default -> new Artifact.Group(id, r.ref("categoryValueRef"), r.documentation(), r.extensions());
        };
    }

    private LaneSet laneSet(ReadElement r) {
        String id = r.attr("id");
        String name = r.attr("name");
        List<Lane> lanes = new ArrayList<>();
        for (Element l : r.children("lane")) lanes.add(lane(new ReadElement(l, this)));
        return new LaneSet(id, name, lanes, r.extensions());
    }

    private Lane lane(ReadElement r) {
        String id = id(r);
        String name = r.attr("name");
        List<String> refs = new ArrayList<>();
        for (Element f : r.children("flowNodeRef")) refs.add(ref(f.getTextContent().strip()));
        Element child = r.child("childLaneSet");
        LaneSet childLaneSet = child == null ? null : laneSet(new ReadElement(child, this));
        String partition = r.ref("partitionElementRef");
        return new Lane(id, name, refs, childLaneSet, partition, r.documentation(), r.extensions());
    }

    /**
     * A formal expression's text; its language comes from its own language attribute, else from the definitions'
     * expressionLanguage when that names FEEL or JUEL, else from the text.
     */
    Expression expression(ReadElement owner, Element e) {
        owner.use(e);
        String text = e.getTextContent().strip();
        Attr lang = e.getAttributeNodeNS(null, "language");
        Expression.Language own = lang == null ? null : language(lang.getValue());
        if (own != null) return new Expression(text, own);
        Expression.Language detected = Expression.detect(text);
        if (lang != null && !lang.getValue().isBlank() && !lang.getValue().toLowerCase(Locale.ROOT).contains("xpath")) {
            // a script language (javascript, groovy...): neither FEEL nor JUEL unless the text says so
            return new Expression(text, detected == Expression.Language.LITERAL ? Expression.Language.OTHER : detected);
        }
        Expression.Language inherited = expressionLanguage == null ? null : language(expressionLanguage);
        return new Expression(text, inherited != null && detected == Expression.Language.LITERAL ? inherited : detected);
    }

    /** Timer values are ISO 8601 text in practice, so a file-wide FEEL language does not turn "PT5M" into FEEL. */
    private Expression timerValue(ReadElement owner, Element e) {
        Expression read = expression(owner, e);
        boolean ownLanguage = e.getAttributeNodeNS(null, "language") != null;
        return ownLanguage ? read : Expression.of(read.text());
    }

    private static Expression.Language language(String uri) {
        String l = uri.strip().toLowerCase(Locale.ROOT);
        if (l.contains("feel")) return Expression.Language.FEEL;
        if (l.contains("juel") || l.equals("el") || l.endsWith("/el") || l.contains("jakarta.el") || l.contains("javax.el")) {
            return Expression.Language.JUEL;
        }
        return null;
    }

    /** The id of an element the model needs an id for; one is made up (stable: from its position) and reported when missing. */
    String id(ReadElement r) {
        String id = r.attr("id");
        if (id != null && !id.isBlank()) return id;
        String base = r.localName() + "_" + r.line() + "_" + r.column();
        String made = base;
        for (int n = 2; fileIds.contains(made); n++) made = base + "_" + n;
        fileIds.add(made);
        elementLines.put(made, r.line());
        int[] seen = generatedIds.computeIfAbsent(r.localName(), k -> new int[] {0, r.line()});
        seen[0]++;
        generatedExamples.putIfAbsent(r.localName(), made);
        return made;
    }

    /** A reference as the model keeps it: without a namespace prefix when the rest names an element of this file. */
    String ref(String raw) {
        if (raw == null) return null;
        String v = raw.strip();
        int colon = v.lastIndexOf(':');
        if (colon > 0 && !fileIds.contains(v)) {
            String local = v.substring(colon + 1);
            if (fileIds.contains(local)) return local;
        }
        return v;
    }

    /** Keeps an element as XML, warning once per name about BPMN-namespace elements the BPMN schema does not define. */
    XmlFragment keep(Element e) {
        checkUnknown(e);
        return FragmentWriter.fragment(e);
    }

    private void checkUnknown(Element e) {
        if (BPMN.equals(e.getNamespaceURI())) {
            String local = FragmentWriter.localName(e);
            if (!BpmnSchemaNames.defines(local) && warnedUnknownNames.add(local)) {
                messages.add(new ImportMessage(Severity.WARNING, source, LocatedDom.line(e), LocatedDom.column(e), null,
                        "<" + e.getNodeName() + "> (first on line " + LocatedDom.line(e) + ") is in the BPMN namespace but is not a "
                                + "BPMN 2.0 element (probably written without a prefix inside extensionElements); "
                                + "Baton keeps it as it is"));
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) checkUnknown(ce);
        }
    }

    void warn(ReadElement r, String message) {
        Attr id = r.element.getAttributeNodeNS(null, "id");
        messages.add(new ImportMessage(Severity.WARNING, source, r.line(), r.column(), id == null ? null : id.getValue(),
                "<" + r.element.getNodeName() + ">: " + message));
    }

    /** Diagram elements whose bpmnElement names nothing: the first few one by one, the rest in one message. */
    void danglingDiagramReference(ReadElement r, String ref) {
        danglingDiagramReferences++;
        if (danglingDiagramReferences <= DANGLING_REPORTED_ONE_BY_ONE) {
            warn(r, "bpmnElement=\"" + ref + "\" names no element of this file; the diagram element is kept but draws nothing");
        } else {
            danglingRest.add(ref);
        }
    }

    void reportDanglingDiagramReferences() {
        if (danglingRest.isEmpty()) return;
        messages.add(new ImportMessage(Severity.WARNING, source, 0, 0, null, danglingRest.size()
                + " more diagram elements name elements this file does not define; they are kept but draw nothing: "
                + String.join(", ", danglingRest)));
    }

    /** One INFO per element name for the ids Baton had to make up. */
    void reportGeneratedIds() {
        generatedIds.forEach((name, seen) -> messages.add(new ImportMessage(Severity.INFO, source, seen[1], 0, generatedExamples.get(name),
                seen[0] + " <" + name + "> element" + (seen[0] == 1 ? " has" : "s have") + " no id (first on line " + seen[1]
                        + "); Baton gave " + (seen[0] == 1 ? "it" : "them") + " ids made from their position, like "
                        + generatedExamples.get(name))));
    }
}
