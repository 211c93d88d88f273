package dev.baton.designer.io;

import dev.baton.bpmn.xml.SecureXml;
import dev.baton.designer.render.CorpusRenderTest;
import dev.baton.designer.ui.DesignerGuiTest;
import dev.baton.model.Definitions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import javax.xml.transform.stream.StreamSource;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every MIWG reference file saved by the designer is schema-valid BPMN 2.0 and reads back with the same elements and geometry. */
class BpmnFilesTest {

    @TestFactory
    Stream<DynamicTest> savedReferenceFilesReadBackEqual() throws Exception {
        BpmnFiles files = new BpmnFiles();
        return CorpusRenderTest.referenceFiles().stream().map((Path f) -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Definitions opened = files.open(f).definitions();
            byte[] xml = files.toXml(opened);
            Definitions again = files.open(xml, f.getFileName().toString()).definitions();
            assertThat(DesignerGuiTest.summary(again)).isEqualTo(DesignerGuiTest.summary(opened));
            assertThat(DesignerGuiTest.geometry(again)).isEqualTo(DesignerGuiTest.geometry(opened));
            SecureXml.bpmnSchema().newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        }));
    }
}
