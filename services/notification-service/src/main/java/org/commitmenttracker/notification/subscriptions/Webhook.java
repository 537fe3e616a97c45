package org.commitmenttracker.notification.subscriptions;

import java.time.Instant;
import java.util.List;

import org.commitmenttracker.notification.secrets.SecretCipher;

/**
 * A subscription's webhook channel: the URL and the signing secret; after a rotation, the previous secret
 * until {@code previousSecretExpiresAt}, so receivers can switch over without losing a message. Both secrets
 * are kept sealed ({@link SecretCipher}: encrypted at rest, and in this replica's memory); they are opened
 * only to sign a message.
 */
public record Webhook(String url, String sealedSecret, String sealedPreviousSecret, Instant previousSecretExpiresAt) {

    /** The secrets to sign with at {@code now}: the current one, and the previous one during its grace period. */
    public List<String> signingSecrets(Instant now, SecretCipher cipher) {
        return sealedPreviousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)
                ? List.of(cipher.open(sealedSecret), cipher.open(sealedPreviousSecret)) : List.of(cipher.open(sealedSecret));
    }

    public Webhook rotated(String newSealedSecret, Instant previousValidUntil) {
        return new Webhook(url, newSealedSecret, sealedSecret, previousValidUntil);
    }

    @Override
    public String toString() {
        // No URL either: many receivers put a token of their own in it.
        return "Webhook[secrets sealed, previousSecretExpiresAt=" + previousSecretExpiresAt + "]";
    }
}
