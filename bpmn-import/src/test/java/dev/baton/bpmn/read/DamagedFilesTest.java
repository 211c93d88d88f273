package dev.baton.bpmn.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Given damaged copies of a valid file (cut off, bytes changed, tags dropped), the reader either reads them or
 * throws a BpmnReadException with a message; nothing else escapes, and no message is empty.
 */
class DamagedFilesTest {
    private static final String VALID = Bpmn.definitions("""
            <bpmn:message id="Msg" name="Order"/>
            <bpmn:collaboration id="C"><bpmn:participant id="Pool" processRef="P"/></bpmn:collaboration>
            <bpmn:process id="P" isExecutable="true" camunda:versionTag="1">
              <bpmn:laneSet><bpmn:lane id="L"><bpmn:flowNodeRef>start</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
              <bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="Msg"/></bpmn:startEvent>
              <bpmn:userTask id="t" name="Check" startQuantity="1">
                <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="a">${x}</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>
                <bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>
              </bpmn:userTask>
              <bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
              <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="t"><bpmn:conditionExpression>${ok}</bpmn:conditionExpression></bpmn:sequenceFlow>
            </bpmn:process>
            <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="Pl" bpmnElement="C">
              <bpmndi:BPMNShape id="t_di" bpmnElement="t" isExpanded="true"><dc:Bounds x="1" y="2" width="3" height="4"/><bpmndi:BPMNLabel/></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="f_di" bpmnElement="f"><di:waypoint x="1" y="2"/><di:waypoint x="3" y="4"/></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
            """);

    @Test
    void damagedCopiesAreReadOrRefusedWithAMessage() {
        byte[] original = VALID.getBytes(StandardCharsets.UTF_8);
        Random random = new Random(42);
        int read = 0, refused = 0;
        for (int i = 0; i < 600; i++) {
            byte[] damaged = damage(original, random, i % 4);
            try {
                new BpmnReader().read(damaged, "damaged-" + i + ".bpmn");
                read++;
            } catch (BpmnReadException e) {
                assertThat(e.getMessage()).startsWith("damaged-" + i + ".bpmn").hasSizeGreaterThan(30)
                        .doesNotContain("internal error");
                refused++;
            } catch (RuntimeException e) {
                fail("damaged copy " + i + " threw " + e, e);
            }
        }
        assertThat(read).as("some damage leaves a readable file").isPositive();
        assertThat(refused).as("some damage breaks the XML").isPositive();
    }

    private static byte[] damage(byte[] original, Random random, int kind) {
        String text = new String(original, StandardCharsets.UTF_8);
        switch (kind) {
            case 0 -> { // cut off
                return java.util.Arrays.copyOf(original, random.nextInt(original.length));
            }
            case 1 -> { // one byte changed
                byte[] copy = original.clone();
                String replacements = "<>&\"'=/ x:0\u00e4";
                copy[random.nextInt(copy.length)] = (byte) replacements.charAt(random.nextInt(replacements.length()));
                return copy;
            }
            case 2 -> { // an attribute value emptied or made odd
                int at = text.indexOf("=\"", random.nextInt(text.length() - 10));
                if (at < 0) return original;
                int end = text.indexOf('"', at + 2);
                String odd = new String[] {"", "tns:", "x y", "-1", "NaN", "true"}[random.nextInt(6)];
                return (text.substring(0, at + 2) + odd + text.substring(end)).getBytes(StandardCharsets.UTF_8);
            }
            default -> { // a whole element dropped (start tag to its matching end or self-close)
                int start = text.indexOf('<', 200 + random.nextInt(text.length() - 400));
                int close = text.indexOf('>', start);
                if (start < 0 || close < 0 || text.charAt(start + 1) == '/') return original;
                if (text.charAt(close - 1) == '/') return (text.substring(0, start) + text.substring(close + 1)).getBytes(StandardCharsets.UTF_8);
                String name = text.substring(start + 1, close).split("[\\s>]")[0];
                int end = text.indexOf("</" + name + ">", close);
                if (end < 0) return original;
                return (text.substring(0, start) + text.substring(end + name.length() + 3)).getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
