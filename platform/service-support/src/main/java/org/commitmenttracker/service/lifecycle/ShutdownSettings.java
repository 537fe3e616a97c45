package org.commitmenttracker.service.lifecycle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a stopping service waits for what it cannot finish alone ({@code tracker.shutdown.*}). Every step of a
 * stop is bounded, so a service stops within seconds even when its broker or store is gone:
 * <ul>
 *   <li>the web servers' drain, the consumers' stop (all together) and the scheduler's running task each get one
 *   {@code spring.lifecycle.timeout-per-shutdown-phase} (service-defaults.yml);</li>
 *   <li>{@code close-timeout} bounds the outbox workers' last publishes and the closing of every Kafka producer (the
 *   relay's and the binder's), which otherwise wait 10 s and 30 s for a broker that may be gone;</li>
 *   <li>{@code deadline} is the last resort: a stop still running after it halts the JVM, logging the step it
 *   was in ({@link StopDeadline}).</li>
 * </ul>
 * Nothing is lost by the cut: unacknowledged events stay in their documents' outbox for the next start's sweep,
 * uncommitted offsets are redelivered and applied idempotently, and a request that did not complete got no answer.
 */
@ConfigurationProperties("tracker.shutdown")
public record ShutdownSettings(Duration closeTimeout, Duration deadline) {
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(8);

    public ShutdownSettings {
        closeTimeout = closeTimeout != null ? closeTimeout : DEFAULT_CLOSE_TIMEOUT;
        deadline = deadline != null ? deadline : DEFAULT_DEADLINE;
    }

    /** The close timeout for Kafka's producer factories, which take whole seconds: a shorter setting still gets one. */
    public int closeTimeoutSeconds() {
        return (int) Math.max(1, Math.ceil(closeTimeout.toMillis() / 1000.0));
    }
}
