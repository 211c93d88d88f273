package dev.baton.designer.model;

import dev.baton.model.Definitions;
import dev.baton.model.di.Diagram;
import dev.baton.model.di.Plane;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Given a file with two diagrams of one process, edits in the second diagram change only its geometry. */
class SeveralDiagramsTest {

    @Test
    void editsGoToTheDiagramShown() {
        Definitions blank = DiagramDocument.blank().definitions();
        Diagram first = blank.diagrams().get(0);
        Diagram second = new Diagram("Overview", "Overview", null, null,
                new Plane("Plane_2", "Process_1", first.plane().elements().stream()
                        .map(e -> (dev.baton.model.di.DiagramElement) ((dev.baton.model.di.Shape) e).withBounds(
                                ((dev.baton.model.di.Shape) e).bounds().translate(0, 300))).toList(), null), null, null);
        DiagramDocument doc = new DiagramDocument(blank.withDiagrams(List.of(first, second)), null);
        assertThat(doc.diagramNames()).containsExactly("BPMNDiagram_1", "Overview");

        doc.showDiagram(1);
        assertThat(doc.index().bounds("StartEvent_1").y()).isEqualTo(460);
        doc.execute(doc.modeling().move(doc.index(), List.of("StartEvent_1"), 40, 0));
        assertThat(doc.index().bounds("StartEvent_1").x()).isEqualTo(220);
        assertThat(new DiagramIndex(doc.definitions(), 0).bounds("StartEvent_1").x()).isEqualTo(180);

        doc.showDiagram(0);
        assertThat(doc.index().bounds("StartEvent_1").x()).isEqualTo(180);
    }
}
