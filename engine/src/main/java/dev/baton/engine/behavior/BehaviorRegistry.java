package dev.baton.engine.behavior;

import dev.baton.model.ElementKind;

import java.util.EnumMap;
import java.util.Map;

/** One behaviour per element kind. A kind without one cannot be deployed. */
public final class BehaviorRegistry {
    private final Map<ElementKind, ElementBehavior> behaviors = new EnumMap<>(ElementKind.class);

    public BehaviorRegistry() {
        behaviors.put(ElementKind.START_EVENT, new StartEventBehavior());
        behaviors.put(ElementKind.END_EVENT, new EndEventBehavior());
        behaviors.put(ElementKind.INTERMEDIATE_CATCH_EVENT, new CatchEventBehavior());
        behaviors.put(ElementKind.INTERMEDIATE_THROW_EVENT, new ThrowEventBehavior());
        behaviors.put(ElementKind.BOUNDARY_EVENT, new BoundaryEventBehavior());
        behaviors.put(ElementKind.TASK, new PassThroughTaskBehavior());
        behaviors.put(ElementKind.MANUAL_TASK, new PassThroughTaskBehavior());
        ServiceTaskBehavior serviceTask = new ServiceTaskBehavior();
        behaviors.put(ElementKind.SERVICE_TASK, serviceTask);
        behaviors.put(ElementKind.BUSINESS_RULE_TASK, new BusinessRuleTaskBehavior(serviceTask));
        behaviors.put(ElementKind.SEND_TASK, new SendTaskBehavior());
        behaviors.put(ElementKind.RECEIVE_TASK, new ReceiveTaskBehavior());
        behaviors.put(ElementKind.USER_TASK, new UserTaskBehavior());
        behaviors.put(ElementKind.SCRIPT_TASK, new ScriptTaskBehavior());
        behaviors.put(ElementKind.SUB_PROCESS, new SubProcessBehavior());
        behaviors.put(ElementKind.TRANSACTION, new SubProcessBehavior());
        behaviors.put(ElementKind.EVENT_SUB_PROCESS, new EventSubProcessBehavior());
        behaviors.put(ElementKind.CALL_ACTIVITY, new CallActivityBehavior());
        behaviors.put(ElementKind.EXCLUSIVE_GATEWAY, new ExclusiveGatewayBehavior());
        behaviors.put(ElementKind.PARALLEL_GATEWAY, new ParallelGatewayBehavior());
        behaviors.put(ElementKind.INCLUSIVE_GATEWAY, new InclusiveGatewayBehavior());
        behaviors.put(ElementKind.EVENT_BASED_GATEWAY, new EventBasedGatewayBehavior());
    }

    public boolean supports(ElementKind kind) { return behaviors.containsKey(kind); }

    public ElementBehavior of(ElementKind kind) {
        ElementBehavior b = behaviors.get(kind);
        if (b == null) throw new IllegalStateException("the engine has no behaviour for " + kind.xmlName() + " (" + kind + ")");
        return b;
    }
}
