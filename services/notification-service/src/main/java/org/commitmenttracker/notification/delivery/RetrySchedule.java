package org.commitmenttracker.notification.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again. The delays grow roughly exponentially like Standard Webhooks'
 * schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after the first attempt by default); each is stretched
 * by a random factor in [1, 1 + jitter] so that receivers coming back from an outage are not hit by every
 * retry at the same instant. A receiver's {@code Retry-After} replaces the scheduled delay (bounded by
 * the schedule's longest delay). After the last delay the delivery is dead.
 */
public record RetrySchedule(List<Duration> delays, double jitter) {

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.isEmpty() || delays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("Retry delays must be a non-empty list of non-negative durations");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("Retry jitter must be between 0 and 1");
        }
    }

    /** Attempts in total: the first one and one per delay. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /**
     * The wait before the next attempt after {@code attemptsMade} attempts failed, or empty when none is left.
     *
     * @param retryAfter what the receiver asked for (429/503), or null
     */
    public Optional<Duration> nextDelay(int attemptsMade, Duration retryAfter, RandomGenerator random) {
        if (attemptsMade >= maxAttempts()) {
            return Optional.empty();
        }
        Duration longest = delays.stream().max(Duration::compareTo).orElseThrow();
        if (retryAfter != null) {
            return Optional.of(retryAfter.compareTo(longest) > 0 ? longest : retryAfter);
        }
        Duration base = delays.get(attemptsMade - 1);
        return Optional.of(Duration.ofMillis(Math.round(base.toMillis() * (1 + jitter * random.nextDouble()))));
    }
}
