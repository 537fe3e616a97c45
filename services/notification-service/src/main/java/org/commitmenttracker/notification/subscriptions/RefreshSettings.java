package org.commitmenttracker.notification.subscriptions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a replica keeps its {@link ActiveSubscriptions} current ({@code tracker.subscriptions.*}; the refresh's
 * {@code refresh-interval} is read by its {@code @Scheduled} annotation, which takes placeholders only).
 *
 * @param refreshOverlap look-back of each refresh: a change written elsewhere up to this long before the last
 *                       refresh began is still picked up
 */
@ConfigurationProperties("tracker.subscriptions")
public record RefreshSettings(@DefaultValue("10s") Duration refreshOverlap) {
}
