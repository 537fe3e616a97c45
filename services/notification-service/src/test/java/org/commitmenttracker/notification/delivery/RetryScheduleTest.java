package org.commitmenttracker.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

import org.commitmenttracker.notification.webhook.WebhookResponse;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private static final List<Duration> STANDARD = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

    @Test
    void followsTheScheduleWithJitterThenGivesUp() {
        RetrySchedule schedule = new RetrySchedule(STANDARD, 0.2);
        assertThat(schedule.maxAttempts()).isEqualTo(8);
        for (int attempts = 1; attempts < 8; attempts++) {
            Duration base = STANDARD.get(attempts - 1);
            for (int i = 0; i < 100; i++) {
                assertThat(schedule.nextDelay(attempts, null, random)).hasValueSatisfying(delay ->
                        assertThat(delay).isBetween(base, Duration.ofMillis(Math.round(base.toMillis() * 1.2))));
            }
        }
        assertThat(schedule.nextDelay(8, null, random)).isEmpty();
    }

    @Test
    void retryAfterReplacesTheScheduledDelayUpToTheLongest() {
        RetrySchedule schedule = new RetrySchedule(STANDARD, 0.2);
        assertThat(schedule.nextDelay(1, Duration.ofSeconds(42), random)).contains(Duration.ofSeconds(42));
        assertThat(schedule.nextDelay(1, Duration.ofDays(3), random)).contains(Duration.ofHours(10));
        assertThat(schedule.nextDelay(8, Duration.ofSeconds(1), random)).isEmpty();
    }

    @Test
    void outcomesOfResponses() {
        assertThat(AttemptOutcome.of(response(204))).isEqualTo(AttemptOutcome.DELIVERED);
        assertThat(AttemptOutcome.of(response(301))).isEqualTo(AttemptOutcome.FAILED);
        assertThat(AttemptOutcome.of(response(410))).isEqualTo(AttemptOutcome.GONE);
        assertThat(AttemptOutcome.of(response(429))).isEqualTo(AttemptOutcome.THROTTLED);
        assertThat(AttemptOutcome.of(response(503))).isEqualTo(AttemptOutcome.THROTTLED);
        assertThat(AttemptOutcome.of(response(500))).isEqualTo(AttemptOutcome.FAILED);
        assertThat(AttemptOutcome.of(WebhookResponse.failed("timeout", Duration.ZERO))).isEqualTo(AttemptOutcome.FAILED);
        assertThat(AttemptOutcome.hostUnwell(response(404))).isFalse();
        assertThat(AttemptOutcome.hostUnwell(response(502))).isTrue();
    }

    private static WebhookResponse response(int status) {
        return new WebhookResponse(status, null, Duration.ofMillis(3), null);
    }
}
