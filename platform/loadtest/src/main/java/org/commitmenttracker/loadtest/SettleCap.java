package org.commitmenttracker.loadtest;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long the drain waits, with nothing settling, before it calls what is left unsettled: the longest one alert
 * may wait for its next step once the faults are over, on a platform that works, derived from the delivery settings
 * the driver starts notification with and the services' consumer session timeout:
 * <pre>
 *   consumer session timeout   a killed consumer's partitions go to the restarted one only after it (10 s)
 * + lease + sweep interval     a killed notification's claimed deliveries are free again and found (15 s + 5 s)
 * + longest retry delay × (1 + jitter)   a delivery that failed during a fault is tried again (60 s × 1.2)
 * + attempt timeout            that attempt ends (15 s)
 * = 117 s
 * </pre>
 * The cap is counted from the last time anything settled (the outstanding count fell), so that a slow machine
 * working through the backlog the faults and the load left is late, not failed; the driver's {@code --drain} is the
 * absolute hang guard. Neither is a performance bound: the time everything took to settle is reported as a figure,
 * and the run fails only on what is lost, duplicated or still unsettled when the cap or the guard passes.
 */
record SettleCap(Duration sessionTimeout, Duration lease, Duration sweepInterval, Duration[] retryDelays, double retryJitter,
                 Duration attemptTimeout) {

    /** What the driver's platform runs with (its environment in {@link LoadDriver}, notification's defaults otherwise). */
    static final SettleCap STARTED_PLATFORM = new SettleCap(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(5),
            new Duration[]{Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
                    Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(60)}, 0.2, Duration.ofSeconds(15));

    /** {@code tracker.webhooks.retry-delays} as the driver passes it to notification. */
    String retryDelaysSetting() {
        return String.join(",", Arrays.stream(retryDelays).map(d -> d.toSeconds() + "s").toList());
    }

    Duration longestRetryDelay() {
        return Arrays.stream(retryDelays).max(Comparator.naturalOrder()).orElseThrow();
    }

    Duration cap() {
        return sessionTimeout.plus(lease).plus(sweepInterval)
                .plus(Duration.ofMillis(Math.round(longestRetryDelay().toMillis() * (1 + retryJitter))))
                .plus(attemptTimeout);
    }

    Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cap_s", cap().toSeconds());
        map.put("session_timeout_s", sessionTimeout.toSeconds());
        map.put("lease_s", lease.toSeconds());
        map.put("sweep_interval_s", sweepInterval.toSeconds());
        map.put("longest_retry_delay_s", longestRetryDelay().toSeconds());
        map.put("retry_jitter", retryJitter);
        map.put("attempt_timeout_s", attemptTimeout.toSeconds());
        return map;
    }
}
