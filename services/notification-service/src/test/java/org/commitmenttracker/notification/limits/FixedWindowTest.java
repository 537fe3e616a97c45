package org.commitmenttracker.notification.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class FixedWindowTest {

    @Test
    void everyInstantOfAWindowFallsIntoTheSameOneAndTheNextStartsWhereItEnds() {
        Duration hour = Duration.ofHours(1);
        FixedWindow first = FixedWindow.containing(Instant.parse("2026-12-06T08:00:00Z"), hour);
        assertThat(FixedWindow.containing(Instant.parse("2026-12-06T08:59:59.999Z"), hour)).isEqualTo(first);
        assertThat(first.start()).isEqualTo(Instant.parse("2026-12-06T08:00:00Z"));
        assertThat(FixedWindow.containing(first.end(), hour).start()).isEqualTo(first.end());
    }

    @Test
    void whatIsLeftOfAWindowIsRoundedUpToWholeSecondsAndNeverZero() {
        FixedWindow window = FixedWindow.containing(Instant.parse("2026-12-06T08:00:00Z"), Duration.ofMinutes(1));
        assertThat(window.secondsLeft(Instant.parse("2026-12-06T08:00:00Z"))).isEqualTo(60);
        assertThat(window.secondsLeft(Instant.parse("2026-12-06T08:00:58.500Z"))).isEqualTo(2);
        assertThat(window.secondsLeft(Instant.parse("2026-12-06T08:00:59.999Z"))).isEqualTo(1);
    }

    @Test
    void aWindowHasALength() {
        assertThatThrownBy(() -> FixedWindow.containing(Instant.EPOCH, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
