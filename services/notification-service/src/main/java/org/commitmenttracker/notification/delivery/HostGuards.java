package org.commitmenttracker.notification.delivery;

import java.io.IOException;
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
 * sending to a host that keeps failing and probes it again later. Neither waits: a refused permit defers the
 * delivery without spending one of its attempts.
 */
final class HostGuards {
    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;

    HostGuards(WebhookSettings settings, MeterRegistry meters) {
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.breakerFailureRate())
                .minimumNumberOfCalls(settings.breakerMinimumCalls())
                .slidingWindowSize(Math.max(settings.breakerMinimumCalls(), 20))
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(settings.perHostConcurrency())
                .maxWaitDuration(java.time.Duration.ZERO)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    }

    /** A permit to send to {@code host} now, or null when its bulkhead is full or its circuit open. */
    Permit tryAcquire(String host) {
        Bulkhead bulkhead = bulkheads.bulkhead(host);
        if (!bulkhead.tryAcquirePermission()) {
            return null;
        }
        CircuitBreaker breaker = breakers.circuitBreaker(host);
        if (!breaker.tryAcquirePermission()) {
            bulkhead.onComplete();
            return null;
        }
        return new Permit(breaker, bulkhead);
    }

    /** Held while one request is sent; {@link #completed} or {@link #unused} gives it back exactly once. */
    static final class Permit {
        private final CircuitBreaker breaker;
        private final Bulkhead bulkhead;

        private Permit(CircuitBreaker breaker, Bulkhead bulkhead) {
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
            bulkhead.onComplete();
        }

        void unused() {
            breaker.releasePermission();
            bulkhead.onComplete();
        }
    }
}
