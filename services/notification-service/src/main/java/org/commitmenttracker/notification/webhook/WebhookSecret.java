package org.commitmenttracker.notification.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/** Standard Webhooks signing secrets: {@code whsec_} followed by the base64 of 32 random bytes. */
public final class WebhookSecret {
    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key a secret stands for: the bytes after the prefix. */
    static byte[] keyOf(String secret) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a webhook secret (no " + PREFIX + " prefix)");
        }
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
