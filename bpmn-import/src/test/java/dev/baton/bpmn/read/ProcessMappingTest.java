package dev.baton.bpmn.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.ActivitySettings;
import dev.baton.model.Artifact;
import dev.baton.model.CallActivity;
import dev.baton.model.Collaboration;
import dev.baton.model.DataObject;
import dev.baton.model.DataObjectReference;
import dev.baton.model.DataStoreReference;
import dev.baton.model.Definitions;
import dev.baton.model.Documentation;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.Expression;
import dev.baton.model.FlowNode;
import dev.baton.model.Gateway;
import dev.baton.model.GlobalElement;
import dev.baton.model.Import;
import dev.baton.model.Lane;
import dev.baton.model.LoopCharacteristics;
import dev.baton.model.Process;
import dev.baton.model.RootElement;
import dev.baton.model.SequenceFlow;
import dev.baton.model.SubProcess;
import dev.baton.model.Task;
import dev.baton.model.exec.IoMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given small BPMN documents, the reader puts every element the model has a place for where it belongs. */
class ProcessMappingTest {

    private static Process process(ImportResult r, String id) {
        return r.definitions().process(id).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static <T> T element(ImportResult r, String id) {
        return (T) r.definitions().flowElement(id).orElseThrow(() -> new AssertionError("no flow element " + id));
    }

    @Test
    void definitionsAttributesNamespacesImportsAndRootOrderAreRead() throws Exception {
        ImportResult r = Bpmn.read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tns="http://example.com/x"
                    xmlns:xsd="http://www.w3.org/2001/XMLSchema" id="Defs" name="Orders" targetNamespace="http://example.com/x"
                    expressionLanguage="https://www.omg.org/spec/DMN/20191111/FEEL/" typeLanguage="http://www.w3.org/2001/XMLSchema"
                    exporter="Camunda Modeler" exporterVersion="5.0">
                  <import namespace="http://example.com/types" location="types.xsd" importType="http://www.w3.org/2001/XMLSchema"/>
                  <itemDefinition id="Item" structureRef="xsd:string" itemKind="Information" isCollection="true"/>
                  <message id="Msg" name="Order placed" itemRef="tns:Item"/>
                  <signal id="Sig" name="Alarm" structureRef="Item"/>
                  <error id="Err" name="Failed" errorCode="E42" structureRef="Item"/>
                  <escalation id="Esc" name="Late" escalationCode="L1"/>
                  <dataStore id="Store" name="Orders DB" capacity="10" isUnlimited="false" itemSubjectRef="Item"/>
                  <category id="Cat"><categoryValue id="CatV" value="Phase 1"/></category>
                  <interface id="If" name="Orders API"><operation id="Op" name="place"><inMessageRef>Msg</inMessageRef></operation></interface>
                  <collaboration id="Collab"/>
                  <process id="P" name="Order" isExecutable="true" processType="Private" isClosed="true"/>
                </definitions>
                """);
        Definitions d = r.definitions();
        assertThat(d.id()).isEqualTo("Defs");
        assertThat(d.name()).isEqualTo("Orders");
        assertThat(d.targetNamespace()).isEqualTo("http://example.com/x");
        assertThat(d.expressionLanguage()).isEqualTo("https://www.omg.org/spec/DMN/20191111/FEEL/");
        assertThat(d.typeLanguage()).isEqualTo("http://www.w3.org/2001/XMLSchema");
        assertThat(d.exporter()).isEqualTo("Camunda Modeler");
        assertThat(d.exporterVersion()).isEqualTo("5.0");
        assertThat(d.namespaces()).containsExactly(
                java.util.Map.entry("", "http://www.omg.org/spec/BPMN/20100524/MODEL"),
                java.util.Map.entry("tns", "http://example.com/x"),
                java.util.Map.entry("xsd", "http://www.w3.org/2001/XMLSchema"));
        assertThat(d.imports()).containsExactly(new Import("http://example.com/types", "types.xsd", "http://www.w3.org/2001/XMLSchema"));
        assertThat(d.rootElements()).extracting(RootElement::id)
                .containsExactly("Item", "Msg", "Sig", "Err", "Esc", "Store", "Cat", "If", "Collab", "P");
        assertThat(d.rootElements().get(0)).isEqualTo(new GlobalElement.ItemDefinition("Item", "xsd:string", "Information", true, null, null));
        assertThat(d.rootElements().get(1)).isEqualTo(new GlobalElement.Message("Msg", "Order placed", "Item", null, null, null));
        assertThat(d.rootElements().get(2)).isEqualTo(new GlobalElement.Signal("Sig", "Alarm", "Item", null));
        assertThat(d.rootElements().get(3)).isEqualTo(new GlobalElement.Error("Err", "Failed", "E42", "Item", null));
        assertThat(d.rootElements().get(4)).isEqualTo(new GlobalElement.Escalation("Esc", "Late", "L1", null, null));
        assertThat(d.rootElements().get(5)).isEqualTo(new GlobalElement.DataStore("Store", "Orders DB", 10, false, "Item", null));
        assertThat(d.rootElements().get(6)).isEqualTo(new GlobalElement.Category("Cat", null,
                List.of(new GlobalElement.CategoryValue("CatV", "Phase 1")), null));
        RootElement.Unmodelled iface = (RootElement.Unmodelled) d.rootElements().get(7);
        assertThat(iface.xml().localName()).isEqualTo("interface");
        assertThat(iface.xml().xml()).startsWith("<interface xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"If\"")
                .contains("<inMessageRef>Msg</inMessageRef>");
        Process p = process(r, "P");
        assertThat(p.name()).isEqualTo("Order");
        assertThat(p.executable()).isTrue();
        assertThat(p.processType()).isEqualTo("Private");
        assertThat(p.closed()).isTrue();
        assertThat(p.extensions().isEmpty()).isTrue();
    }

    @Test
    void everyFlowNodeKindIsRead() throws Exception {
        ImportResult r = Bpmn.readContent("""
                <bpmn:process id="P">
                  <bpmn:startEvent id="start"/>
                  <bpmn:intermediateCatchEvent id="catch"/>
                  <bpmn:intermediateThrowEvent id="throw"/>
                  <bpmn:endEvent id="end"/>
                  <bpmn:task id="task"/>
                  <bpmn:serviceTask id="service"/>
                  <bpmn:sendTask id="send"/>
                  <bpmn:receiveTask id="receive" instantiate="true"/>
                  <bpmn:userTask id="user"/>
                  <bpmn:manualTask id="manual"/>
                  <bpmn:businessRuleTask id="rule"/>
                  <bpmn:scriptTask id="script"/>
                  <bpmn:subProcess id="sub"/>
                  <bpmn:subProcess id="eventSub" triggeredByEvent="true"/>
                  <bpmn:transaction id="tx" method="##Compensate"/>
                  <bpmn:adHocSubProcess id="adhoc" ordering="Sequential" cancelRemainingInstances="false">
                    <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${done}</bpmn:completionCondition>
                  </bpmn:adHocSubProcess>
                  <bpmn:callActivity id="call" calledElement="Billing"/>
                  <bpmn:exclusiveGateway id="xor" gatewayDirection="Diverging"/>
                  <bpmn:parallelGateway id="and"/>
                  <bpmn:inclusiveGateway id="or"/>
                  <bpmn:eventBasedGateway id="event" instantiate="true" eventGatewayType="Parallel"/>
                  <bpmn:complexGateway id="complex">
                    <bpmn:activationCondition xsi:type="bpmn:tFormalExpression">${count &gt; 1}</bpmn:activationCondition>
                  </bpmn:complexGateway>
                </bpmn:process>
                """);
        List<FlowNode> nodes = process(r, "P").content().nodes();
        assertThat(nodes).extracting(FlowNode::kind).containsExactly(
                ElementKind.START_EVENT, ElementKind.INTERMEDIATE_CATCH_EVENT, ElementKind.INTERMEDIATE_THROW_EVENT,
                ElementKind.END_EVENT, ElementKind.TASK, ElementKind.SERVICE_TASK, ElementKind.SEND_TASK,
                ElementKind.RECEIVE_TASK, ElementKind.USER_TASK, ElementKind.MANUAL_TASK, ElementKind.BUSINESS_RULE_TASK,
                ElementKind.SCRIPT_TASK, ElementKind.SUB_PROCESS, ElementKind.EVENT_SUB_PROCESS, ElementKind.TRANSACTION,
                ElementKind.AD_HOC_SUB_PROCESS, ElementKind.CALL_ACTIVITY, ElementKind.EXCLUSIVE_GATEWAY,
                ElementKind.PARALLEL_GATEWAY, ElementKind.INCLUSIVE_GATEWAY, ElementKind.EVENT_BASED_GATEWAY,
                ElementKind.COMPLEX_GATEWAY);
        assertThat(((Task) element(r, "receive")).instantiate()).isTrue();
        assertThat(((SubProcess) element(r, "eventSub")).triggeredByEvent()).isTrue();
        assertThat(((SubProcess) element(r, "eventSub")).extensions().attributes()).isEmpty();
        assertThat(((SubProcess) element(r, "tx")).transactionMethod()).isEqualTo("##Compensate");
        SubProcess adhoc = element(r, "adhoc");
        assertThat(adhoc.adHoc()).isEqualTo(new SubProcess.AdHocSettings(new Expression("${done}", Expression.Language.JUEL),
                "Sequential", false));
        assertThat(((CallActivity) element(r, "call")).calledElement()).isEqualTo("Billing");
        Gateway xor = element(r, "xor");
        assertThat(xor.direction()).isEqualTo(Gateway.Direction.DIVERGING);
        Gateway event = element(r, "event");
        assertThat(event.instantiate()).isTrue();
        assertThat(event.eventGatewayType()).isEqualTo("Parallel");
        assertThat(((Gateway) element(r, "complex")).activationCondition().text()).isEqualTo("${count > 1}");
        // incoming/outgoing and typed settings a dialect maps are not invented
        Task service = element(r, "service");
        assertThat(service.implementation()).isNull();
        assertThat(service.activity()).isEqualTo(ActivitySettings.DEFAULT);
        assertThat(service.activity().io()).isEqualTo(IoMapping.NONE);
    }

    @Test
    void eventDefinitionsInEveryPositionAreRead() throws Exception {
        ImportResult r = Bpmn.readContent("""
                <bpmn:message id="Msg" name="m"/>
                <bpmn:signal id="Sig" name="s"/>
                <bpmn:error id="Err" errorCode="E1"/>
                <bpmn:escalation id="Esc" escalationCode="X"/>
                <bpmn:timerEventDefinition id="GlobalTimer"/>
                <bpmn:process id="P">
                  <bpmn:startEvent id="msgStart"><bpmn:messageEventDefinition id="md" messageRef="Msg"/></bpmn:startEvent>
                  <bpmn:startEvent id="timerDate"><bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">2030-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>
                  <bpmn:intermediateCatchEvent id="timerDuration"><bpmn:timerEventDefinition><bpmn:timeDuration>PT5M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                  <bpmn:startEvent id="timerCycle"><bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT10S</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
                  <bpmn:intermediateCatchEvent id="timerEmpty"><bpmn:timerEventDefinition/></bpmn:intermediateCatchEvent>
                  <bpmn:intermediateThrowEvent id="signalThrow"><bpmn:signalEventDefinition signalRef="Sig"/></bpmn:intermediateThrowEvent>
                  <bpmn:endEvent id="errorEnd"><bpmn:errorEventDefinition errorRef="Err"/></bpmn:endEvent>
                  <bpmn:endEvent id="escEnd"><bpmn:escalationEventDefinition escalationRef="Esc"/></bpmn:endEvent>
                  <bpmn:intermediateThrowEvent id="comp"><bpmn:compensateEventDefinition activityRef="task" waitForCompletion="false"/></bpmn:intermediateThrowEvent>
                  <bpmn:intermediateCatchEvent id="cond"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">${stock &lt; 5}</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>
                  <bpmn:intermediateThrowEvent id="linkThrow"><bpmn:linkEventDefinition name="toB"/></bpmn:intermediateThrowEvent>
                  <bpmn:endEvent id="cancelEnd"><bpmn:cancelEventDefinition/></bpmn:endEvent>
                  <bpmn:endEvent id="terminate"><bpmn:terminateEventDefinition/></bpmn:endEvent>
                  <bpmn:startEvent id="byRef"><bpmn:eventDefinitionRef>GlobalTimer</bpmn:eventDefinitionRef></bpmn:startEvent>
                  <bpmn:startEvent id="multiple" parallelMultiple="true"><bpmn:messageEventDefinition messageRef="Msg"/><bpmn:signalEventDefinition signalRef="Sig"/></bpmn:startEvent>
                  <bpmn:task id="task"/>
                  <bpmn:boundaryEvent id="boundary" attachedToRef="task" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
                  <bpmn:boundaryEvent id="boundaryDefault" attachedToRef="task"><bpmn:errorEventDefinition/></bpmn:boundaryEvent>
                  <bpmn:subProcess id="es" triggeredByEvent="true">
                    <bpmn:startEvent id="nonInterrupting" isInterrupting="false"><bpmn:messageEventDefinition messageRef="Msg"/></bpmn:startEvent>
                  </bpmn:subProcess>
                </bpmn:process>
                """);
        assertThat(((Event) element(r, "msgStart")).definition()).isEqualTo(new EventDefinition.Message("md", "Msg", null, null));
        assertThat(((Event) element(r, "timerDate")).definition()).isEqualTo(new EventDefinition.Timer(null,
                EventDefinition.TimerKind.DATE, Expression.of("2030-01-01T00:00:00Z"), null));
        assertThat(((EventDefinition.Timer) ((Event) element(r, "timerDuration")).definition()).kind())
                .isEqualTo(EventDefinition.TimerKind.DURATION);
        EventDefinition.Timer cycle = (EventDefinition.Timer) ((Event) element(r, "timerCycle")).definition();
        assertThat(cycle.kind()).isEqualTo(EventDefinition.TimerKind.CYCLE);
        assertThat(cycle.value().text()).isEqualTo("R3/PT10S");
        assertThat(((EventDefinition.Timer) ((Event) element(r, "timerEmpty")).definition()).kind()).isEqualTo(EventDefinition.TimerKind.NONE);
        assertThat(((Event) element(r, "signalThrow")).definition()).isEqualTo(new EventDefinition.Signal(null, "Sig", null));
        assertThat(((Event) element(r, "errorEnd")).definition()).isEqualTo(new EventDefinition.Error(null, "Err", null, null, null));
        assertThat(((Event) element(r, "escEnd")).definition()).isEqualTo(new EventDefinition.Escalation(null, "Esc", null, null));
        assertThat(((Event) element(r, "comp")).definition()).isEqualTo(new EventDefinition.Compensate(null, "task", false, null));
        EventDefinition.Conditional cond = (EventDefinition.Conditional) ((Event) element(r, "cond")).definition();
        assertThat(cond.condition()).isEqualTo(new Expression("${stock < 5}", Expression.Language.JUEL));
        assertThat(((Event) element(r, "linkThrow")).definition()).isEqualTo(new EventDefinition.Link(null, "toB", null));
        assertThat(((Event) element(r, "cancelEnd")).definition()).isInstanceOf(EventDefinition.Cancel.class);
        assertThat(((Event) element(r, "terminate")).definition()).isInstanceOf(EventDefinition.Terminate.class);
        assertThat(((Event) element(r, "byRef")).definition()).isEqualTo(new EventDefinition.Reference(null, "GlobalTimer", null));
        Event multiple = element(r, "multiple");
        assertThat(multiple.parallelMultiple()).isTrue();
        assertThat(multiple.eventDefinitions()).hasSize(2);
        Event boundary = element(r, "boundary");
        assertThat(boundary.attachedToRef()).isEqualTo("task");
        assertThat(boundary.interrupting()).isFalse();
        assertThat(((Event) element(r, "boundaryDefault")).interrupting()).isTrue();
        assertThat(((Event) element(r, "nonInterrupting")).interrupting()).isFalse();
        assertThat(((Event) element(r, "msgStart")).interrupting()).isTrue();
        assertThat(r.definitions().rootElement("GlobalTimer")).get().isInstanceOf(RootElement.Unmodelled.class);
    }

    @Test
    void sequenceFlowsConditionsDefaultsAndExpressionLanguages() throws Exception {
        ImportResult r = Bpmn.readContent("""
                <bpmn:process id="P">
                  <bpmn:exclusiveGateway id="gw" default="f4"/>
                  <bpmn:task id="a" default="f5"/>
                  <bpmn:sequenceFlow id="f1" name="big" sourceRef="gw" targetRef="a" isImmediate="true">
                    <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${amount &gt; 1000}</bpmn:conditionExpression>
                  </bpmn:sequenceFlow>
                  <bpmn:sequenceFlow id="f2" sourceRef="gw" targetRef="a">
                    <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= amount &gt; 1000</bpmn:conditionExpression>
                  </bpmn:sequenceFlow>
                  <bpmn:sequenceFlow id="f3" sourceRef="gw" targetRef="a">
                    <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="https://www.omg.org/spec/FEEL/20140401">amount &gt; 1000</bpmn:conditionExpression>
                  </bpmn:sequenceFlow>
                  <bpmn:sequenceFlow id="f4" sourceRef="gw" targetRef="a"/>
                  <bpmn:sequenceFlow id="f5" sourceRef="a" targetRef="gw">
                    <bpmn:conditionExpression language="javascript">amount &gt; 1000</bpmn:conditionExpression>
                  </bpmn:sequenceFlow>
                </bpmn:process>
                """);
        SequenceFlow f1 = element(r, "f1");
        assertThat(f1.name()).isEqualTo("big");
        assertThat(f1.sourceRef()).isEqualTo("gw");
        assertThat(f1.targetRef()).isEqualTo("a");
        assertThat(f1.immediate()).isTrue();
        assertThat(f1.condition()).isEqualTo(new Expression("${amount > 1000}", Expression.Language.JUEL));
        assertThat(((SequenceFlow) element(r, "f2")).condition().language()).isEqualTo(Expression.Language.FEEL);
        assertThat(((SequenceFlow) element(r, "f3")).condition()).isEqualTo(new Expression("amount > 1000", Expression.Language.FEEL));
        assertThat(((SequenceFlow) element(r, "f4")).condition()).isNull();
        assertThat(((SequenceFlow) element(r, "f5")).condition().language()).isEqualTo(Expression.Language.OTHER);
        assertThat(((Gateway) element(r, "gw")).defaultFlow()).isEqualTo("f4");
        assertThat(((Task) element(r, "a")).activity().defaultFlow()).isEqualTo("f5");

        ImportResult feelFile = Bpmn.read("""
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" expressionLanguage="https://www.omg.org/spec/FEEL/20140401">
                  <process id="P"><sequenceFlow id="f" sourceRef="a" targetRef="b"><conditionExpression>amount &gt; 1000</conditionExpression></sequenceFlow></process>
                </definitions>
                """);
        assertThat(((SequenceFlow) element(feelFile, "f")).condition()).isEqualTo(new Expression("amount > 1000", Expression.Language.FEEL));
    }

    @Test
    void loopsScriptsMessagesAndActivitySettings() throws Exception {
        ImportResult r = Bpmn.readContent("""
                <bpmn:message id="Msg"/>
                <bpmn:process id="P">
                  <bpmn:task id="loop" isForCompensation="true" startQuantity="2" completionQuantity="3">
                    <bpmn:standardLoopCharacteristics id="sl" testBefore="true" loopMaximum="5">
                      <bpmn:loopCondition xsi:type="bpmn:tFormalExpression">${again}</bpmn:loopCondition>
                    </bpmn:standardLoopCharacteristics>
                  </bpmn:task>
                  <bpmn:userTask id="mi">
                    <bpmn:multiInstanceLoopCharacteristics isSequential="true">
                      <bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">3</bpmn:loopCardinality>
                      <bpmn:loopDataInputRef>items</bpmn:loopDataInputRef>
                      <bpmn:loopDataOutputRef>results</bpmn:loopDataOutputRef>
                      <bpmn:inputDataItem id="item" name="item"/>
                      <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${nrOfCompletedInstances == 2}</bpmn:completionCondition>
                    </bpmn:multiInstanceLoopCharacteristics>
                  </bpmn:userTask>
                  <bpmn:scriptTask id="script" scriptFormat="groovy"><bpmn:script><![CDATA[sum = a < b ? 1 : 2]]></bpmn:script></bpmn:scriptTask>
                  <bpmn:sendTask id="send" messageRef="Msg"/>
                  <bpmn:receiveTask id="receive" messageRef="Msg"/>
                </bpmn:process>
                """);
        Task loop = element(r, "loop");
        assertThat(loop.activity().forCompensation()).isTrue();
        assertThat(loop.activity().startQuantity()).isEqualTo(2);
        assertThat(loop.activity().completionQuantity()).isEqualTo(3);
        assertThat(loop.activity().loop()).isEqualTo(new LoopCharacteristics.StandardLoop("sl",
                new Expression("${again}", Expression.Language.JUEL), true, 5, null));
        LoopCharacteristics.MultiInstance mi = (LoopCharacteristics.MultiInstance) ((Task) element(r, "mi")).activity().loop();
        assertThat(mi.sequential()).isTrue();
        assertThat(mi.loopCardinality().text()).isEqualTo("3");
        assertThat(mi.collection().text()).isEqualTo("items");
        assertThat(mi.outputCollection()).isEqualTo("results");
        assertThat(mi.completionCondition().text()).isEqualTo("${nrOfCompletedInstances == 2}");
        assertThat(mi.extensions().unmodelledChildren()).singleElement().satisfies(f -> assertThat(f.localName()).isEqualTo("inputDataItem"));
        Task script = element(r, "script");
        assertThat(script.script().format()).isEqualTo("groovy");
        assertThat(script.script().text()).isEqualTo("sum = a < b ? 1 : 2");
        assertThat(((Task) element(r, "send")).messageRef()).isEqualTo("Msg");
        assertThat(((Task) element(r, "receive")).messageRef()).isEqualTo("Msg");
    }

    @Test
    void dataObjectsStoresAndAssociationsKeepTheirIds() throws Exception {
        ImportResult r = Bpmn.readContent("""
                <bpmn:dataStore id="Store"/>
                <bpmn:process id="P">
                  <bpmn:dataObject id="DO" name="Order" isCollection="true" itemSubjectRef="Item"/>
                  <bpmn:dataObjectReference id="DOR" name="Order [new]" dataObjectRef="DO"><bpmn:dataState name="new"/></bpmn:dataObjectReference>
                  <bpmn:dataStoreReference id="DSR" name="DB" dataStoreRef="Store"/>
                  <bpmn:task id="t">
                    <bpmn:dataInputAssociation id="in1"><bpmn:sourceRef>DOR</bpmn:sourceRef><bpmn:targetRef>t_input</bpmn:targetRef></bpmn:dataInputAssociation>
                    <bpmn:dataOutputAssociation id="out1"><bpmn:targetRef>DSR</bpmn:targetRef></bpmn:dataOutputAssociation>
                  </bpmn:task>
                  <bpmn:endEvent id="e"><bpmn:dataInputAssociation id="in2"><bpmn:sourceRef>DOR</bpmn:sourceRef></bpmn:dataInputAssociation></bpmn:endEvent>
                  <bpmn:startEvent id="s"><bpmn:dataOutputAssociation id="out2"><bpmn:targetRef>DOR</bpmn:targetRef></bpmn:dataOutputAssociation></bpmn:startEvent>
                </bpmn:process>
                """);
        assertThat((DataObject) element(r, "DO")).isEqualTo(new DataObject("DO", "Order", true, "Item", null, null));
        DataObjectReference ref = element(r, "DOR");
        assertThat(ref.dataObjectRef()).isEqualTo("DO");
        assertThat(ref.extensions().unmodelledChildren()).extracting(f -> f.localName()).containsExactly("dataState");
        assertThat((DataStoreReference) element(r, "DSR")).isEqualTo(new DataStoreReference("DSR", "DB", "Store", null, null, null));
        Task t = element(r, "t");
        assertThat(t.activity().dataInputAssociations()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("in1");
            assertThat(a.sourceRefs()).containsExactly("DOR");
            assertThat(a.targetRef()).isEqualTo("t_input");
        });
        assertThat(t.activity().dataOutputAssociations()).extracting(a -> a.id() + "->" + a.targetRef()).containsExactly("out1->DSR");
        assertThat(((Event) element(r, "e")).dataInputAssociations()).extracting(a -> a.id()).containsExactly("in2");
        assertThat(((Event) element(r, "s")).dataOutputAssociations()).extracting(a -> a.id()).containsExactly("out2");
    }

    @Test
    void lanesCollaborationsArtifactsAndDocumentation() throws Exception {
        ImportResult r = Bpmn.readContent("""
                <bpmn:category id="Cat"><bpmn:categoryValue id="CV" value="Review"/></bpmn:category>
                <bpmn:message id="Msg"/>
                <bpmn:collaboration id="C" isClosed="true">
                  <bpmn:documentation textFormat="text/plain">Who talks to whom</bpmn:documentation>
                  <bpmn:participant id="Pool" name="Shop" processRef="P"><bpmn:documentation>the shop</bpmn:documentation></bpmn:participant>
                  <bpmn:participant id="Customer" name="Customer"/>
                  <bpmn:messageFlow id="MF" name="order" sourceRef="Customer" targetRef="t" messageRef="Msg"/>
                  <bpmn:textAnnotation id="TA0"><bpmn:text>on the pool</bpmn:text></bpmn:textAnnotation>
                  <bpmn:association id="A0" sourceRef="Pool" targetRef="TA0"/>
                  <bpmn:conversation id="Conv"/>
                </bpmn:collaboration>
                <bpmn:process id="P">
                  <bpmn:documentation>Handles orders</bpmn:documentation>
                  <bpmn:laneSet id="LS">
                    <bpmn:lane id="L1" name="Sales">
                      <bpmn:flowNodeRef>t</bpmn:flowNodeRef>
                      <bpmn:childLaneSet id="LS2">
                        <bpmn:lane id="L1a" name="Inside sales"><bpmn:flowNodeRef>t</bpmn:flowNodeRef></bpmn:lane>
                      </bpmn:childLaneSet>
                    </bpmn:lane>
                    <bpmn:lane id="L2" name="Shipping" partitionElementRef="Item"/>
                  </bpmn:laneSet>
                  <bpmn:task id="t"><bpmn:documentation>Check the order</bpmn:documentation><bpmn:documentation textFormat="text/html">&lt;b&gt;carefully&lt;/b&gt;</bpmn:documentation></bpmn:task>
                  <bpmn:subProcess id="sub">
                    <bpmn:laneSet id="SubLS"><bpmn:lane id="SubL"><bpmn:flowNodeRef>inner</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
                    <bpmn:task id="inner"/>
                    <bpmn:textAnnotation id="TA2" textFormat="text/plain"><bpmn:text>inside</bpmn:text></bpmn:textAnnotation>
                    <bpmn:association id="A2" sourceRef="inner" targetRef="TA2" associationDirection="One"/>
                  </bpmn:subProcess>
                  <bpmn:textAnnotation id="TA1"><bpmn:text>Ship within 2 days</bpmn:text></bpmn:textAnnotation>
                  <bpmn:association id="A1" sourceRef="t" targetRef="TA1" associationDirection="None"/>
                  <bpmn:group id="G" categoryValueRef="CV"/>
                </bpmn:process>
                """);
        Collaboration c = r.definitions().collaborations().get(0);
        assertThat(c.closed()).isTrue();
        assertThat(c.documentation()).containsExactly(new Documentation("Who talks to whom", "text/plain"));
        assertThat(c.participants()).extracting(p -> p.id() + ":" + p.processRef()).containsExactly("Pool:P", "Customer:null");
        assertThat(c.participants().get(0).documentation()).containsExactly(Documentation.plain("the shop"));
        assertThat(c.messageFlows()).singleElement().isEqualTo(new Collaboration.MessageFlow("MF", "order", "Customer", "t", "Msg", null, null));
        assertThat(c.artifacts()).extracting(Artifact::id).containsExactly("TA0", "A0");
        assertThat(c.extensions().unmodelledChildren()).extracting(f -> f.localName()).containsExactly("conversation");

        Process p = process(r, "P");
        assertThat(p.documentation()).containsExactly(Documentation.plain("Handles orders"));
        Lane sales = p.content().laneSets().get(0).lanes().get(0);
        assertThat(sales.flowNodeRefs()).containsExactly("t");
        assertThat(sales.childLaneSet().id()).isEqualTo("LS2");
        assertThat(sales.childLanes()).extracting(Lane::id).containsExactly("L1a");
        assertThat(p.content().laneSets().get(0).lanes().get(1).partitionElementRef()).isEqualTo("Item");
        assertThat(((Task) element(r, "t")).documentation()).containsExactly(Documentation.plain("Check the order"),
                new Documentation("<b>carefully</b>", "text/html"));
        SubProcess sub = element(r, "sub");
        assertThat(sub.content().laneSets()).extracting(ls -> ls.id()).containsExactly("SubLS");
        assertThat(sub.content().artifacts()).containsExactly(
                new Artifact.TextAnnotation("TA2", "inside", "text/plain", null, null),
                new Artifact.Association("A2", "inner", "TA2", "One", null, null));
        assertThat(p.content().artifacts()).containsExactly(
                new Artifact.TextAnnotation("TA1", "Ship within 2 days", null, null, null),
                new Artifact.Association("A1", "t", "TA1", "None", null, null),
                new Artifact.Group("G", "CV", null, null));
    }

    @Test
    void prefixedReferencesToElementsOfTheFileLoseTheirPrefix() throws Exception {
        ImportResult r = Bpmn.read("""
                <semantic:definitions xmlns:semantic="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tns="http://x" targetNamespace="http://x">
                  <semantic:message id="Msg"/>
                  <semantic:process id="P">
                    <semantic:task id="t"/>
                    <semantic:boundaryEvent id="b" attachedToRef="tns:t"><semantic:messageEventDefinition messageRef="tns:Msg"/></semantic:boundaryEvent>
                    <semantic:callActivity id="c" calledElement="other:Process"/>
                  </semantic:process>
                </semantic:definitions>
                """);
        Event b = element(r, "b");
        assertThat(b.attachedToRef()).isEqualTo("t");
        assertThat(((EventDefinition.Message) b.definition()).messageRef()).isEqualTo("Msg");
        assertThat(((CallActivity) element(r, "c")).calledElement()).isEqualTo("other:Process");
    }
}
