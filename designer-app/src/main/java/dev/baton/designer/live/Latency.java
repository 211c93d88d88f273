package dev.baton.designer.live;

import java.util.Arrays;

/** Event-to-screen latencies (engine event time to the frame that drew it), for the measurement in docs/monitoring.md. */
public final class Latency {
    private final long[] samples = new long[100_000];
    private int n;

    synchronized void record(long ms) {
        if (n < samples.length) samples[n++] = Math.max(0, ms);
    }

    public synchronized int count() { return n; }

    /** The p-th percentile (0..100) in milliseconds, or -1 without samples. */
    public synchronized long percentile(double p) {
        if (n == 0) return -1;
        long[] s = Arrays.copyOf(samples, n);
        Arrays.sort(s);
        return s[(int) Math.min(n - 1, Math.ceil(p / 100 * n) - 1 < 0 ? 0 : Math.ceil(p / 100 * n) - 1)];
    }

    public synchronized void reset() { n = 0; }
}
