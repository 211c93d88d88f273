package dev.baton.bpmn.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.bpmn.read.BpmnReader;
import dev.baton.bpmn.write.BpmnWriter;
import dev.baton.model.Definitions;
import dev.baton.model.ElementKind;
import dev.baton.model.Expression;
import dev.baton.model.Task;
import dev.baton.model.exec.Implementation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given a BPMN file, when Baton opens it (read, lift) and saves it (lower, write), the engine settings are still there. */
class WrittenDialectTest {
    private static final String CAMUNDA_FILE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
              <bpmn:process id="invoice" isExecutable="true">
                <bpmn:startEvent id="start"/>
                <bpmn:serviceTask id="archive" camunda:asyncBefore="true" camunda:type="external" camunda:topic="archive">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="invoiceId">${invoice.id}</camunda:inputParameter>
                    </camunda:inputOutput>
                    <camunda:executionListener class="com.example.Audit" event="start"/>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="archive"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    private static Definitions open(byte[] file) throws Exception {
        return DialectMapping.lift(new BpmnReader().read(file, "test.bpmn").definitions()).definitions();
    }

    @Test
    void aCamundaFileSavedByBatonKeepsItsCamundaSettings() throws Exception {
        Definitions opened = open(CAMUNDA_FILE.getBytes(StandardCharsets.UTF_8));
        Task archive = (Task) opened.flowElement("archive").orElseThrow();
        assertThat(archive.implementation()).isEqualTo(new Implementation.ExternalTask(Expression.literal("archive"), null));

        String saved = new BpmnWriter().writeString(DialectMapping.lower(opened));

        assertThat(saved).contains("camunda:type=\"external\"", "camunda:topic=\"archive\"", "camunda:asyncBefore=\"true\"",
                "<camunda:inputParameter name=\"invoiceId\">${invoice.id}</camunda:inputParameter>", "camunda:executionListener");
        assertThat(saved).doesNotContain("baton");
        assertThat(open(saved.getBytes(StandardCharsets.UTF_8)).rootElements()).isEqualTo(opened.rootElements());
    }

    @Test
    void aProblemAboutAKeptSettingNamesTheLineOfItsElement() throws Exception {
        DialectMapping.LiftResult r = DialectMapping.lift(new BpmnReader().read(CAMUNDA_FILE.getBytes(StandardCharsets.UTF_8), "invoice.bpmn"));

        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("archive");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("camunda:executionListener");
        });
    }

    @Test
    void aKafkaPublishInAPlainBpmnFileIsSavedInBatonsNamespace() throws Exception {
        Task publish = Task.of("publish", "Publish order", ElementKind.SEND_TASK).withImplementation(
                new Implementation.KafkaPublish("orders", Expression.of("${orderId}"), Expression.of("${order}"), null));
        Definitions d = Models.plainDocument(List.of(), publish);

        String saved = new BpmnWriter().writeString(DialectMapping.lower(d));

        assertThat(saved).contains("xmlns:baton=\"https://baton.dev/schema/bpmn/1.0\"", "<baton:kafka", "topic=\"orders\"");
        Task back = (Task) open(saved.getBytes(StandardCharsets.UTF_8)).flowElement("publish").orElseThrow();
        assertThat(back.implementation()).isEqualTo(publish.implementation());
    }
}
