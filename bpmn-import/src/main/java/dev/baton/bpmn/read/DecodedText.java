package dev.baton.bpmn.read;

import dev.baton.model.validation.Severity;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The characters of a BPMN file, decoded from its bytes the way the XML declaration says, with one recovery:
 * a file that declares UTF-8 but holds Latin-1 bytes (some tools write that) is read as windows-1252.
 */
record DecodedText(String text, String encoding, List<ImportMessage> messages) {
    private static final Pattern DECLARED_ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    static DecodedText decode(byte[] bytes, String source) throws BpmnReadException {
        List<ImportMessage> messages = new ArrayList<>();
        int start = 0;
        Charset bomCharset = null;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            bomCharset = StandardCharsets.UTF_8;
            start = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            bomCharset = StandardCharsets.UTF_16BE;
            start = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            bomCharset = StandardCharsets.UTF_16LE;
            start = 2;
        } else if (bytes.length >= 4 && bytes[0] == 0 && bytes[1] == '<' && bytes[2] == 0 && bytes[3] == '?') {
            bomCharset = StandardCharsets.UTF_16BE;
        } else if (bytes.length >= 4 && bytes[0] == '<' && bytes[1] == 0 && bytes[2] == '?' && bytes[3] == 0) {
            bomCharset = StandardCharsets.UTF_16LE;
        }

        if (bomCharset != null && bomCharset != StandardCharsets.UTF_8) {
            // a UTF-16 file: its declaration can only repeat what the byte order already says
            return new DecodedText(strictDecode(bytes, start, bomCharset, source), bomCharset.name(), messages);
        }

        String declared = declaredEncoding(bytes, start);
        Charset charset;
        if (bomCharset != null || declared == null) {
            // a UTF-8 byte-order mark outranks whatever the declaration claims
            if (declared != null && !isUtf8(declared)) {
                messages.add(new ImportMessage(Severity.WARNING, source, 1, 0, null, "the file starts with a UTF-8 byte-order mark "
                        + "but declares encoding " + declared + "; it was read as UTF-8"));
            }
            charset = StandardCharsets.UTF_8;
        } else {
            try {
                charset = Charset.forName(declared);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new BpmnReadException(source, 1, 0, "the XML declaration names the encoding \"" + declared
                        + "\", which Baton does not know; save the file as UTF-8");
            }
            if (charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32")) {
                // the declaration was readable one byte per character, so the file cannot really be UTF-16
                messages.add(new ImportMessage(Severity.WARNING, source, 1, 0, null, "the file declares encoding " + declared
                        + " but is written one byte per character; it was read as UTF-8"));
                charset = StandardCharsets.UTF_8;
            }
        }

        if (!charset.equals(StandardCharsets.UTF_8)) {
            return new DecodedText(strictDecode(bytes, start, charset, source), charset.name(), messages);
        }
        try {
            return new DecodedText(decodeOrThrow(bytes, start, charset), "UTF-8", messages);
        } catch (MalformedInputException e) {
            int badAt = badByteOffset(bytes, start);
            int line = lineOfByte(bytes, badAt);
            Charset fallback = Charset.forName("windows-1252");
            String text;
            try {
                text = decodeOrThrow(bytes, start, fallback);
            } catch (CharacterCodingException notCp1252) {
                fallback = StandardCharsets.ISO_8859_1;
                text = new String(bytes, start, bytes.length - start, fallback);
            }
            messages.add(new ImportMessage(Severity.WARNING, source, line, 0, null, String.format(Locale.ROOT,
                    "the file %s but line %d holds bytes that are not UTF-8 (0x%02X); it was read as %s instead. "
                            + "Save it as UTF-8 to keep its characters safe",
                    declared == null ? "has no encoding declaration (so it must be UTF-8)" : "declares encoding " + declared,
                    line, bytes[badAt] & 0xff, fallback.name())));
            return new DecodedText(text, fallback.name(), messages);
        } catch (CharacterCodingException e) {
            throw new BpmnReadException(source, 0, 0, "the file cannot be decoded as UTF-8: " + e.getMessage());
        }
    }

    private static boolean isUtf8(String name) {
        return name.equalsIgnoreCase("UTF-8") || name.equalsIgnoreCase("UTF8");
    }

    private static String strictDecode(byte[] bytes, int start, Charset charset, String source) throws BpmnReadException {
        try {
            return decodeOrThrow(bytes, start, charset);
        } catch (CharacterCodingException e) {
            int line = lineOfByte(bytes, Math.max(start, badByteOffset(bytes, start, charset)));
            throw new BpmnReadException(source, line, 0, "the file is declared as " + charset.name()
                    + " but line " + line + " holds bytes that are not valid " + charset.name());
        }
    }

    private static String decodeOrThrow(byte[] bytes, int start, Charset charset) throws CharacterCodingException {
        String text = decoder(charset).decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static int badByteOffset(byte[] bytes, int start) {
        return badByteOffset(bytes, start, StandardCharsets.UTF_8);
    }

    /** Where decoding first fails, found by decoding step by step. */
    private static int badByteOffset(byte[] bytes, int start, Charset charset) {
        CharsetDecoder d = decoder(charset);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            var result = d.decode(in, out, true);
            if (result.isError()) return in.position();
            if (result.isUnderflow()) return start;
            out.clear();
        }
    }

    private static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') line++;
        }
        return line;
    }

    /** The encoding named in the XML declaration, read as ASCII, or null. */
    static String declaredEncoding(byte[] bytes, int start) {
        if (bytes.length - start < 5 || bytes[start] != '<' || bytes[start + 1] != '?') return null;
        int end = Math.min(bytes.length, start + 200);
        StringBuilder decl = new StringBuilder();
        for (int i = start; i < end; i++) {
            char c = (char) (bytes[i] & 0xff);
            decl.append(c);
            if (c == '>') break;
        }
        if (!decl.toString().startsWith("<?xml")) return null;
        Matcher m = DECLARED_ENCODING.matcher(decl);
        return m.find() ? m.group(1) : null;
    }
}
