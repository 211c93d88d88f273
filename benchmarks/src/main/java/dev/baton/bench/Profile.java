package dev.baton.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where the CPU samples of a JFR recording fall: the hottest frames, Baton's own frames, and libraries. */
final class Profile {
    private Profile() {}

    /** Counts the samples taken from the given instant on (after the warm-up). */
    static ObjectNode summarize(Path jfr, int top, java.time.Instant from) throws IOException {
        Map<String, Integer> selfFrames = new HashMap<>(), batonFrames = new HashMap<>(), libraries = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStartTime().isBefore(from)) continue;
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) continue;
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            selfFrames.merge(name(frames.get(0)), 1, Integer::sum);
            libraries.merge(library(frames.get(0).getMethod().getType().getName()), 1, Integer::sum);
            for (RecordedFrame f : frames) {
                String type = f.getMethod().getType().getName();
                if (type.startsWith("dev.baton.engine")) {
                    batonFrames.merge(name(f), 1, Integer::sum);
                    break;
                }
            }
        }
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("recording", jfr.toString());
        out.put("samplesFrom", from.toString());
        out.put("executionSamples", samples);
        put(out, "topFramesSelf", selfFrames, top, samples);
        put(out, "innermostBatonFrame", batonFrames, top, samples);
        put(out, "selfTimeByLibrary", libraries, top, samples);
        return out;
    }

    private static void put(ObjectNode out, String field, Map<String, Integer> counts, int top, int samples) {
        var array = out.putArray(field);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> array.addObject().put("frame", e.getKey()).put("samples", e.getValue())
                        .put("percent", Math.round(1000.0 * e.getValue() / Math.max(1, samples)) / 10.0));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** A library by its package: the level at which "where does the time go" is worth answering. */
    static String library(String type) {
        String[][] known = {
                {"org.h2.", "H2 database"}, {"org.jooq.", "jOOQ"}, {"com.zaxxer.hikari.", "HikariCP"},
                {"com.fasterxml.jackson.", "Jackson"}, {"org.eclipse.jetty.", "Jetty"}, {"io.javalin.", "Javalin"},
                {"jdk.internal.net.http.", "JDK HTTP client"}, {"java.net.", "JDK networking"}, {"sun.nio.", "JDK NIO"},
                {"java.util.concurrent.", "JDK concurrency"}, {"org.glassfish.expressly.", "JUEL"}, {"jakarta.el.", "JUEL"},
                {"org.camunda.feel.", "FEEL"}, {"scala.", "FEEL (Scala)"}, {"ch.qos.logback.", "Logback"},
                {"io.micrometer.", "Micrometer"}, {"dev.baton.engine.", "Baton engine"}, {"dev.baton.", "Baton (other)"},
                {"java.lang.invoke.", "JDK lambdas/reflection"}, {"java.util.regex.", "JDK regex"}, {"java.util.", "JDK collections"},
                {"java.lang.", "JDK lang"}, {"java.io.", "JDK I/O"}, {"java.nio.", "JDK NIO"}, {"sun.", "JDK internals"},
                {"jdk.", "JDK internals"}};
        for (String[] k : known) if (type.startsWith(k[0])) return k[1];
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }
}
