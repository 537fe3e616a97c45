package org.commitmenttracker.notification.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tracker.webhooks.ping.*}: test messages ({@code POST /api/subscriptions/{id}/ping}) have their own small
 * pool, connections and timeout, apart from the deliveries', so that pinging slow hosts cannot hold up anyone's
 * deliveries; and each owner may ping only so often.
 *
 * @param threads            pings sent at once by this replica (also its connection pool)
 * @param perHostConcurrency pings to one host at once
 * @param timeout            a ping waits at most this long for a thread, and its attempt is cut off after this too
 * @param queue              pings waiting for a thread; beyond it a ping is logged as not attempted
 * @param perOwner           pings one owner may ask for per {@code window}, over all its subscriptions
 * @param window             the window {@code perOwner} counts in
 */
@ConfigurationProperties("tracker.webhooks.ping")
public record PingSettings(
        @DefaultValue("2") int threads,
        @DefaultValue("2") int perHostConcurrency,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("32") int queue,
        @DefaultValue("5") int perOwner,
        @DefaultValue("1m") Duration window) {

    public PingSettings {
        if (threads < 1 || perHostConcurrency < 1 || queue < 1 || perOwner < 1) {
            throw new IllegalArgumentException("tracker.webhooks.ping.* counts must be at least 1");
        }
        if (timeout.compareTo(org.commitmenttracker.notification.webhook.WebhookSettings.MAX_ATTEMPT_TIMEOUT) > 0) {
            throw new IllegalArgumentException("tracker.webhooks.ping.timeout must be at most 15s");
        }
    }
}
