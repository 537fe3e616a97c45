package org.commitmenttracker.notification.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class PacingTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aGroupedAlertIsDueAtTheEndOfItsWindowAndNeverLater() {
        Pacing grouped = new Pacing(Duration.ofSeconds(30), null, null);
        assertThat(grouped.immediate()).isFalse();
        assertThat(grouped.dueAt(NOW)).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void aZeroWindowWithoutDigestIsImmediate() {
        assertThat(Pacing.IMMEDIATE.immediate()).isTrue();
        assertThat(new Pacing(null, null, null).immediate()).isTrue();
        assertThat(Pacing.IMMEDIATE.dueAt(NOW)).isEqualTo(NOW);
    }

    @Test
    void aDigestTakesPrecedenceOverTheWindow() {
        Pacing digest = new Pacing(Duration.ofSeconds(30), new Digest(Digest.Frequency.DAILY, LocalTime.NOON, ZoneOffset.UTC, null), null);
        assertThat(digest.immediate()).isFalse();
        assertThat(digest.dueAt(NOW)).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
    }
}
