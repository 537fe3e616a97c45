package org.commitmenttracker.notification.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Digest times are the subscriber's local times, whatever the server's zone and daylight saving. */
class DigestTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aDailyDigestGoesOutAtTheNextLocalTimeStrictlyAfterTheAlert() {
        Digest daily = new Digest(Digest.Frequency.DAILY, LocalTime.of(8, 0), SHANGHAI, null);
        // 23:30 UTC on 24 Nov is 07:30 on 25 Nov in Shanghai: today's 08:00 there, half an hour later.
        assertThat(daily.nextAfter(Instant.parse("2026-11-24T23:30:00Z"))).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        // 08:00 exactly has gone out already: the next day's.
        assertThat(daily.nextAfter(Instant.parse("2026-11-25T00:00:00Z"))).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
    }

    @Test
    void aWeeklyDigestGoesOutOnItsDay() {
        Digest weekly = new Digest(Digest.Frequency.WEEKLY, LocalTime.of(9, 30), ZoneId.of("Europe/Moscow"), DayOfWeek.MONDAY);
        // Wednesday 25 Nov 2026 → Monday 30 Nov, 09:30 Moscow = 06:30 UTC.
        assertThat(weekly.nextAfter(Instant.parse("2026-11-25T12:00:00Z"))).isEqualTo(Instant.parse("2026-11-30T06:30:00Z"));
        // Monday after 09:30 → the Monday after.
        assertThat(weekly.nextAfter(Instant.parse("2026-11-30T07:00:00Z"))).isEqualTo(Instant.parse("2026-12-07T06:30:00Z"));
    }

    @Test
    void aLocalTimeSkippedByDaylightSavingGoesOutAtTheFirstInstantAfterTheGap() {
        Digest daily = new Digest(Digest.Frequency.DAILY, LocalTime.of(2, 30), ZoneId.of("Europe/Berlin"), null);
        // 29 March 2026: Berlin's clocks jump from 02:00 to 03:00 (01:00 UTC); 02:30 does not exist, 03:30 CEST it is.
        assertThat(daily.nextAfter(Instant.parse("2026-03-28T23:00:00Z"))).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }
}
