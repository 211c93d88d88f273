package dev.baton.model;

/** Every kind of flow node BPMN 2.0 defines; the engine's behaviour registry and the designer's renderers key on it. */
public enum ElementKind {
    START_EVENT("startEvent", Category.EVENT),
    INTERMEDIATE_CATCH_EVENT("intermediateCatchEvent", Category.EVENT),
    INTERMEDIATE_THROW_EVENT("intermediateThrowEvent", Category.EVENT),
    BOUNDARY_EVENT("boundaryEvent", Category.EVENT),
    END_EVENT("endEvent", Category.EVENT),

    TASK("task", Category.TASK),
    SERVICE_TASK("serviceTask", Category.TASK),
    SEND_TASK("sendTask", Category.TASK),
    RECEIVE_TASK("receiveTask", Category.TASK),
    USER_TASK("userTask", Category.TASK),
    MANUAL_TASK("manualTask", Category.TASK),
    BUSINESS_RULE_TASK("businessRuleTask", Category.TASK),
    SCRIPT_TASK("scriptTask", Category.TASK),

    SUB_PROCESS("subProcess", Category.SUB_PROCESS),
    /** A subProcess with triggeredByEvent="true". */
    EVENT_SUB_PROCESS("subProcess", Category.SUB_PROCESS),
    TRANSACTION("transaction", Category.SUB_PROCESS),
    AD_HOC_SUB_PROCESS("adHocSubProcess", Category.SUB_PROCESS),
    CALL_ACTIVITY("callActivity", Category.CALL_ACTIVITY),

    EXCLUSIVE_GATEWAY("exclusiveGateway", Category.GATEWAY),
    PARALLEL_GATEWAY("parallelGateway", Category.GATEWAY),
    INCLUSIVE_GATEWAY("inclusiveGateway", Category.GATEWAY),
    EVENT_BASED_GATEWAY("eventBasedGateway", Category.GATEWAY),
    COMPLEX_GATEWAY("complexGateway", Category.GATEWAY);

    /** What family a kind belongs to; decides which record type carries it. */
    public enum Category { EVENT, TASK, SUB_PROCESS, CALL_ACTIVITY, GATEWAY }

    private final String xmlName;
    private final Category category;

    ElementKind(String xmlName, Category category) {
        this.xmlName = xmlName;
        this.category = category;
    }

    /** The local name of the BPMN 2.0 XML element. */
    public String xmlName() { return xmlName; }

    public Category category() { return category; }

    public boolean isEvent() { return category == Category.EVENT; }

    public boolean isTask() { return category == Category.TASK; }

    public boolean isGateway() { return category == Category.GATEWAY; }

    public boolean isActivity() {
        return category == Category.TASK || category == Category.SUB_PROCESS || category == Category.CALL_ACTIVITY;
    }

    public boolean isSubProcess() { return category == Category.SUB_PROCESS; }
}
