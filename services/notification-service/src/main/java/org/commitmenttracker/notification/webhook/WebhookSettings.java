package org.commitmenttracker.notification.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tracker.webhooks.*}: how webhooks are checked, sent and retried.
 *
 * @param allowInsecureLoopback  accept {@code http://127.0.0.1…} URLs and loopback addresses (tests, local runs only)
 * @param connectTimeout         to open the connection
 * @param attemptTimeout         a whole attempt, cut off after this (at most 15 s)
 * @param retryDelays            waits between attempts (Standard Webhooks' schedule by default)
 * @param retryJitter            each wait is stretched by a random factor in [1, 1 + jitter]
 * @param secretGracePeriod      how long a rotated-out secret still signs
 * @param senderThreads          threads sending webhooks (a host uses at most {@code perHostConcurrency})
 * @param perHostConcurrency     bulkhead: concurrent requests to one host
 * @param breakerFailureRate     circuit breaker: failure percentage that opens a host's circuit
 * @param breakerMinimumCalls    circuit breaker: calls before the rate counts
 * @param breakerOpenFor         circuit breaker: how long an open circuit rests before probing
 * @param deferral               wait before looking again at a delivery whose host is busy or resting
 * @param lease                  how long a claim lasts unless renewed: its replica renews it every third of this
 *                               while it works on the delivery, so a replica that dies frees its claims within one lease
 * @param sweepInterval          how often the store is searched for due deliveries (restarts, other replicas)
 */
@ConfigurationProperties("tracker.webhooks")
public record WebhookSettings(
        @DefaultValue("false") boolean allowInsecureLoopback,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration attemptTimeout,
        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> retryDelays,
        @DefaultValue("0.2") double retryJitter,
        @DefaultValue("24h") Duration secretGracePeriod,
        @DefaultValue("32") int senderThreads,
        @DefaultValue("8") int perHostConcurrency,
        @DefaultValue("50") float breakerFailureRate,
        @DefaultValue("20") int breakerMinimumCalls,
        @DefaultValue("30s") Duration breakerOpenFor,
        @DefaultValue("500ms") Duration deferral,
        @DefaultValue("15s") Duration lease,
        @DefaultValue("5s") Duration sweepInterval) {

    public static final Duration MAX_ATTEMPT_TIMEOUT = Duration.ofSeconds(15);
    /** A lease is renewed every third of it: shorter, and a store round trip could outlast the renewal interval. */
    public static final Duration MIN_LEASE = Duration.ofSeconds(1);

    public WebhookSettings {
        if (attemptTimeout.compareTo(MAX_ATTEMPT_TIMEOUT) > 0) {
            throw new IllegalArgumentException("tracker.webhooks.attempt-timeout must be at most 15s");
        }
        if (lease.compareTo(MIN_LEASE) < 0) {
            throw new IllegalArgumentException("tracker.webhooks.lease must be at least " + MIN_LEASE.toSeconds() + "s");
        }
    }
}
