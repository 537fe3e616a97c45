package org.commitmenttracker.notification.subscriptions;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a replica keeps its {@link ActiveSubscriptions} current ({@code tracker.subscriptions.*}).
 *
 * @param refreshInterval how often the subscriptions changed elsewhere are read
 * @param refreshOverlap  look-back of each refresh: a change written elsewhere up to this long before the last
 *                        refresh began is still picked up
 */
@Validated
@ConfigurationProperties("tracker.subscriptions")
public record RefreshSettings(@DefaultValue("5s") @DurationMin(millis = 1) Duration refreshInterval,
                              @DefaultValue("10s") Duration refreshOverlap) {
}
