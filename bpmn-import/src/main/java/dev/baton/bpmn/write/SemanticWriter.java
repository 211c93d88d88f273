package dev.baton.bpmn.write;

import dev.baton.bpmn.write.XmlTree.Attribute;
import dev.baton.bpmn.write.XmlTree.Element;
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
import dev.baton.model.Documentation;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.Expression;
import dev.baton.model.Extensions;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the bpmn: elements of a document in the child order the BPMN 2.0 schema (Semantic.xsd) prescribes, putting kept
 * BPMN children the model has no field for back into their schema slot.
 */
final class SemanticWriter {
    static final String DEFAULT_TARGET_NAMESPACE = "https://baton.dev/bpmn";

    private static final Set<String> BPMN_FORBIDDEN = Set.of("", Namespaces.BPMN);
    private static final String[] RESOURCE_ROLES = {"resourceRole", "performer", "humanPerformer", "potentialOwner"};
    private static final String[] CONVERSATION_NODES = {"conversation", "subConversation", "callConversation"};

    /** Plain BPMN attributes the model has no field for, which a reader may keep unqualified. */
    private static final Map<String, Set<String>> PLAIN_ATTRIBUTES = Map.of(
            "process", Set.of("definitionalCollaborationRef"),
            "serviceTask", Set.of("implementation", "operationRef"),
            "sendTask", Set.of("implementation", "operationRef"),
            "receiveTask", Set.of("implementation", "operationRef"),
            "userTask", Set.of("implementation"),
            "businessRuleTask", Set.of("implementation"),
            "multiInstanceLoopCharacteristics", Set.of("behavior", "oneBehaviorEventRef", "noneBehaviorEventRef"));

    private final FragmentParser fragments;
    private final DiagramWriter diagrams;

    SemanticWriter(FragmentParser fragments) {
        this.fragments = fragments;
        this.diagrams = new DiagramWriter(fragments);
    }

    Element definitions(Definitions d) {
        // tDefinitions is not a tBaseElement: it has no documentation and no extensionElements in the schema
        Element el = bpmnElement("definitions");
        el.attr("id", d.id());
        el.attr("name", d.name());
        el.attr("targetNamespace", d.targetNamespace() == null || d.targetNamespace().isBlank() ? DEFAULT_TARGET_NAMESPACE : d.targetNamespace());
        el.attr("expressionLanguage", d.expressionLanguage());
        el.attr("typeLanguage", d.typeLanguage());
        el.attr("exporter", d.exporter());
        el.attr("exporterVersion", d.exporterVersion());
        Foreign.attributes(el, d.extensions(), BPMN_FORBIDDEN, Set.of());
        Slots slots = new Slots(el, d.extensions().unmodelledChildren(), "definitions " + d.id());
        for (Import i : d.imports()) {
            el.add(bpmnElement("import")
                    .attr("namespace", nz(i.namespace()))
                    .attr("location", nz(i.location()))
                    .attr("importType", nz(i.importType())));
        }
        slots.kept("extension");
        for (RootElement r : d.rootElements()) el.add(rootElement(r));
        for (Diagram diagram : d.diagrams()) el.add(diagrams.diagram(diagram));
        slots.kept("relationship");
        return el;
    }

    private Element rootElement(RootElement r) {
        if (r instanceof Process p) return process(p);
        if (r instanceof Collaboration c) return collaboration(c);
        if (r instanceof GlobalElement g) return global(g);
        RootElement.Unmodelled u = (RootElement.Unmodelled) r;
        return fragments.parse(u.xml(), "root element " + u.id(), Set.of(), BpmnWriter.KEPT_NAMESPACE);
    }

    // ---- process and flow content ----

    private Element process(Process p) {
        Bpmn b = new Bpmn("process", p.id(), p.documentation(), p.extensions())
                .attr("name", p.name())
                .attr("processType", p.processType())
                .attr("isClosed", p.closed() ? "true" : null)
                .attr("isExecutable", String.valueOf(p.executable()));
        b.kept("supportedInterfaceRef").kept("ioSpecification").kept("ioBinding")
                .kept("auditing").kept("monitoring").kept("property");
        content(b, p.content());
        b.kept(RESOURCE_ROLES).kept("correlationSubscription").kept("supports");
        return b.done();
    }

    /** laneSet*, flowElement*, artifact*: the shared inside of processes and subprocesses. */
    private void content(Bpmn b, FlowContent c) {
        b.kept("laneSet");
        for (LaneSet ls : c.laneSets()) b.child(laneSet(ls, "laneSet"));
        Map<String, List<String>> incoming = new HashMap<>();
        Map<String, List<String>> outgoing = new HashMap<>();
        for (SequenceFlow f : c.flows()) {
            if (f.sourceRef() != null) outgoing.computeIfAbsent(f.sourceRef(), k -> new ArrayList<>()).add(f.id());
            if (f.targetRef() != null) incoming.computeIfAbsent(f.targetRef(), k -> new ArrayList<>()).add(f.id());
        }
        for (FlowElement e : c.elements()) {
            b.child(flowElement(e, incoming.getOrDefault(e.id(), List.of()), outgoing.getOrDefault(e.id(), List.of())));
        }
        for (Artifact a : c.artifacts()) b.child(artifact(a));
    }

    private Element laneSet(LaneSet ls, String elementName) {
        Bpmn b = new Bpmn(elementName, ls.id(), List.of(), ls.extensions()).attr("name", ls.name());
        for (Lane lane : ls.lanes()) b.child(lane(lane));
        return b.done();
    }

    private Element lane(Lane l) {
        Bpmn b = new Bpmn("lane", l.id(), l.documentation(), l.extensions())
                .attr("name", l.name())
                .attr("partitionElementRef", l.partitionElementRef());
        b.kept("partitionElement");
        for (String ref : l.flowNodeRefs()) b.child(bpmnElement("flowNodeRef").text(ref));
        if (l.childLaneSet() != null) b.child(laneSet(l.childLaneSet(), "childLaneSet"));
        return b.done();
    }

    private Element flowElement(FlowElement e, List<String> incoming, List<String> outgoing) {
        if (e instanceof Event ev) return event(ev, incoming, outgoing);
        if (e instanceof Task t) return task(t, incoming, outgoing);
        if (e instanceof SubProcess sp) return subProcess(sp, incoming, outgoing);
        if (e instanceof CallActivity ca) return callActivity(ca, incoming, outgoing);
        if (e instanceof Gateway g) return gateway(g, incoming, outgoing);
        if (e instanceof SequenceFlow f) return sequenceFlow(f);
        if (e instanceof DataObject o) {
            Bpmn b = flowElementBase("dataObject", o.id(), o.name(), o.documentation(), o.extensions())
                    .attr("itemSubjectRef", o.itemSubjectRef())
                    .attr("isCollection", o.collection() ? "true" : null);
            return b.kept("dataState").done();
        }
        if (e instanceof DataObjectReference r) {
            Bpmn b = flowElementBase("dataObjectReference", r.id(), r.name(), r.documentation(), r.extensions())
                    .attr("itemSubjectRef", r.itemSubjectRef())
                    .attr("dataObjectRef", r.dataObjectRef());
            return b.kept("dataState").done();
        }
        DataStoreReference r = (DataStoreReference) e;
        Bpmn b = flowElementBase("dataStoreReference", r.id(), r.name(), r.documentation(), r.extensions())
                .attr("itemSubjectRef", r.itemSubjectRef())
                .attr("dataStoreRef", r.dataStoreRef());
        return b.kept("dataState").done();
    }

    /** documentation, extensionElements (tBaseElement), then auditing, monitoring, categoryValueRef (tFlowElement). */
    private Bpmn flowElementBase(String local, String id, String name, List<Documentation> docs, Extensions ext) {
        return new Bpmn(local, id, docs, ext).attr("name", name).kept("auditing").kept("monitoring").kept("categoryValueRef");
    }

    /**
     * incoming and outgoing (tFlowNode) are generated from the sequence flows, so they never contradict them; kept
     * copies only decide their order (a tool lists them in the order the user drew the flows).
     */
    private void flowNodeRefs(Bpmn b, List<String> incoming, List<String> outgoing) {
        b.kept("auditing").kept("monitoring").kept("categoryValueRef");
        List<String> keptIncoming = b.keptTexts("incoming");
        List<String> keptOutgoing = b.keptTexts("outgoing");
        b.drop("incoming", "outgoing");
        for (String id : inKeptOrder(incoming, keptIncoming)) b.child(bpmnElement("incoming").text(id));
        for (String id : inKeptOrder(outgoing, keptOutgoing)) b.child(bpmnElement("outgoing").text(id));
    }

    private static List<String> inKeptOrder(List<String> generated, List<String> kept) {
        List<String> ordered = new ArrayList<>();
        for (String k : kept) {
            String id = generated.contains(k) || k.indexOf(':') < 0 ? k : k.substring(k.indexOf(':') + 1);
            if (generated.contains(id) && !ordered.contains(id)) ordered.add(id);
        }
        for (String id : generated) if (!ordered.contains(id)) ordered.add(id);
        return ordered;
    }

    private Element event(Event ev, List<String> incoming, List<String> outgoing) {
        ElementKind kind = ev.kind();
        boolean catching = kind == ElementKind.START_EVENT || kind == ElementKind.INTERMEDIATE_CATCH_EVENT
                || kind == ElementKind.BOUNDARY_EVENT;
        Bpmn b = new Bpmn(kind.xmlName(), ev.id(), ev.documentation(), ev.extensions()).attr("name", ev.name());
        if (kind == ElementKind.BOUNDARY_EVENT) {
            b.attr("cancelActivity", ev.interrupting() ? null : "false").attr("attachedToRef", ev.attachedToRef());
        }
        if (kind == ElementKind.START_EVENT) b.attr("isInterrupting", ev.interrupting() ? null : "false");
        if (catching) b.attr("parallelMultiple", ev.parallelMultiple() ? "true" : null);
        flowNodeRefs(b, incoming, outgoing);
        b.kept("property");
        if (catching) {
            b.kept("dataOutput");
            for (DataAssociation a : ev.dataOutputAssociations()) b.child(dataAssociation("dataOutputAssociation", a));
            b.kept("outputSet");
        } else {
            b.kept("dataInput");
            for (DataAssociation a : ev.dataInputAssociations()) b.child(dataAssociation("dataInputAssociation", a));
            b.kept("inputSet");
        }
        List<String> references = new ArrayList<>();
        for (EventDefinition d : ev.eventDefinitions()) {
            if (d instanceof EventDefinition.Reference r) references.add(r.eventDefinitionRef());
            else b.child(eventDefinition(d));
        }
        b.kept("eventDefinitionRef");
        for (String ref : references) b.child(bpmnElement("eventDefinitionRef").text(ref));
        return b.done();
    }

    private Element eventDefinition(EventDefinition d) {
        Bpmn b = new Bpmn(d.xmlName(), d.id(), List.of(), d.extensions());
        if (d instanceof EventDefinition.Message m) {
            b.attr("messageRef", m.messageRef()).kept("operationRef");
            if (m.operationRef() != null) b.child(bpmnElement("operationRef").text(m.operationRef()));
        } else if (d instanceof EventDefinition.Timer t) {
            String element = switch (t.kind() == null ? EventDefinition.TimerKind.NONE : t.kind()) {
                case DATE -> "timeDate";
                case DURATION -> "timeDuration";
                case CYCLE -> "timeCycle";
                case NONE -> null;
            };
            b.kept("timeDate", "timeDuration", "timeCycle");
            if (element != null) b.child(formalExpression(element, t.value()));
        } else if (d instanceof EventDefinition.Signal s) {
            b.attr("signalRef", s.signalRef());
        } else if (d instanceof EventDefinition.Error e) {
            b.attr("errorRef", e.errorRef());
        } else if (d instanceof EventDefinition.Escalation e) {
            b.attr("escalationRef", e.escalationRef());
        } else if (d instanceof EventDefinition.Compensate c) {
            b.attr("waitForCompletion", c.waitForCompletion()).attr("activityRef", c.activityRef());
        } else if (d instanceof EventDefinition.Conditional c) {
            // the schema requires the condition element, even when it is empty
            b.child(formalExpression("condition", c.condition() == null ? Expression.literal("") : c.condition()));
        } else if (d instanceof EventDefinition.Link l) {
            b.attr("name", nz(l.name())).kept("source").kept("target");
        }
        return b.done();
    }

    private Element task(Task t, List<String> incoming, List<String> outgoing) {
        Bpmn b = new Bpmn(t.kind().xmlName(), t.id(), t.documentation(), t.extensions()).attr("name", t.name());
        activityAttributes(b, t.activity());
        if (t.kind() == ElementKind.SEND_TASK || t.kind() == ElementKind.RECEIVE_TASK) b.attr("messageRef", t.messageRef());
        if (t.kind() == ElementKind.RECEIVE_TASK && t.instantiate()) b.attr("instantiate", "true");
        if (t.kind() == ElementKind.SCRIPT_TASK && t.script() != null) b.attr("scriptFormat", t.script().format());
        flowNodeRefs(b, incoming, outgoing);
        activityChildren(b, t.activity());
        if (t.kind() == ElementKind.SCRIPT_TASK) {
            b.kept("script");
            if (t.script() != null && t.script().text() != null) b.child(bpmnElement("script").text(t.script().text()));
        }
        if (t.kind() == ElementKind.USER_TASK) b.kept("rendering");
        return b.done();
    }

    private Element subProcess(SubProcess sp, List<String> incoming, List<String> outgoing) {
        Bpmn b = new Bpmn(sp.kind().xmlName(), sp.id(), sp.documentation(), sp.extensions()).attr("name", sp.name());
        activityAttributes(b, sp.activity());
        if (sp.triggeredByEvent()) b.attr("triggeredByEvent", "true");
        if (sp.kind() == ElementKind.TRANSACTION) b.attr("method", sp.transactionMethod());
        SubProcess.AdHocSettings adHoc = sp.kind() == ElementKind.AD_HOC_SUB_PROCESS ? sp.adHoc() : null;
        if (adHoc != null) b.attr("ordering", adHoc.ordering()).attr("cancelRemainingInstances", adHoc.cancelRemainingInstances());
        flowNodeRefs(b, incoming, outgoing);
        activityChildren(b, sp.activity());
        content(b, sp.content());
        if (sp.kind() == ElementKind.AD_HOC_SUB_PROCESS) {
            b.kept("completionCondition");
            if (adHoc != null && adHoc.completionCondition() != null) {
                b.child(formalExpression("completionCondition", adHoc.completionCondition()));
            }
        }
        return b.done();
    }

    private Element callActivity(CallActivity ca, List<String> incoming, List<String> outgoing) {
        Bpmn b = new Bpmn("callActivity", ca.id(), ca.documentation(), ca.extensions()).attr("name", ca.name());
        activityAttributes(b, ca.activity());
        b.attr("calledElement", ca.calledElement());
        flowNodeRefs(b, incoming, outgoing);
        activityChildren(b, ca.activity());
        return b.done();
    }

    private void activityAttributes(Bpmn b, ActivitySettings a) {
        b.attr("isForCompensation", a.forCompensation() ? "true" : null)
                .attr("startQuantity", a.startQuantity())
                .attr("completionQuantity", a.completionQuantity())
                .attr("default", a.defaultFlow());
    }

    /** ioSpecification, property, dataInputAssociation, dataOutputAssociation, resourceRole, loopCharacteristics (tActivity). */
    private void activityChildren(Bpmn b, ActivitySettings a) {
        b.kept("ioSpecification").kept("property");
        for (DataAssociation d : a.dataInputAssociations()) b.child(dataAssociation("dataInputAssociation", d));
        for (DataAssociation d : a.dataOutputAssociations()) b.child(dataAssociation("dataOutputAssociation", d));
        b.kept(RESOURCE_ROLES);
        b.kept("standardLoopCharacteristics", "multiInstanceLoopCharacteristics");
        if (a.loop() != null) b.child(loop(a.loop()));
    }

    private Element loop(LoopCharacteristics loop) {
        if (loop instanceof LoopCharacteristics.StandardLoop s) {
            Bpmn b = new Bpmn("standardLoopCharacteristics", s.id(), List.of(), s.extensions())
                    .attr("testBefore", s.testBefore() ? "true" : null)
                    .attr("loopMaximum", s.loopMaximum());
            b.kept("loopCondition");
            if (s.loopCondition() != null) b.child(formalExpression("loopCondition", s.loopCondition()));
            return b.done();
        }
        LoopCharacteristics.MultiInstance m = (LoopCharacteristics.MultiInstance) loop;
        Bpmn b = new Bpmn("multiInstanceLoopCharacteristics", m.id(), List.of(), m.extensions())
                .attr("isSequential", m.sequential() ? "true" : null);
        b.kept("loopCardinality");
        if (m.loopCardinality() != null) b.child(formalExpression("loopCardinality", m.loopCardinality()));
        b.kept("loopDataInputRef").kept("loopDataOutputRef").kept("inputDataItem").kept("outputDataItem")
                .kept("complexBehaviorDefinition").kept("completionCondition");
        if (m.completionCondition() != null) b.child(formalExpression("completionCondition", m.completionCondition()));
        return b.done();
    }

    private Element gateway(Gateway g, List<String> incoming, List<String> outgoing) {
        Bpmn b = new Bpmn(g.kind().xmlName(), g.id(), g.documentation(), g.extensions()).attr("name", g.name());
        if (g.direction() != Gateway.Direction.UNSPECIFIED) b.attr("gatewayDirection", capitalised(g.direction().name()));
        switch (g.kind()) {
            case EXCLUSIVE_GATEWAY, INCLUSIVE_GATEWAY, COMPLEX_GATEWAY -> b.attr("default", g.defaultFlow());
            case EVENT_BASED_GATEWAY -> b.attr("instantiate", g.instantiate() ? "true" : null)
                    .attr("eventGatewayType", g.eventGatewayType());
            default -> { }
        }
        flowNodeRefs(b, incoming, outgoing);
        if (g.kind() == ElementKind.COMPLEX_GATEWAY) {
            b.kept("activationCondition");
            if (g.activationCondition() != null) b.child(formalExpression("activationCondition", g.activationCondition()));
        }
        return b.done();
    }

    private Element sequenceFlow(SequenceFlow f) {
        Bpmn b = flowElementBase("sequenceFlow", f.id(), f.name(), f.documentation(), f.extensions())
                .attr("sourceRef", f.sourceRef())
                .attr("targetRef", f.targetRef())
                .attr("isImmediate", f.immediate());
        b.kept("conditionExpression");
        if (f.condition() != null) b.child(formalExpression("conditionExpression", f.condition()));
        return b.done();
    }

    private Element dataAssociation(String local, DataAssociation a) {
        Bpmn b = new Bpmn(local, a.id(), List.of(), a.extensions());
        for (String source : a.sourceRefs()) b.child(bpmnElement("sourceRef").text(source));
        if (a.targetRef() != null) b.child(bpmnElement("targetRef").text(a.targetRef()));
        return b.kept("transformation").kept("assignment").done();
    }

    // ---- artifacts, collaborations, global elements ----

    private Element artifact(Artifact a) {
        if (a instanceof Artifact.TextAnnotation t) {
            Bpmn b = new Bpmn("textAnnotation", t.id(), t.documentation(), t.extensions()).attr("textFormat", t.textFormat());
            b.kept("text");
            if (t.text() != null) b.child(bpmnElement("text").text(t.text()));
            return b.done();
        }
        if (a instanceof Artifact.Association s) {
            // bpmn-js's attribute order, so that a file it wrote comes back unchanged
            return new Bpmn("association", s.id(), s.documentation(), s.extensions())
                    .attr("associationDirection", s.direction())
                    .attr("sourceRef", s.sourceRef())
                    .attr("targetRef", s.targetRef())
                    .done();
        }
        Artifact.Group g = (Artifact.Group) a;
        return new Bpmn("group", g.id(), g.documentation(), g.extensions()).attr("categoryValueRef", g.categoryValueRef()).done();
    }

    private Element collaboration(Collaboration c) {
        Bpmn b = new Bpmn("collaboration", c.id(), c.documentation(), c.extensions())
                .attr("name", c.name())
                .attr("isClosed", c.closed() ? "true" : null);
        b.kept("participant");
        for (Collaboration.Participant p : c.participants()) {
            b.child(new Bpmn("participant", p.id(), p.documentation(), p.extensions())
                    .attr("name", p.name())
                    .attr("processRef", p.processRef())
                    .kept("interfaceRef").kept("endPointRef").kept("participantMultiplicity")
                    .done());
        }
        b.kept("messageFlow");
        for (Collaboration.MessageFlow m : c.messageFlows()) {
            b.child(new Bpmn("messageFlow", m.id(), m.documentation(), m.extensions())
                    .attr("name", m.name())
                    .attr("sourceRef", m.sourceRef())
                    .attr("targetRef", m.targetRef())
                    .attr("messageRef", m.messageRef())
                    .done());
        }
        b.kept("textAnnotation", "association", "group");
        for (Artifact a : c.artifacts()) b.child(artifact(a));
        b.kept(CONVERSATION_NODES).kept("conversationAssociation").kept("participantAssociation")
                .kept("messageFlowAssociation").kept("correlationKey").kept("choreographyRef").kept("conversationLink");
        return b.done();
    }

    private Element global(GlobalElement g) {
        if (g instanceof GlobalElement.Message m) {
            return new Bpmn("message", m.id(), List.of(), m.extensions()).attr("name", m.name()).attr("itemRef", m.itemRef()).done();
        }
        if (g instanceof GlobalElement.Signal s) {
            return new Bpmn("signal", s.id(), List.of(), s.extensions()).attr("name", s.name())
                    .attr("structureRef", s.structureRef()).done();
        }
        if (g instanceof GlobalElement.Error e) {
            return new Bpmn("error", e.id(), List.of(), e.extensions()).attr("name", e.name())
                    .attr("errorCode", e.errorCode()).attr("structureRef", e.structureRef()).done();
        }
        if (g instanceof GlobalElement.Escalation e) {
            return new Bpmn("escalation", e.id(), List.of(), e.extensions()).attr("name", e.name())
                    .attr("escalationCode", e.escalationCode()).attr("structureRef", e.structureRef()).done();
        }
        if (g instanceof GlobalElement.ItemDefinition i) {
            Bpmn b = new Bpmn("itemDefinition", i.id(), List.of(), i.extensions())
                    .attr("structureRef", i.structureRef())
                    .attr("isCollection", i.collection())
                    .attr("itemKind", i.itemKind());
            // the schema has no import attribute on itemDefinition, so it is kept in Baton's own namespace
            if (i.importRef() != null) b.el.attr(BpmnWriter.KEPT_NAMESPACE, BpmnWriter.KEPT_PREFIX, "import", i.importRef());
            return b.done();
        }
        if (g instanceof GlobalElement.DataStore s) {
            return new Bpmn("dataStore", s.id(), List.of(), s.extensions())
                    .attr("name", s.name())
                    .attr("capacity", s.capacity())
                    .attr("isUnlimited", s.unlimited())
                    .attr("itemSubjectRef", s.itemSubjectRef())
                    .kept("dataState")
                    .done();
        }
        GlobalElement.Category c = (GlobalElement.Category) g;
        Bpmn b = new Bpmn("category", c.id(), List.of(), c.extensions()).attr("name", c.name());
        b.kept("categoryValue");
        for (GlobalElement.CategoryValue v : c.values()) {
            b.child(bpmnElement("categoryValue").attr("id", v.id()).attr("value", v.value()));
        }
        return b.done();
    }

    // ---- helpers ----

    private static Element formalExpression(String local, Expression e) {
        Element el = bpmnElement(local);
        el.attributes.add(new Attribute(Namespaces.XSI, "xsi", "type", "{" + Namespaces.BPMN + "}tFormalExpression", true));
        return el.text(e == null ? null : e.text());
    }

    static Element bpmnElement(String local) {
        return new Element(Namespaces.BPMN, "bpmn", local);
    }

    private static String nz(String s) { return s == null ? "" : s; }

    private static String capitalised(String enumName) {
        return enumName.charAt(0) + enumName.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * One bpmn: element under construction: id and modelled attributes, documentation and extensionElements first, then
     * children in schema order, with kept children placed by {@link #kept} and foreign attributes added by {@link #done}.
     */
    private final class Bpmn {
        final Element el;
        private final Extensions ext;
        private final Slots slots;
        private final String owner;

        Bpmn(String local, String id, List<Documentation> docs, Extensions ext) {
            this.el = bpmnElement(local);
            this.ext = ext;
            this.owner = local + (id == null ? "" : " " + id);
            el.attr("id", id);
            for (Documentation d : docs) {
                el.add(bpmnElement("documentation").attr("textFormat", d.textFormat()).text(d.text()));
            }
            this.slots = new Slots(el, ext.unmodelledChildren(), owner);
            // elements without a documentation field (messages, signals...) keep theirs as unmodelled children
            slots.kept("documentation");
            List<XmlFragment> extensionElements = new ArrayList<>(ext.elements());
            extensionElements.addAll(slots.foreign());
            if (!extensionElements.isEmpty()) {
                Element holder = bpmnElement("extensionElements");
                Foreign.elements(extensionElements, fragments, owner, BPMN_FORBIDDEN).forEach(holder::add);
                el.add(holder);
            }
        }

        Bpmn attr(String name, Object value) {
            el.attr(name, value);
            return this;
        }

        /** Puts back the kept children of one schema slot (several names for a substitution group), in their order. */
        Bpmn kept(String... names) {
            slots.kept(names);
            return this;
        }

        /** The text of the kept children of that name, without removing them. */
        List<String> keptTexts(String name) {
            return slots.texts(name);
        }

        Bpmn drop(String... names) {
            slots.drop(names);
            return this;
        }

        Bpmn child(Element child) {
            el.add(child);
            return this;
        }

        Element done() {
            Foreign.attributes(el, ext, BPMN_FORBIDDEN, PLAIN_ATTRIBUTES.getOrDefault(el.localName, Set.of()));
            List<XmlFragment> leftovers = slots.leftovers();
            if (!leftovers.isEmpty()) {
                // a BPMN child the schema does not allow here: keep it where the schema allows anything, in the kept namespace
                Element holder = el.elementChildren().stream()
                        .filter(c -> c.namespace.equals(Namespaces.BPMN) && c.localName.equals("extensionElements"))
                        .findFirst().orElse(null);
                if (holder == null) {
                    holder = bpmnElement("extensionElements");
                    int docs = (int) el.elementChildren().stream().filter(c -> c.localName.equals("documentation")).count();
                    el.children.add(docs, holder);
                }
                Foreign.elements(leftovers, fragments, owner, BPMN_FORBIDDEN).forEach(holder::add);
            }
            return el;
        }
    }

    /** The kept BPMN children of one element, waiting to be put into their schema slot. */
    private final class Slots {
        private final Element parent;
        private final List<XmlFragment> pending = new ArrayList<>();
        private final List<XmlFragment> foreign = new ArrayList<>();
        private final String owner;

        Slots(Element parent, List<XmlFragment> unmodelled, String owner) {
            this.parent = parent;
            this.owner = owner;
            for (XmlFragment f : unmodelled) {
                if (Namespaces.BPMN.equals(f.namespace())) pending.add(f);
                else foreign.add(f);
            }
        }

        /** Kept children that are not BPMN elements at all: they belong in extensionElements. */
        List<XmlFragment> foreign() { return foreign; }

        void kept(String... names) {
            Set<String> wanted = Set.of(names);
            for (Iterator<XmlFragment> it = pending.iterator(); it.hasNext(); ) {
                XmlFragment f = it.next();
                if (wanted.contains(f.localName())) {
                    parent.add(fragments.parse(f, owner, Set.of(), BpmnWriter.KEPT_NAMESPACE));
                    it.remove();
                }
            }
        }

        List<String> texts(String name) {
            List<String> texts = new ArrayList<>();
            for (XmlFragment f : pending) {
                if (!f.localName().equals(name)) continue;
                StringBuilder text = new StringBuilder();
                for (XmlTree.Node n : fragments.parse(f, owner, Set.of(), BpmnWriter.KEPT_NAMESPACE).children) {
                    if (n instanceof XmlTree.Text t) text.append(t.text());
                }
                texts.add(text.toString().strip());
            }
            return texts;
        }

        void drop(String... names) {
            Set<String> unwanted = Set.of(names);
            pending.removeIf(f -> unwanted.contains(f.localName()));
        }

        List<XmlFragment> leftovers() {
            List<XmlFragment> rest = List.copyOf(pending);
            pending.clear();
            return rest;
        }
    }
}
