package dev.baton.bpmn.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.ActivitySettings;
import dev.baton.model.Artifact;
import dev.baton.model.CallActivity;
import dev.baton.model.DataAssociation;
import dev.baton.model.DataObject;
import dev.baton.model.DataObjectReference;
import dev.baton.model.DataStoreReference;
import dev.baton.model.Definitions;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.EventDefinition.TimerKind;
import dev.baton.model.Expression;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowElement;
import dev.baton.model.Gateway;
import dev.baton.model.GlobalElement;
import dev.baton.model.LoopCharacteristics;
import dev.baton.model.Process;
import dev.baton.model.RootElement;
import dev.baton.model.SequenceFlow;
import dev.baton.model.SubProcess;
import dev.baton.model.Task;
import dev.baton.model.exec.Script;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Given a process with every element kind and every event definition in every position, the writer gets the schema right. */
class ElementKindsWriteTest {
    private static final BpmnWriter WRITER = new BpmnWriter();

    private static ActivitySettings withAssociations(List<DataAssociation> in, List<DataAssociation> out, LoopCharacteristics loop) {
        return new ActivitySettings(false, null, loop, false, false, null, null, in, out, null, null);
    }

    private static Event event(String id, ElementKind kind, EventDefinition... defs) {
        return new Event(id, id, kind, List.of(defs), true, null, defs.length > 1, null, null, null, null, null, null);
    }

    private static Event boundary(String id, String host, boolean interrupting, EventDefinition def) {
        return Event.boundary(id, null, host, interrupting, def);
    }

    static EventDefinition message(String id) { return new EventDefinition.Message(id, "Message_order", null, null); }

    static EventDefinition timer(String id, TimerKind kind, String value) {
        return new EventDefinition.Timer(id, kind, Expression.literal(value), null);
    }

    static EventDefinition signal(String id) { return new EventDefinition.Signal(id, "Signal_alarm", null); }

    static EventDefinition error(String id) { return new EventDefinition.Error(id, "Error_failed", null, null, null); }

    static EventDefinition escalation(String id) { return new EventDefinition.Escalation(id, "Escalation_late", null, null); }

    static EventDefinition compensate(String id) { return new EventDefinition.Compensate(id, "Task_service", true, null); }

    static EventDefinition conditional(String id) {
        return new EventDefinition.Conditional(id, Expression.of("${stock < 10}"), null, null, null);
    }

    static Definitions everything() {
        List<FlowElement> main = new ArrayList<>();
        // start events of every trigger
        main.add(event("Start_none", ElementKind.START_EVENT));
        main.add(event("Start_message", ElementKind.START_EVENT, message("Def_sm")));
        main.add(event("Start_timer", ElementKind.START_EVENT, timer("Def_st", TimerKind.DATE, "2030-01-01T00:00:00Z")));
        main.add(event("Start_signal", ElementKind.START_EVENT, signal("Def_ss")));
        main.add(event("Start_conditional", ElementKind.START_EVENT, conditional("Def_sc")));
        main.add(event("Start_multiple", ElementKind.START_EVENT, message("Def_smm"), signal("Def_sms")));
        // every task kind
        DataAssociation in = new DataAssociation("Assoc_in", List.of("DataRef_order"), "Task_user", null);
        DataAssociation out = new DataAssociation("Assoc_out", List.of(), "Store_ref", null);
        LoopCharacteristics mi = new LoopCharacteristics.MultiInstance("Loop_mi", true, Expression.of("${3}"), null, null,
                Expression.of("${done}"), null, null, null);
        main.add(new Task("Task_user", "Approve", ElementKind.USER_TASK, withAssociations(List.of(in), List.of(out), mi),
                null, null, null, null, false, null, null));
        main.add(Task.of("Task_plain", "Plain", ElementKind.TASK));
        main.add(Task.of("Task_service", "Charge", ElementKind.SERVICE_TASK));
        main.add(new Task("Task_send", "Send", ElementKind.SEND_TASK, null, null, "Message_order", null, null, false, null, null));
        main.add(new Task("Task_receive", "Receive", ElementKind.RECEIVE_TASK, null, null, "Message_order", null, null, true, null, null));
        main.add(Task.of("Task_manual", "Pack", ElementKind.MANUAL_TASK));
        main.add(Task.of("Task_rule", "Decide", ElementKind.BUSINESS_RULE_TASK));
        LoopCharacteristics standard = new LoopCharacteristics.StandardLoop("Loop_std", Expression.of("${again}"), true, 5, null);
        main.add(new Task("Task_script", "Compute", ElementKind.SCRIPT_TASK, withAssociations(null, null, standard), null, null,
                new Script("javascript", "var x = a < b && c;", null), null, false, null, null));
        main.add(new Task("Task_compensation", "Refund", ElementKind.SERVICE_TASK,
                new ActivitySettings(true, null, null, false, false, null, null, null, null, 2, 3), null, null, null, null, false, null, null));
        // boundary events of every catching trigger
        main.add(boundary("Boundary_message", "Task_user", false, message("Def_bm")));
        main.add(boundary("Boundary_timer", "Task_user", true, timer("Def_bt", TimerKind.CYCLE, "R3/PT1H")));
        main.add(boundary("Boundary_signal", "Task_user", false, signal("Def_bs")));
        main.add(boundary("Boundary_error", "Task_service", true, error("Def_be")));
        main.add(boundary("Boundary_escalation", "Task_service", false, escalation("Def_besc")));
        main.add(boundary("Boundary_conditional", "Task_service", true, conditional("Def_bc")));
        main.add(boundary("Boundary_compensate", "Task_service", true, new EventDefinition.Compensate("Def_bcomp", null, null, null)));
        main.add(boundary("Boundary_cancel", "Transaction_1", true, new EventDefinition.Cancel("Def_bcancel", null)));
        // intermediate events
        main.add(event("Catch_message", ElementKind.INTERMEDIATE_CATCH_EVENT, message("Def_cm")));
        main.add(event("Catch_timer", ElementKind.INTERMEDIATE_CATCH_EVENT, timer("Def_ct", TimerKind.DURATION, "PT5M")));
        main.add(event("Catch_signal", ElementKind.INTERMEDIATE_CATCH_EVENT, signal("Def_cs")));
        main.add(event("Catch_conditional", ElementKind.INTERMEDIATE_CATCH_EVENT, conditional("Def_cc")));
        main.add(event("Catch_link", ElementKind.INTERMEDIATE_CATCH_EVENT, new EventDefinition.Link("Def_cl", "to-end", null)));
        main.add(new Event("Catch_data", null, ElementKind.INTERMEDIATE_CATCH_EVENT,
                List.of(message("Def_cd"), new EventDefinition.Reference("Ref_cd", "Global_signal_def", null)), true, null, false,
                null, List.of(new DataAssociation("Assoc_catch", List.of(), "DataRef_order", null)), null, null, null, null));
        main.add(event("Throw_none", ElementKind.INTERMEDIATE_THROW_EVENT));
        main.add(event("Throw_message", ElementKind.INTERMEDIATE_THROW_EVENT, message("Def_tm")));
        main.add(event("Throw_signal", ElementKind.INTERMEDIATE_THROW_EVENT, signal("Def_ts")));
        main.add(event("Throw_escalation", ElementKind.INTERMEDIATE_THROW_EVENT, escalation("Def_tesc")));
        main.add(event("Throw_compensate", ElementKind.INTERMEDIATE_THROW_EVENT, compensate("Def_tcomp")));
        main.add(event("Throw_link", ElementKind.INTERMEDIATE_THROW_EVENT, new EventDefinition.Link("Def_tl", "to-end", null)));
        main.add(new Event("Throw_data", null, ElementKind.INTERMEDIATE_THROW_EVENT, List.of(signal("Def_td")), true, null, false,
                List.of(new DataAssociation("Assoc_throw", List.of("DataRef_order"), "Throw_data", null)), null, null, null, null, null));
        // end events of every result
        main.add(event("End_none", ElementKind.END_EVENT));
        main.add(event("End_message", ElementKind.END_EVENT, message("Def_em")));
        main.add(event("End_error", ElementKind.END_EVENT, error("Def_ee")));
        main.add(event("End_escalation", ElementKind.END_EVENT, escalation("Def_eesc")));
        main.add(event("End_compensate", ElementKind.END_EVENT, compensate("Def_ecomp")));
        main.add(event("End_signal", ElementKind.END_EVENT, signal("Def_es")));
        main.add(event("End_terminate", ElementKind.END_EVENT, new EventDefinition.Terminate("Def_eterm", null)));
        // gateways
        main.add(new Gateway("Gateway_x", "Which?", ElementKind.EXCLUSIVE_GATEWAY, "Flow_x_default", Gateway.Direction.DIVERGING,
                false, null, null, null, null));
        main.add(new Gateway("Gateway_plus", null, ElementKind.PARALLEL_GATEWAY, null, Gateway.Direction.CONVERGING, false, null, null, null, null));
        main.add(new Gateway("Gateway_o", null, ElementKind.INCLUSIVE_GATEWAY, null, Gateway.Direction.MIXED, false, null, null, null, null));
        main.add(new Gateway("Gateway_event", null, ElementKind.EVENT_BASED_GATEWAY, null, null, true, "Parallel", null, null, null));
        main.add(new Gateway("Gateway_complex", null, ElementKind.COMPLEX_GATEWAY, null, null, false, null,
                Expression.of("${count >= 2}"), null, null));
        // subprocesses
        main.add(new SubProcess("Sub_embedded", "Embedded", ElementKind.SUB_PROCESS, new FlowContent(List.of(
                event("Sub_start", ElementKind.START_EVENT), event("Sub_end", ElementKind.END_EVENT),
                SequenceFlow.of("Sub_flow", "Sub_start", "Sub_end")), List.of(), List.of()), null, null, null, null, null));
        main.add(new SubProcess("Sub_event", "On error", ElementKind.EVENT_SUB_PROCESS, new FlowContent(List.of(
                new Event("Sub_event_start", null, ElementKind.START_EVENT, List.of(escalation("Def_ses")), false, null, false,
                        null, null, null, null, null, null),
                event("Sub_event_error_start", ElementKind.START_EVENT, error("Def_see")),
                event("Sub_event_comp_start", ElementKind.START_EVENT, new EventDefinition.Compensate("Def_secs", null, null, null))),
                List.of(), List.of()), null, null, null, null, null));
        main.add(new SubProcess("Transaction_1", "Book", ElementKind.TRANSACTION, new FlowContent(List.of(
                event("Tx_start", ElementKind.START_EVENT),
                event("Tx_cancel_end", ElementKind.END_EVENT, new EventDefinition.Cancel("Def_ecancel", null)),
                SequenceFlow.of("Tx_flow", "Tx_start", "Tx_cancel_end")), List.of(), List.of()),
                null, null, "##Compensate", null, null));
        main.add(new SubProcess("Sub_adhoc", "Research", ElementKind.AD_HOC_SUB_PROCESS, new FlowContent(List.of(
                Task.of("Adhoc_task", "Read", ElementKind.TASK)), List.of(), List.of()),
                null, new SubProcess.AdHocSettings(Expression.of("${enough}"), "Sequential", false), null, null, null));
        main.add(new CallActivity("Call_billing", "Bill", "billing", null, null, null, null));
        // data
        main.add(new DataObject("Data_order", "Order", true, "Item_order", null, null));
        main.add(new DataObjectReference("DataRef_order", "Order [new]", "Data_order", null, null, null));
        main.add(new DataStoreReference("Store_ref", "Orders", "Store_orders", null, null, null));
        // flows
        main.add(SequenceFlow.of("Flow_start", "Start_none", "Gateway_x"));
        main.add(SequenceFlow.of("Flow_x_default", "Gateway_x", "Task_user"));
        main.add(new SequenceFlow("Flow_x_cond", "big", "Gateway_x", "Task_plain", Expression.of("${big}"), true, null, null));
        List<Artifact> artifacts = List.of(
                new Artifact.TextAnnotation("Note_1", "Checked by two people", "text/plain", null, null),
                new Artifact.Association("Assoc_note", "Note_1", "Task_user", "None", null, null),
                new Artifact.Group("Group_1", "CatValue_1", null, null));
        Process process = new Process("Process_all", "Everything", false, "Private", true, new FlowContent(main, artifacts, List.of()), null, null);
        List<RootElement> roots = List.of(
                new GlobalElement.ItemDefinition("Item_order", "Order", "Information", false, null, null),
                new GlobalElement.Message("Message_order", "order", "Item_order", null, null, null),
                new GlobalElement.Signal("Signal_alarm", "alarm", null, null),
                new GlobalElement.Error("Error_failed", "failed", "E42", null, null),
                new GlobalElement.Escalation("Escalation_late", "late", "LATE", null, null),
                new GlobalElement.DataStore("Store_orders", "Orders", 100, false, "Item_order", null),
                new GlobalElement.Category("Category_1", "Review", List.of(new GlobalElement.CategoryValue("CatValue_1", "Review")), null),
                process);
        return new Definitions("Definitions_all", "All", "https://example.com/all", null, null, "Baton", "0.1", null, null,
                roots, List.of(), null, null);
    }

    @Test
    void givenEveryElementKindAndEveryEventDefinitionPosition_whenWritten_thenTheSchemaAcceptsIt() {
        WrittenXml.of(WRITER.write(everything())).assertValid();
    }

    @Test
    void givenEveryFlowNodeKind_whenWritten_thenEachAppearsUnderItsBpmnName() {
        WrittenXml xml = WrittenXml.of(WRITER.write(everything()));

        Set<String> written = xml.elements("//bpmn:process//*").stream().map(e -> e.getLocalName()).collect(Collectors.toSet());
        Set<String> expected = EnumSet.allOf(ElementKind.class).stream().map(ElementKind::xmlName).collect(Collectors.toSet());
        assertThat(written).containsAll(expected);
        assertThat(xml.string("//bpmn:subProcess[@id='Sub_event']/@triggeredByEvent")).isEqualTo("true");
        assertThat(xml.count("//bpmn:subProcess[@id='Sub_embedded']/@triggeredByEvent")).isZero();
    }

    @Test
    void givenEventsWithDataAndDefinitions_whenWritten_thenAssociationsComeBeforeDefinitionsAndReferencesLast() {
        WrittenXml xml = WrittenXml.of(WRITER.write(everything()));

        assertThat(xml.childNames("//bpmn:intermediateCatchEvent[@id='Catch_data']"))
                .containsExactly("dataOutputAssociation", "messageEventDefinition", "eventDefinitionRef");
        assertThat(xml.string("//bpmn:intermediateCatchEvent[@id='Catch_data']/bpmn:eventDefinitionRef")).isEqualTo("Global_signal_def");
        assertThat(xml.childNames("//bpmn:intermediateThrowEvent[@id='Throw_data']"))
                .containsExactly("dataInputAssociation", "signalEventDefinition");
        assertThat(xml.childNames("//bpmn:startEvent[@id='Start_multiple']"))
                .containsExactly("messageEventDefinition", "signalEventDefinition");
        assertThat(xml.string("//bpmn:startEvent[@id='Start_multiple']/@parallelMultiple")).isEqualTo("true");
    }

    @Test
    void givenInterruptingAndNonInterruptingEvents_whenWritten_thenOnlyTheNonDefaultIsWritten() {
        WrittenXml xml = WrittenXml.of(WRITER.write(everything()));

        assertThat(xml.string("//bpmn:boundaryEvent[@id='Boundary_message']/@cancelActivity")).isEqualTo("false");
        assertThat(xml.count("//bpmn:boundaryEvent[@id='Boundary_timer']/@cancelActivity")).isZero();
        assertThat(xml.string("//bpmn:boundaryEvent[@id='Boundary_timer']/@attachedToRef")).isEqualTo("Task_user");
        assertThat(xml.string("//bpmn:startEvent[@id='Sub_event_start']/@isInterrupting")).isEqualTo("false");
        assertThat(xml.count("//bpmn:startEvent[@id='Sub_event_error_start']/@isInterrupting")).isZero();
    }

    @Test
    void givenTimersOfEachKind_whenWritten_thenTheValueIsAFormalExpressionInTheRightElement() {
        WrittenXml xml = WrittenXml.of(WRITER.write(everything()));

        assertThat(xml.string("//bpmn:startEvent[@id='Start_timer']/bpmn:timerEventDefinition/bpmn:timeDate")).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(xml.string("//*[@id='Catch_timer']/bpmn:timerEventDefinition/bpmn:timeDuration")).isEqualTo("PT5M");
        assertThat(xml.string("//*[@id='Boundary_timer']/bpmn:timerEventDefinition/bpmn:timeCycle/@xsi:type"))
                .isEqualTo("bpmn:tFormalExpression");
        assertThat(xml.string("//*[@id='Boundary_conditional']/bpmn:conditionalEventDefinition/bpmn:condition")).isEqualTo("${stock < 10}");
    }

    @Test
    void givenEventDefinitionReferences_whenWritten_thenEachRefAttributeIsSet() {
        WrittenXml xml = WrittenXml.of(WRITER.write(everything()));

        assertThat(xml.string("//*[@id='Def_sm']/@messageRef")).isEqualTo("Message_order");
        assertThat(xml.string("//*[@id='Def_ss']/@signalRef")).isEqualTo("Signal_alarm");
        assertThat(xml.string("//*[@id='Def_ee']/@errorRef")).isEqualTo("Error_failed");
        assertThat(xml.string("//*[@id='Def_eesc']/@escalationRef")).isEqualTo("Escalation_late");
        assertThat(xml.string("//*[@id='Def_ecomp']/@activityRef")).isEqualTo("Task_service");
        assertThat(xml.string("//*[@id='Def_ecomp']/@waitForCompletion")).isEqualTo("true");
        assertThat(xml.string("//*[@id='Def_tl']/@name")).isEqualTo("to-end");
        assertThat(xml.count("//bpmn:terminateEventDefinition")).isEqualTo(1);
        assertThat(xml.count("//bpmn:cancelEventDefinition")).isEqualTo(2);
    }

    @Test
    void givenActivitiesWithDataAndLoops_whenWritten_thenTheActivityChildrenFollowTheSchemaOrder() {
        WrittenXml xml = WrittenXml.of(WRITER.write(everything()));

        assertThat(xml.childNames("//bpmn:userTask[@id='Task_user']"))
                .containsExactly("incoming", "dataInputAssociation", "dataOutputAssociation", "multiInstanceLoopCharacteristics");
        assertThat(xml.childNames("//bpmn:multiInstanceLoopCharacteristics")).containsExactly("loopCardinality", "completionCondition");
        assertThat(xml.string("//bpmn:multiInstanceLoopCharacteristics/@isSequential")).isEqualTo("true");
        assertThat(xml.childNames("//bpmn:dataInputAssociation[@id='Assoc_in']")).containsExactly("sourceRef", "targetRef");
        assertThat(xml.childNames("//bpmn:scriptTask")).containsExactly("standardLoopCharacteristics", "script");
        assertThat(xml.string("//bpmn:scriptTask/@scriptFormat")).isEqualTo("javascript");
        assertThat(xml.string("//bpmn:scriptTask/bpmn:script")).isEqualTo("var x = a < b && c;");
        assertThat(xml.string("//bpmn:standardLoopCharacteristics/@testBefore")).isEqualTo("true");
        assertThat(xml.string("//bpmn:standardLoopCharacteristics/@loopMaximum")).isEqualTo("5");
        assertThat(xml.string("//*[@id='Task_compensation']/@isForCompensation")).isEqualTo("true");
        assertThat(xml.string("//*[@id='Task_compensation']/@startQuantity")).isEqualTo("2");
        assertThat(xml.string("//*[@id='Task_compensation']/@completionQuantity")).isEqualTo("3");
    }

    @Test
    void givenSubprocessKinds_whenWritten_thenTheirOwnSettingsAreWritten() {
        WrittenXml xml = WrittenXml.of(WRITER.write(everything()));

        assertThat(xml.string("//bpmn:transaction/@method")).isEqualTo("##Compensate");
        assertThat(xml.childNames("//bpmn:adHocSubProcess")).containsExactly("task", "completionCondition");
        assertThat(xml.string("//bpmn:adHocSubProcess/@ordering")).isEqualTo("Sequential");
        assertThat(xml.string("//bpmn:adHocSubProcess/@cancelRemainingInstances")).isEqualTo("false");
        assertThat(xml.string("//bpmn:callActivity/@calledElement")).isEqualTo("billing");
        assertThat(xml.string("//bpmn:subProcess[@id='Sub_embedded']/bpmn:sequenceFlow/@sourceRef")).isEqualTo("Sub_start");
    }

    @Test
    void givenGatewayKinds_whenWritten_thenDirectionDefaultAndEventSettingsAreWritten() {
        WrittenXml xml = WrittenXml.of(WRITER.write(everything()));

        assertThat(xml.string("//bpmn:exclusiveGateway/@gatewayDirection")).isEqualTo("Diverging");
        assertThat(xml.string("//bpmn:exclusiveGateway/@default")).isEqualTo("Flow_x_default");
        assertThat(xml.string("//bpmn:parallelGateway/@gatewayDirection")).isEqualTo("Converging");
        assertThat(xml.string("//bpmn:inclusiveGateway/@gatewayDirection")).isEqualTo("Mixed");
        assertThat(xml.string("//bpmn:eventBasedGateway/@instantiate")).isEqualTo("true");
        assertThat(xml.string("//bpmn:eventBasedGateway/@eventGatewayType")).isEqualTo("Parallel");
        assertThat(xml.string("//bpmn:complexGateway/bpmn:activationCondition")).isEqualTo("${count >= 2}");
        assertThat(xml.string("//bpmn:sequenceFlow[@id='Flow_x_cond']/@isImmediate")).isEqualTo("true");
    }

    @Test
    void givenTasksWithMessages_whenWritten_thenMessageRefAndInstantiateAreWritten() {
        WrittenXml xml = WrittenXml.of(WRITER.write(everything()));

        assertThat(xml.string("//bpmn:sendTask/@messageRef")).isEqualTo("Message_order");
        assertThat(xml.string("//bpmn:receiveTask/@messageRef")).isEqualTo("Message_order");
        assertThat(xml.string("//bpmn:receiveTask/@instantiate")).isEqualTo("true");
    }

    @Test
    void givenDataArtifactsAndGlobals_whenWritten_thenTheirAttributesAreWrittenAndGlobalsKeepTheirOrder() {
        WrittenXml xml = WrittenXml.of(WRITER.write(everything()));

        assertThat(xml.childNames("/bpmn:definitions"))
                .containsExactly("itemDefinition", "message", "signal", "error", "escalation", "dataStore", "category", "process");
        assertThat(xml.string("//bpmn:dataObject/@isCollection")).isEqualTo("true");
        assertThat(xml.string("//bpmn:dataObject/@itemSubjectRef")).isEqualTo("Item_order");
        assertThat(xml.string("//bpmn:dataObjectReference/@dataObjectRef")).isEqualTo("Data_order");
        assertThat(xml.string("//bpmn:dataStoreReference/@dataStoreRef")).isEqualTo("Store_orders");
        assertThat(xml.string("//bpmn:dataStore/@capacity")).isEqualTo("100");
        assertThat(xml.string("//bpmn:dataStore/@isUnlimited")).isEqualTo("false");
        assertThat(xml.string("//bpmn:error/@errorCode")).isEqualTo("E42");
        assertThat(xml.string("//bpmn:escalation/@escalationCode")).isEqualTo("LATE");
        assertThat(xml.string("//bpmn:message/@itemRef")).isEqualTo("Item_order");
        assertThat(xml.string("//bpmn:itemDefinition/@structureRef")).isEqualTo("Order");
        assertThat(xml.string("//bpmn:category/bpmn:categoryValue/@value")).isEqualTo("Review");
        assertThat(xml.string("//bpmn:textAnnotation/bpmn:text")).isEqualTo("Checked by two people");
        assertThat(xml.string("//bpmn:association/@associationDirection")).isEqualTo("None");
        assertThat(xml.string("//bpmn:group/@categoryValueRef")).isEqualTo("CatValue_1");
        assertThat(xml.string("//bpmn:process/@processType")).isEqualTo("Private");
        assertThat(xml.string("//bpmn:process/@isClosed")).isEqualTo("true");
        assertThat(xml.string("//bpmn:process/@isExecutable")).isEqualTo("false");
    }

    @Test
    void givenFlowElementsAndArtifacts_whenWritten_thenArtifactsFollowAllFlowElements() {
        WrittenXml xml = WrittenXml.of(WRITER.write(everything()));

        List<String> children = xml.childNames("//bpmn:process");
        int lastFlowElement = children.lastIndexOf("sequenceFlow");
        assertThat(children.subList(lastFlowElement + 1, children.size())).containsExactly("textAnnotation", "association", "group");
    }
}
