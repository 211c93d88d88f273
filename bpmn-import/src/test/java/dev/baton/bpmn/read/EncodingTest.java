package dev.baton.bpmn.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.bpmn.xml.SecureXml;
import dev.baton.model.Process;
import dev.baton.model.validation.Severity;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given the bytes real tools write, the reader gets the characters right, or says clearly why it cannot. */
class EncodingTest {

    private static String document(String declaration, String processName) {
        return (declaration == null ? "" : declaration + "\n")
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\" targetNamespace=\"t\">\n"
                + "  <process id=\"p\" name=\"" + processName + "\"/>\n"
                + "</definitions>\n";
    }

    private static String processName(ImportResult r) {
        return ((Process) r.definitions().rootElements().get(0)).name();
    }

    private static ImportResult read(byte[] bytes) throws BpmnReadException {
        return new BpmnReader().read(bytes, "enc.bpmn");
    }

    @Test
    void aUtf8FileWithAByteOrderMarkIsRead() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.write(document("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "Rechnung klären ✓").getBytes(StandardCharsets.UTF_8));
        ImportResult r = read(b.toByteArray());
        assertThat(processName(r)).isEqualTo("Rechnung klären ✓");
        assertThat(r.messages()).isEmpty();
    }

    @Test
    void declaredEncodingsAreHonoured() throws Exception {
        record Case(String encoding, String name) {}
        for (Case c : new Case[] {
                new Case("UTF-8", "Prüfung – 检查"),
                new Case("utf-8", "Prüfung"),
                new Case("windows-1252", "Prüfung € „ok“"),
                new Case("ISO-8859-1", "Prüfung ÄÖÜß"),
                new Case("GBK", "审批流程")}) {
            byte[] bytes = document("<?xml version=\"1.0\" encoding=\"" + c.encoding() + "\"?>", c.name())
                    .getBytes(Charset.forName(c.encoding()));
            ImportResult r = read(bytes);
            assertThat(processName(r)).as(c.encoding()).isEqualTo(c.name());
            assertThat(r.messages()).as(c.encoding()).isEmpty();
        }
    }

    @Test
    void aFileWithoutDeclarationIsReadAsUtf8() throws Exception {
        ImportResult r = read(document(null, "Größe").getBytes(StandardCharsets.UTF_8));
        assertThat(processName(r)).isEqualTo("Größe");
    }

    @Test
    void aFileThatDeclaresUtf8ButHoldsLatin1BytesIsRecoveredWithAWarning() throws Exception {
        // what GenMyModel writes: encoding="UTF-8" but "klären" as the single byte 0xE4
        byte[] bytes = document("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "Rechnung klären")
                .getBytes(StandardCharsets.ISO_8859_1);
        ImportResult r = read(bytes);
        assertThat(processName(r)).isEqualTo("Rechnung klären");
        assertThat(r.messages()).singleElement().satisfies(m -> {
            assertThat(m.severity()).isEqualTo(Severity.WARNING);
            assertThat(m.line()).isEqualTo(3);
            assertThat(m.message()).contains("declares encoding UTF-8", "not UTF-8", "windows-1252");
        });
    }

    @Test
    void bytesThatAreNotValidInTheDeclaredEncodingAreAClearError() {
        byte[] bytes = document("<?xml version=\"1.0\" encoding=\"GBK\"?>", "x").getBytes(StandardCharsets.US_ASCII);
        bytes[bytes.length - 20] = (byte) 0x81; // a GBK lead byte followed by '"' is not a character
        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(BpmnReadException.class)
                .hasMessageContaining("enc.bpmn")
                .hasMessageContaining("not valid GBK");
    }

    @Test
    void anUnknownEncodingNameIsAClearError() {
        byte[] bytes = document("<?xml version=\"1.0\" encoding=\"klingon-8\"?>", "x").getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> read(bytes)).isInstanceOf(BpmnReadException.class).hasMessageContaining("\"klingon-8\"");
    }

    @Test
    void aDocumentOverTheSizeLimitIsRefusedBeforeParsing() {
        byte[] huge = new byte[(int) SecureXml.MAX_DOCUMENT_BYTES + 1];
        assertThatThrownBy(() -> read(huge))
                .isInstanceOf(BpmnReadException.class)
                .hasMessageContaining("at most 20 MB");
    }

    @Test
    void aByteOrderMarkOutranksAContradictingDeclaration() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.write(document("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "Größe").getBytes(StandardCharsets.UTF_8));
        ImportResult r = read(b.toByteArray());
        assertThat(processName(r)).isEqualTo("Größe");
        assertThat(r.messages()).singleElement().satisfies(m -> assertThat(m.message()).contains("byte-order mark", "ISO-8859-1"));
    }

    @Test
    void aSingleByteFileThatClaimsUtf16IsReadAsUtf8WithAWarning() throws Exception {
        ImportResult r = read(document("<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "Größe").getBytes(StandardCharsets.UTF_8));
        assertThat(processName(r)).isEqualTo("Größe");
        assertThat(r.messages()).singleElement().satisfies(m -> assertThat(m.message()).contains("declares encoding UTF-16"));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithoutReadingIt(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.bpmn");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(SecureXml.MAX_DOCUMENT_BYTES + 1); // sparse: costs no disk
        }
        assertThatThrownBy(() -> new BpmnReader().read(big))
                .isInstanceOf(BpmnReadException.class)
                .hasMessageStartingWith(big.toString())
                .hasMessageContaining("at most 20 MB");
    }

    @Test
    void aUtf16FileWithByteOrderMarkIsRead() throws Exception {
        byte[] bytes = document("<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "Größe").getBytes(StandardCharsets.UTF_16);
        assertThat(processName(read(bytes))).isEqualTo("Größe");
    }
}
