package dev.baton.model;

import java.util.List;

/**
 * Any gateway kind.
 *
 * @param defaultFlow         the default outgoing flow of an exclusive, inclusive or complex gateway, or null
 * @param instantiate         an event-based gateway that starts the process
 * @param eventGatewayType    Exclusive or Parallel, for event-based gateways
 * @param activationCondition a complex gateway's activation condition
 */
public record Gateway(
        String id,
        String name,
        ElementKind kind,
        String defaultFlow,
        Direction direction,
        boolean instantiate,
        String eventGatewayType,
        Expression activationCondition,
        List<Documentation> documentation,
        Extensions extensions) implements FlowNode {

    public enum Direction { UNSPECIFIED, CONVERGING, DIVERGING, MIXED }

    public Gateway {
        if (kind == null || !kind.isGateway()) throw new IllegalArgumentException("gateway " + id + " needs a gateway kind, got " + kind);
        direction = direction == null ? Direction.UNSPECIFIED : direction;
        documentation = documentation == null ? List.of() : List.copyOf(documentation);
        extensions = Extensions.orNone(extensions);
    }

    public static Gateway of(String id, String name, ElementKind kind) {
        return new Gateway(id, name, kind, null, null, false, null, null, null, null);
    }

    public Gateway withDefaultFlow(String flowId) {
        return new Gateway(id, name, kind, flowId, direction, instantiate, eventGatewayType, activationCondition, documentation, extensions);
    }

    public Gateway withName(String newName) {
        return new Gateway(id, newName, kind, defaultFlow, direction, instantiate, eventGatewayType, activationCondition, documentation, extensions);
    }
}
