package org.commitmenttracker.notification.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens of confirmation and unsubscribe links: {@code payload.mac}, the payload naming purpose, subscription,
 * the address's nonce and (confirmations only) an expiry, the MAC an HMAC-SHA256 with a key of this service's.
 * Unguessable, so only the mailbox that received a link can use it; they carry the subscription id, so using one
 * is a read by {@code _id}. The nonce ties a link to one address: a new address makes its links worthless.
 */
public final class EmailLinks {
    public enum Purpose { CONFIRM, UNSUBSCRIBE }

    /** What a valid token says. */
    public record Claim(Purpose purpose, String subscriptionId, String nonce) {
    }

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private final byte[] key;

    /** Keyed with {@code key} (derived from the secrets key: no second secret to manage). */
    public EmailLinks(byte[] key) {
        this.key = key.clone();
    }

    public String token(Purpose purpose, String subscriptionId, String nonce, Instant expiresAt) {
        String payload = purpose.name() + "|" + subscriptionId + "|" + nonce + "|" + (expiresAt == null ? "" : expiresAt.getEpochSecond());
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(bytes) + "." + ENCODE.encodeToString(mac(bytes));
    }

    /** The claim of a token made here, for {@code purpose}, not expired at {@code now}; empty for anything else. */
    public Optional<Claim> verify(String token, Purpose purpose, Instant now) {
        if (token == null || token.length() > 1_000) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        try {
            byte[] payload = DECODE.decode(token.substring(0, Math.max(dot, 0)));
            if (dot < 0 || !MessageDigest.isEqual(mac(payload), DECODE.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 4 || !parts[0].equals(purpose.name())
                    || !parts[3].isEmpty() && Instant.ofEpochSecond(Long.parseLong(parts[3])).isBefore(now)) {
                return Optional.empty();
            }
            return Optional.of(new Claim(purpose, parts[1], parts[2]));
        } catch (IllegalArgumentException e) { // not base64, not a number
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
