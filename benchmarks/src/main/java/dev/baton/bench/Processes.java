package dev.baton.bench;

/**
 * The scenarios' BPMN, once per engine dialect. The flow is the same for every engine; only the way a step is made
 * durable and what runs in a service task differ, as the peers' own documentation prescribes.
 */
final class Processes {
    private Processes() {}

    static final String MESSAGE = "go";
    static final int FAN_OUT = 10;

    enum Dialect { BATON, CAMUNDA, FLOWABLE }

    static String xml(Scenario scenario, Dialect d) {
        String body = switch (scenario.processId()) {
            case "s1" -> s1(d);
            case "s2" -> s2(d);
            case "s3" -> s3(d);
            case "s4" -> s4(d);
            default -> throw new IllegalArgumentException("no process for " + scenario);
        };
        String listener = switch (d) {
            case BATON -> "";
            // the peers report each finished instance after its commit, as Baton's live events do
            case CAMUNDA -> "<bpmn:extensionElements><camunda:executionListener class=\"dev.baton.bench.PeerHooks$CamundaEnd\" event=\"end\"/></bpmn:extensionElements>";
            case FLOWABLE -> "<bpmn:extensionElements><flowable:executionListener class=\"dev.baton.bench.PeerHooks$FlowableEnd\" event=\"end\"/></bpmn:extensionElements>";
        };
        String message = scenario.processId().equals("s4") ? "<bpmn:message id=\"Msg\" name=\"" + MESSAGE + "\"/>" : "";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xmlns:baton="https://baton.dev/schema/bpmn/1.0" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:flowable="http://flowable.org/bpmn" id="Defs_%1$s" targetNamespace="https://baton.dev/bench">
                  %2$s
                  <bpmn:process id="%1$s" isExecutable="true">
                    %3$s
                    %4$s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(scenario.processId(), message, listener, body);
    }

    /** A service task that does nothing: an expression that is true. */
    private static String noOp(String id, Dialect d, boolean durable) {
        return switch (d) {
            case BATON -> "<bpmn:serviceTask id=\"" + id + "\"" + (durable ? " baton:asyncBefore=\"true\"" : "")
                    + "><bpmn:extensionElements><baton:expression expression=\"${true}\"/></bpmn:extensionElements></bpmn:serviceTask>";
            case CAMUNDA -> "<bpmn:serviceTask id=\"" + id + "\" camunda:expression=\"${true}\"" + (durable ? " camunda:asyncBefore=\"true\"" : "") + "/>";
            case FLOWABLE -> "<bpmn:serviceTask id=\"" + id + "\" flowable:expression=\"${true}\"" + (durable ? " flowable:async=\"true\"" : "") + "/>";
        };
    }

    /** A POST of a small JSON body to the stub service; the response's "ok" becomes a variable. */
    private static String httpPost(String id, Dialect d) {
        return switch (d) {
            case BATON -> """
                    <bpmn:serviceTask id="%1$s"><bpmn:extensionElements>
                      <baton:http method="POST" url="${serviceUrl}/%1$s"><baton:response variable="ok" value="/ok"/></baton:http>
                    </bpmn:extensionElements></bpmn:serviceTask>""".formatted(id);
            case CAMUNDA -> "<bpmn:serviceTask id=\"" + id + "\" camunda:asyncBefore=\"true\" camunda:class=\"dev.baton.bench.PeerHooks$CamundaHttp\"/>";
            case FLOWABLE -> "<bpmn:serviceTask id=\"" + id + "\" flowable:async=\"true\" flowable:class=\"dev.baton.bench.PeerHooks$FlowableHttp\"/>";
        };
    }

    private static String flow(String id, String from, String to) {
        return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\"/>";
    }

    private static String s1(Dialect d) {
        return "<bpmn:startEvent id=\"Start\"/>" + flow("f1", "Start", "Work") + noOp("Work", d, false)
                + flow("f2", "Work", "End") + "<bpmn:endEvent id=\"End\"/>";
    }

    private static String s2(Dialect d) {
        return "<bpmn:startEvent id=\"Start\"/>" + flow("f1", "Start", "reserve") + httpPost("reserve", d)
                + flow("f2", "reserve", "charge") + httpPost("charge", d) + flow("f3", "charge", "ship") + httpPost("ship", d)
                + flow("f4", "ship", "Gate") + "<bpmn:exclusiveGateway id=\"Gate\" default=\"toRejected\"/>"
                + "<bpmn:sequenceFlow id=\"toEnd\" sourceRef=\"Gate\" targetRef=\"End\">"
                + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${ok}</bpmn:conditionExpression></bpmn:sequenceFlow>"
                + flow("toRejected", "Gate", "Rejected") + "<bpmn:endEvent id=\"End\"/><bpmn:endEvent id=\"Rejected\"/>";
    }

    private static String s3(Dialect d) {
        StringBuilder b = new StringBuilder("<bpmn:startEvent id=\"Start\"/>").append(flow("f0", "Start", "Fork"))
                .append("<bpmn:parallelGateway id=\"Fork\"/><bpmn:parallelGateway id=\"Join\"/>");
        for (int i = 1; i <= FAN_OUT; i++) {
            b.append(flow("in" + i, "Fork", "Branch" + i)).append(noOp("Branch" + i, d, true)).append(flow("out" + i, "Branch" + i, "Join"));
        }
        return b.append(flow("fEnd", "Join", "End")).append("<bpmn:endEvent id=\"End\"/>").toString();
    }

    private static String s4(Dialect d) {
        return "<bpmn:startEvent id=\"Start\"/>" + flow("f1", "Start", "Wait")
                + "<bpmn:intermediateCatchEvent id=\"Wait\"><bpmn:messageEventDefinition messageRef=\"Msg\"/></bpmn:intermediateCatchEvent>"
                + flow("f2", "Wait", "End") + "<bpmn:endEvent id=\"End\"/>";
    }
}
