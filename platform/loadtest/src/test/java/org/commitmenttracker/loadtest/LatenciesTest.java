package org.commitmenttracker.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreByNearestRankInMilliseconds() {
        Latencies latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) { // added out of order
            latencies.add(ms * 1_000_000L);
        }

        Latencies.Summary summary = latencies.summary();

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50Ms()).isEqualTo(50.0);
        assertThat(summary.p95Ms()).isEqualTo(95.0);
        assertThat(summary.p99Ms()).isEqualTo(99.0);
        assertThat(summary.maxMs()).isEqualTo(100.0);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Latencies latencies = new Latencies();
        latencies.add(1_234_567);

        assertThat(latencies.summary()).isEqualTo(new Latencies.Summary(1, 1.23, 1.23, 1.23, 1.23));
    }

    @Test
    void withoutSamplesThereAreNoPercentiles() {
        assertThat(new Latencies().summary()).isEqualTo(new Latencies.Summary(0, null, null, null, null));
    }

    @Test
    void aFractionNeedsABoundToCompareWith() {
        assertThat(Latencies.fraction(700, 1000.0)).isEqualTo(0.7);
        assertThat(Latencies.fraction(700, 0.0)).isNull();
        assertThat(Latencies.fraction(700, null)).isNull();
    }
}
