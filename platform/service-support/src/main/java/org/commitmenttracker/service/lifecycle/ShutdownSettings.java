package org.commitmenttracker.service.lifecycle;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
 *
 * @param closeTimeout on stop, how long the outbox workers may finish their publishes, and each Kafka producer (the
 *                     relay's, the binder's) may flush, before they are cut; also each consumer container's own stop wait
 * @param deadline     a stop still running after this long logs the step it waits in ("Stop exceeded its deadline")
 *                     and halts the process
 */
@ConfigurationProperties("tracker.shutdown")
@Validated
public record ShutdownSettings(@DefaultValue("1s") @DurationMin(millis = 1) Duration closeTimeout,
                               @DefaultValue("8s") @DurationMin(millis = 1) Duration deadline) {

    /** The close timeout for Kafka's producer factories, which take whole seconds: a shorter setting still gets one. */
    public int closeTimeoutSeconds() {
        return (int) Math.max(1, Math.ceil(closeTimeout.toMillis() / 1000.0));
    }
}
