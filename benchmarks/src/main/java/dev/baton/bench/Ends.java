package dev.baton.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/** When each instance finished (its end committed), by instance id; every engine reports here. */
final class Ends {
    private Ends() {}

    static final Map<String, Long> AT = new ConcurrentHashMap<>();
    static final AtomicLong COUNT = new AtomicLong();
    /** Bounds the instances in flight, so latency measures the engine and not an ever-growing queue. */
    static volatile Semaphore inFlight = new Semaphore(Integer.MAX_VALUE);

    static void ended(String instanceId) {
        long now = System.nanoTime();
        if (AT.putIfAbsent(instanceId, now) == null) {
            COUNT.incrementAndGet();
            inFlight.release();
        }
    }

    static void reset(int permits) {
        AT.clear();
        COUNT.set(0);
        inFlight = new Semaphore(permits);
    }
}
