package dev.baton.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** The results as markdown: one row per engine and scenario, then the ratios Baton / best peer. */
final class Table {
    private Table() {}

    static String markdown(JsonNode report) {
        StringBuilder b = new StringBuilder();
        JsonNode m = report.path("machine");
        b.append(String.format(Locale.ROOT, "Run %s, %s mode, %d CPUs, %.1f GB, %s, load average at start %.2f.%n%n",
                report.path("startedAt").asText(), report.path("mode").asText(), m.path("cpus").asInt(), m.path("memoryGb").asDouble(),
                m.path("jdk").asText(), m.path("loadAverageAtStart").asDouble()));
        b.append("Median of the repetitions, (min-max) below it.\n\n");
        b.append("| scenario | engine | instances/rep | completed/s | per CPU-s | p50 ms | p99 ms | peak heap MB |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode s : report.path("summary")) {
            b.append("| ").append(s.path("scenario").asText()).append(" | ").append(s.path("engine").asText()).append(" | ")
                    .append(s.path("instances").asInt());
            for (String metric : new String[] {"perSecond", "perCpuSecond", "p50Ms", "p99Ms", "peakHeapMb"}) {
                b.append(" | ").append(cell(s.path(metric)));
            }
            b.append(" |\n");
        }
        boolean waiting = false;
        for (JsonNode s : report.path("summary")) waiting |= s.has("startsPerSecond");
        if (waiting) {
            b.append("\nS4 waiting instances (completed/s above is the correlation rate):\n\n");
            b.append("| engine | starts/s | correlations/s | heap after GC, all waiting, MB | DB file growth per waiting instance, bytes "
                    + "| live DB bytes per waiting instance (compacted copy) |\n");
            b.append("|---|---:|---:|---:|---:|---:|\n");
            for (JsonNode s : report.path("summary")) {
                if (!s.has("startsPerSecond")) continue;
                b.append("| ").append(s.path("engine").asText()).append(" | ").append(cell(s.path("startsPerSecond")))
                        .append(" | ").append(cell(s.path("perSecond"))).append(" | ").append(cell(s.path("heapAfterGcWaitingMb")))
                        .append(" | ").append(s.has("dbBytesPerWaiting") ? num(s.path("dbBytesPerWaiting").path("median").asDouble()) : "-")
                        .append(" | ").append(s.has("liveBytesPerWaiting") ? num(s.path("liveBytesPerWaiting").path("median").asDouble()) : "-")
                        .append(" |\n");
            }
        }
        b.append("\nBaton / best peer (medians; S2-REST is compared with the peers' embedded S2):\n\n");
        b.append("| scenario | completed/s | per CPU-s | starts/s |\n|---|---:|---:|---:|\n");
        for (JsonNode r : report.path("ratios")) {
            b.append("| ").append(r.path("scenario").asText());
            for (String metric : new String[] {"perSecond", "perCpuSecond", "startsPerSecond"}) {
                b.append(" | ").append(r.has(metric) ? String.format(Locale.ROOT, "%.2fx", r.path(metric).asDouble()) : "-");
            }
            b.append(" |\n");
        }
        if (!report.path("failures").isEmpty()) {
            b.append("\nFAILED runs (their numbers are not valid):\n\n");
            for (JsonNode f : report.path("failures")) {
                b.append("- ").append(f.path("engine").asText()).append(" ").append(f.path("scenario").asText()).append(": ")
                        .append(f.path("problem").asText()).append("\n");
            }
        }
        JsonNode d = report.path("designer");
        if (!d.isMissingNode()) {
            b.append(String.format(Locale.ROOT, "%nDesigner file work, %d-element process without diagram geometry (%d bytes), median (best) of %d:"
                            + " read %.0f ms (%.0f), lay out %.0f ms (%.0f), %d diagram elements drawn.%n",
                    d.path("elements").asInt(), d.path("fileBytes").asInt(), d.path("runs").asInt(), d.path("readMsMedian").asDouble(),
                    d.path("readMsMin").asDouble(), d.path("layoutMsMedian").asDouble(), d.path("layoutMsMin").asDouble(),
                    d.path("diagramElementsDrawn").asInt()));
        }
        JsonNode p = report.path("batonS2Profile");
        if (!p.isMissingNode()) {
            b.append("\nBaton S2 after the warm-up, JFR CPU samples (").append(p.path("executionSamples").asInt())
                    .append(", ").append(p.path("recording").asText()).append("): self time by library\n\n");
            for (JsonNode f : p.path("selfTimeByLibrary")) b.append(String.format(Locale.ROOT, "- %s: %.1f%%%n", f.path("frame").asText(), f.path("percent").asDouble()));
            b.append("\nhottest frames (self)\n\n");
            for (JsonNode f : p.path("topFramesSelf")) b.append(String.format(Locale.ROOT, "- `%s`: %.1f%%%n", f.path("frame").asText(), f.path("percent").asDouble()));
            b.append("\ninnermost Baton frame on the stack\n\n");
            for (JsonNode f : p.path("innermostBatonFrame")) b.append(String.format(Locale.ROOT, "- `%s`: %.1f%%%n", f.path("frame").asText(), f.path("percent").asDouble()));
        }
        return b.toString();
    }

    private static String cell(JsonNode metric) {
        if (metric.isMissingNode()) return "-";
        return num(metric.path("median").asDouble()) + " (" + num(metric.path("min").asDouble()) + "-" + num(metric.path("max").asDouble()) + ")";
    }

    private static String num(double v) {
        if (Double.isNaN(v)) return "-";
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
