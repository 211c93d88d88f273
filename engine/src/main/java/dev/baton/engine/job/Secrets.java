package dev.baton.engine.job;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named secrets for HTTP calls, looked up when a call is made: an environment variable of the name first, then the
 * secrets file of the engine configuration (a properties file, read again on each look-up so a rotated secret is
 * used without a restart). Process files and job rows hold only the names; values never enter variables, history,
 * incidents or logs (messages that might echo one are redacted).
 */
public final class Secrets {
    /** A secret placeholder in a header value: {@code {{secret:NAME}}}. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{secret:([A-Za-z0-9_.\\-]+)}}");

    private final Function<String, String> env;
    private final Path file;

    public Secrets(Function<String, String> env, Path file) {
        this.env = env;
        this.file = file;
    }

    /** A secret the configuration does not give. */
    public static final class Missing extends Exception {
        public Missing(String message) { super(message, null, false, false); }
    }

    /** The value of a named secret. */
    public String resolve(String name) throws Missing {
        String v = env.apply(name);
        if (v != null && !v.isEmpty()) return v;
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new Missing("Secret " + name + " cannot be read: the secrets file " + file + " cannot be read (" + e.getMessage() + ")");
            }
            v = p.getProperty(name);
            if (v != null && !v.isEmpty()) return v.strip();
        }
        throw new Missing("Secret " + name + " is not defined: no environment variable " + name
                + (file == null ? " and no secrets-file in the engine configuration" : " and no entry in the secrets file " + file));
    }

    /** Replaces {@code {{secret:NAME}}} placeholders; the values used are added to used. */
    public String fill(String text, Collection<String> used) throws Missing {
        if (text == null || !text.contains("{{secret:")) return text;
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = resolve(m.group(1));
            used.add(v);
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString();
    }

    /**
     * The Authorization header value for a task's secretRef: the secret as it is when it already names its scheme
     * ("Basic ...", "Bearer ..."), else a bearer token.
     */
    public static String authorization(String secret) {
        return secret.matches("(?s)[A-Za-z][A-Za-z0-9-]* \\S.*") ? secret : "Bearer " + secret;
    }

    /** The text with every given secret value replaced by ***. */
    public static String redact(String text, Collection<String> values) {
        if (text == null) return null;
        String out = text;
        for (String v : values) if (v != null && v.length() >= 4) out = out.replace(v, "***");
        return out;
    }
}
