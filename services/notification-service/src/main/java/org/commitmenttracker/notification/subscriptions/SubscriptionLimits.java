package org.commitmenttracker.notification.subscriptions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tracker.subscriptions.limits.*}: how much one subscriber (token subject) may ask of the service.
 *
 * @param maxPerOwner                 subscriptions one owner may have at once (deleted ones do not count)
 * @param confirmationsPerAddress     confirmation e-mails one address may receive per {@code confirmationWindow},
 *                                    whoever asks (so the service cannot be used to flood a mailbox)
 * @param confirmationsPerOwner       confirmation e-mails one owner may cause per {@code confirmationWindow}
 * @param confirmationWindow          the window both confirmation limits count in
 */
@ConfigurationProperties("tracker.subscriptions.limits")
public record SubscriptionLimits(
        @DefaultValue("100") int maxPerOwner,
        @DefaultValue("3") int confirmationsPerAddress,
        @DefaultValue("10") int confirmationsPerOwner,
        @DefaultValue("24h") Duration confirmationWindow) {

    public SubscriptionLimits {
        if (maxPerOwner < 1 || confirmationsPerAddress < 1 || confirmationsPerOwner < 1) {
            throw new IllegalArgumentException("tracker.subscriptions.limits.* must be at least 1");
        }
    }
}
