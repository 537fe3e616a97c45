package org.commitmenttracker.loadtest;

import java.util.Arrays;

/** Latency samples of one measurement (nanoseconds), summarised as percentiles in milliseconds. */
final class Latencies {
    private long[] values = new long[1024];
    private int size;

    /** count and p50, p95, p99, max in ms (null without samples); percentiles by nearest rank. */
    record Summary(int count, Double p50Ms, Double p95Ms, Double p99Ms, Double maxMs) {
    }

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new Summary(size, percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
                size == 0 ? null : round(sorted[size - 1] / 1e6));
    }

    /** The nearest-rank percentile {@code p} (0..1) of sorted nanoseconds, in ms; null when there are none. */
    static Double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** {@code value} as a share of {@code bound} (3 decimals), null when there is no bound to compare with. */
    static Double fraction(double value, Double bound) {
        return bound != null && bound > 0 ? Math.round(value / bound * 1000) / 1000.0 : null;
    }
}
