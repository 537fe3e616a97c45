package org.commitmenttracker.notification.delivery;

import java.io.IOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.commitmenttracker.notification.webhook.WebhookResponse;
import org.commitmenttracker.notification.webhook.WebhookSettings;

/**
 * A circuit breaker and a bulkhead per receiving host (Resilience4j, created on first use). The bulkhead caps
 * the sender threads one host can hold, so a slow receiver cannot starve the others; the breaker stops
 * sending to a host that keeps failing and probes it again later. Neither blocks a thread: an open circuit
 * defers the delivery without spending one of its attempts, a full bulkhead parks it until a permit comes back.
 */
final class HostGuards {
    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    /** What waits for a permit of each host whose bulkhead is full. */
    private final Map<String, Queue<Runnable>> waiting = new ConcurrentHashMap<>();
    /** {@link #tryAcquire}'s answer when the task was parked. */
    static final Permit PARKED = new Permit(null, null, null, null);

    HostGuards(WebhookSettings settings, MeterRegistry meters) {
        this(settings, settings.perHostConcurrency(), meters);
    }

    /** With a bulkhead of {@code perHostConcurrency} (pings have their own guards, with a smaller one). */
    HostGuards(WebhookSettings settings, int perHostConcurrency, MeterRegistry meters) {
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.breakerFailureRate())
                .minimumNumberOfCalls(settings.breakerMinimumCalls())
                .slidingWindowSize(Math.max(settings.breakerMinimumCalls(), 20))
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(perHostConcurrency)
                .maxWaitDuration(java.time.Duration.ZERO)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    }

    /**
     * A permit to send to {@code host} now; null when its circuit is open. When its bulkhead is full,
     * {@code whenFree} is parked and {@link #PARKED} returned: it runs as soon as one of the host's permits is
     * given back (one parked task per permit, in order), so waiting for a busy host holds no thread.
     */
    Permit tryAcquire(String host, Runnable whenFree) {
        Bulkhead bulkhead = bulkheads.bulkhead(host);
        if (!bulkhead.tryAcquirePermission()) {
            waiting.computeIfAbsent(host, h -> new ConcurrentLinkedQueue<>()).add(whenFree);
            if (bulkhead.tryAcquirePermission()) { // every permit came back meanwhile: nobody else would wake it
                bulkhead.onComplete();
                wake(host);
            }
            return PARKED;
        }
        CircuitBreaker breaker = breakers.circuitBreaker(host);
        if (!breaker.tryAcquirePermission()) {
            bulkhead.onComplete();
            wake(host);
            return null;
        }
        return new Permit(this, host, breaker, bulkhead);
    }

    private void wake(String host) {
        Queue<Runnable> parked = waiting.get(host);
        Runnable next = parked == null ? null : parked.poll();
        if (next != null) {
            next.run();
        }
    }

    /** Held while one request is sent; {@link #completed} or {@link #unused} gives it back exactly once. */
    static final class Permit {
        private final HostGuards guards;
        private final String host;
        private final CircuitBreaker breaker;
        private final Bulkhead bulkhead;

        private Permit(HostGuards guards, String host, CircuitBreaker breaker, Bulkhead bulkhead) {
            this.guards = guards;
            this.host = host;
            this.breaker = breaker;
            this.bulkhead = bulkhead;
        }

        void completed(WebhookResponse response) {
            long nanos = response.latency().toNanos();
            if (AttemptOutcome.hostUnwell(response)) {
                breaker.onError(nanos, TimeUnit.NANOSECONDS, new IOException(response.error() != null ? response.error()
                        : "HTTP " + response.status()));
            } else {
                breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            }
            giveBack();
        }

        void unused() {
            breaker.releasePermission();
            giveBack();
        }

        private void giveBack() {
            bulkhead.onComplete();
            guards.wake(host);
        }
    }
}
