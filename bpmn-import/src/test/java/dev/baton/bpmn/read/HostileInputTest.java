package dev.baton.bpmn.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given a hostile or broken file, the reader refuses it quickly with a message a user can act on. */
class HostileInputTest {

    private static BpmnReadException refused(String xml) {
        return catchThrowableOfType(BpmnReadException.class,
                () -> new BpmnReader().read(xml.getBytes(StandardCharsets.UTF_8), "evil.bpmn"));
    }

    @Test
    void billionLaughsIsRefusedAtTheDoctypeInWellUnderASecond() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                  <!ENTITY lol "lol">
                  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                ]>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p" name="&lol9;"/></definitions>
                """;
        refused("<?xml version=\"1.0\"?><!DOCTYPE x><x/>"); // load the parser classes first: the refusal is what is timed
        long start = System.nanoTime();
        BpmnReadException e = refused(xml);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(e).isNotNull();
        assertThat(millis).isLessThan(500);
        assertThat(e.getMessage()).contains("evil.bpmn:2:", "DTDs", "not allowed");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isPositive();
    }

    @Test
    void externalEntitiesAreRefusedAndNothingIsRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP SECRET");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE d [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\" name=\"&xxe;\"/></definitions>";
        BpmnReadException e = refused(xml);
        assertThat(e.getMessage()).contains("DTDs", "not allowed").doesNotContain("TOP SECRET");
    }

    @Test
    void malformedXmlNamesLineColumnAndTheReason() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
                  <process id="p">
                    <task id="t">
                  </process>
                </definitions>
                """;
        BpmnReadException e = refused(xml);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).isPositive();
        assertThat(e.getMessage()).startsWith("evil.bpmn:5:").contains("not well-formed", "task");
    }

    @Test
    void aFileThatIsNotXmlAtAllSaysSo() {
        BpmnReadException e = refused("{\"process\": \"json\"}");
        assertThat(e.getMessage()).contains("does not start with XML");
    }

    @Test
    void aRootOtherThanBpmnDefinitionsIsAClearError() {
        BpmnReadException e = refused("<?xml version=\"1.0\"?>\n<html><body/></html>");
        assertThat(e.getMessage()).contains("not a BPMN 2.0 file", "<html>", "<definitions>");
        assertThat(e.line()).isEqualTo(2);

        BpmnReadException draft = refused("<definitions xmlns=\"http://schema.omg.org/spec/BPMN/2.0\"/>");
        assertThat(draft.getMessage()).contains("http://schema.omg.org/spec/BPMN/2.0", "not the BPMN 2.0 namespace");
    }

    @Test
    void anEmptyFileIsAClearError() {
        assertThat(refused("").getMessage()).contains("empty");
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path dir) {
        BpmnReadException e = catchThrowableOfType(BpmnReadException.class, () -> new BpmnReader().read(dir.resolve("nope.bpmn")));
        assertThat(e.getMessage()).contains("nope.bpmn", "does not exist");
    }
}
