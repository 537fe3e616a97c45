package org.commitmenttracker.loadtest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latency samples of one measurement (nanoseconds), summarised as percentiles in milliseconds. */
final class Latencies {
    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    /** count, p50, p95, p99, max (ms); percentiles by nearest rank. */
    synchronized Map<String, Object> summary() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", size);
        summary.put("p50_ms", percentile(sorted, 0.50));
        summary.put("p95_ms", percentile(sorted, 0.95));
        summary.put("p99_ms", percentile(sorted, 0.99));
        summary.put("max_ms", size == 0 ? null : round(sorted[size - 1] / 1e6));
        return summary;
    }

    private static Double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
