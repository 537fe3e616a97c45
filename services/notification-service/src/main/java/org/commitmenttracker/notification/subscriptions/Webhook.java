package org.commitmenttracker.notification.subscriptions;

import java.time.Instant;
import java.util.List;

/**
 * A subscription's webhook channel: the URL and the signing secret; after a rotation, the previous secret
 * until {@code previousSecretExpiresAt}, so receivers can switch over without losing a message. The secrets
 * are kept readable because signing needs them (encryption at rest comes with the security issue).
 */
public record Webhook(String url, String secret, String previousSecret, Instant previousSecretExpiresAt) {

    /** The secrets to sign with at {@code now}: the current one, and the previous one during its grace period. */
    public List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)
                ? List.of(secret, previousSecret) : List.of(secret);
    }

    public Webhook rotated(String newSecret, Instant previousValidUntil) {
        return new Webhook(url, newSecret, secret, previousValidUntil);
    }
}
