package dev.baton.bpmn.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.baton.bpmn.read.BpmnReadException;
import dev.baton.bpmn.read.BpmnReader;
import dev.baton.bpmn.write.BpmnWriter;
import dev.baton.model.Definitions;
import dev.baton.model.Dialect;
import dev.baton.model.Extensions;
import dev.baton.model.XmlFragment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Given every BPMN file of the OMG MIWG suite, lifting never fails, the files with Camunda, Zeebe and Activiti settings
 * get them mapped, and lower undoes lift exactly, also through the writer.
 */
class CorpusDialectTest {
    private static final Set<String> EXECUTION_NAMESPACES =
            Set.of(Dialect.CAMUNDA7_NS, Dialect.CAMUNDA8_NS, Dialect.FLOWABLE_NS, Dialect.ACTIVITI_NS, Dialect.BATON_NS);

    static Path miwg() {
        String configured = System.getProperty("BATON_CORPUS", System.getenv("BATON_CORPUS"));
        Path corpus = configured != null && Files.isDirectory(Path.of(configured)) ? Path.of(configured) : null;
        for (Path dir = Path.of("").toAbsolutePath(); corpus == null && dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared").resolve("bpmn-corpus"))) corpus = dir.resolve("shared").resolve("bpmn-corpus");
        }
        Path miwg = corpus == null ? null : corpus.resolve("miwg");
        assumeTrue(miwg != null && Files.isDirectory(miwg),
                "the BPMN corpus (shared/bpmn-corpus/miwg) is not next to the repository and BATON_CORPUS is not set; skipping");
        return miwg;
    }

    /** Attributes and extension elements in an engine's namespace, over the whole document. */
    static int executionSettings(Definitions d) {
        int n = 0;
        for (Extensions e : Models.allExtensions(d).values()) {
            for (String key : e.attributes().keySet()) {
                if (key.startsWith("{") && EXECUTION_NAMESPACES.contains(key.substring(1, key.indexOf('}')))) n++;
            }
            for (XmlFragment f : e.elements()) if (EXECUTION_NAMESPACES.contains(f.namespace())) n++;
        }
        return n;
    }

    @Test
    void theCamunda8ReferenceFileC92OpensWithItsZeebeSettingsTyped() throws Exception {
        Path file = miwg().resolve("Reference").resolve("C.9.2.bpmn");

        DialectMapping.LiftResult r = DialectMapping.lift(new BpmnReader().read(file));
        Definitions d = r.definitions();

        dev.baton.model.Task decide = (dev.baton.model.Task) d.flowElement("UserTask_DecideOnApplication").orElseThrow();
        assertThat(decide.user().candidateGroups()).containsExactly("clerks");
        assertThat(decide.user().formKey()).isEqualTo("camunda-forms:bpmn:userTaskForm_2s8lq02");
        assertThat(decide.activity().io().inputs()).extracting(dev.baton.model.exec.VariableMapping::target)
                .containsExactly("risksText", "age", "applicantName");
        dev.baton.model.CallActivity request = (dev.baton.model.CallActivity) d.flowElement("CallActivity_RequestDocument").orElseThrow();
        assertThat(request.calledElement()).isEqualTo("requestDocument_en");
        assertThat(request.call().allOut()).isTrue();
        var loop = (dev.baton.model.LoopCharacteristics.MultiInstance) request.activity().loop();
        assertThat(loop.collection().text()).isEqualTo("=documents");
        assertThat(loop.elementVariable()).isEqualTo("document");
        dev.baton.model.Task notify = (dev.baton.model.Task) d.flowElement("SendTask_NotifyCustomerDelay").orElseThrow();
        assertThat(notify.implementation()).isEqualTo(
                new dev.baton.model.exec.Implementation.ExternalTask(dev.baton.model.Expression.literal("notifyCustomerDelay"), null));
        assertThat(d.globals(dev.baton.model.GlobalElement.Message.class)).extracting(m -> m.correlationKey().text())
                .containsExactlyInAnyOrder("= documentReferenceId", "=fraudSuspectedId");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("ManualCheck");
            assertThat(p.message()).contains("zeebe:userTaskForm");
            assertThat(p.line()).isPositive();
        });
    }

    /** The BPMN (not extension) fields lift and lower read or clear: called process, script, multi-instance collections. */
    static Map<String, String> bpmnFieldsTheMappingTouches(Definitions d) {
        Map<String, String> out = new TreeMap<>();
        d.allFlowElements().forEach(e -> {
            if (e instanceof dev.baton.model.CallActivity c) out.put(e.id() + " calledElement", String.valueOf(c.calledElement()));
            if (e instanceof dev.baton.model.Task t) out.put(e.id() + " script", String.valueOf(t.script()));
            if (e instanceof dev.baton.model.Activity a && a.activity().loop() instanceof dev.baton.model.LoopCharacteristics.MultiInstance mi) {
                out.put(e.id() + " collections", mi.collection() + " " + mi.outputCollection());
            }
        });
        return out;
    }

    @Test
    void everyCorpusFileLiftsAndLowersBackToTheSameExtensions() throws IOException {
        Path miwg = miwg();
        List<Path> files;
        try (Stream<Path> s = Files.walk(miwg)) {
            files = s.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
        BpmnReader reader = new BpmnReader();
        Map<String, String> mappedPerFile = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int read = 0, withSettings = 0, totalMapped = 0, totalKept = 0;
        for (Path file : files) {
            String name = miwg.relativize(file).toString();
            Definitions x;
            try {
                x = reader.read(file).definitions();
            } catch (BpmnReadException e) {
                continue; // the reader's own corpus test answers for files it cannot read
            }
            read++;
            try {
                DialectMapping.LiftResult lifted = DialectMapping.lift(x);
                int before = executionSettings(x), after = executionSettings(lifted.definitions());
                Definitions lowered = DialectMapping.lower(lifted.definitions());
                var was = Models.canonical(x);
                var now = Models.canonical(lowered);
                for (String key : was.keySet()) {
                    if (!was.get(key).equals(now.get(key))) failures.add(name + ": lower(lift(x)) differs at " + key + ": " + was.get(key) + " vs " + now.get(key));
                }
                if (!DialectMapping.lift(lowered).definitions().equals(lifted.definitions())) failures.add(name + ": lift(lower(lift(x))) differs");
                if (!DialectMapping.lift(lifted.definitions()).definitions().equals(lifted.definitions())) failures.add(name + ": lift is not idempotent");
                if (before > 0) {
                    // through the real writer: the file written after lower reads back as the file written unchanged
                    BpmnWriter writer = new BpmnWriter();
                    Definitions writtenAsIs = reader.read(writer.write(x), name).definitions();
                    Definitions writtenLowered = reader.read(writer.write(lowered), name).definitions();
                    if (!Models.canonical(writtenLowered).equals(Models.canonical(writtenAsIs))) {
                        failures.add(name + ": the written file differs in its extensions after lift and lower");
                    }
                    if (!bpmnFieldsTheMappingTouches(writtenLowered).equals(bpmnFieldsTheMappingTouches(writtenAsIs))) {
                        failures.add(name + ": a BPMN attribute (calledElement, script, loop data) changed after lift and lower");
                    }
                    if (!DialectMapping.lift(writtenLowered).definitions().rootElements()
                            .equals(DialectMapping.lift(writtenAsIs).definitions().rootElements())) {
                        failures.add(name + ": the file saved after lift and lower opens to another model than the file saved as read");
                    }
                    withSettings++;
                    totalMapped += before - after;
                    totalKept += after;
                    mappedPerFile.put(name, x.dialect() + ": " + (before - after) + " mapped, " + after + " kept, "
                            + lifted.problems().size() + " problems");
                }
            } catch (RuntimeException | BpmnReadException e) {
                failures.add(name + ": " + e);
            }
        }
        mappedPerFile.forEach((f, s) -> System.out.println(f + " -> " + s));
        System.out.printf("%d files read, %d with engine settings: %d settings mapped, %d kept%n", read, withSettings, totalMapped, totalKept);
        assertThat(failures).isEmpty();
        assertThat(read).isGreaterThan(300);
        assertThat(mappedPerFile).as("the Camunda 8 reference files have their zeebe: settings mapped")
                .hasEntrySatisfying("Reference/C.8.1.bpmn", s -> assertThat(s).startsWith("CAMUNDA8").doesNotStartWith("CAMUNDA8: 0 mapped"))
                .hasEntrySatisfying("Reference/C.9.0.bpmn", s -> assertThat(s).doesNotStartWith("CAMUNDA8: 0 mapped"))
                .hasEntrySatisfying("Reference/C.9.2.bpmn", s -> assertThat(s).doesNotStartWith("CAMUNDA8: 0 mapped"))
                .hasEntrySatisfying("Reference/C.1.1.bpmn", s -> assertThat(s).startsWith("FLOWABLE").doesNotStartWith("FLOWABLE: 0 mapped"));
    }
}
