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
 * <p>Return paths (VERP) put the same proof in the envelope sender of each e-mail, where a late bounce (a DSN)
 * comes back to: {@code bounce-<hex>@<domain>}, the hex being the subscription's UUID, 3 bytes of the nonce's
 * digest and 8 of the MAC — lower-case hex because mail systems may change the case of a local part, and short
 * because a local part has at most 64 characters.
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

    /** What a valid return path says: the subscription and whether the bounce is of its current address. */
    public record Bounced(String subscriptionId, byte[] nonceDigest) {
        public boolean of(String nonce) {
            return MessageDigest.isEqual(nonceDigest, EmailLinks.nonceDigest(nonce));
        }
    }

    private static final String RETURN_PATH_PREFIX = "bounce-";
    private static final java.util.HexFormat HEX = java.util.HexFormat.of();

    /** The envelope sender for mail to subscription {@code subscriptionId}'s address; empty for ids not made here. */
    public Optional<String> returnPath(String subscriptionId, String nonce, String domain) {
        java.util.UUID uuid;
        try {
            uuid = java.util.UUID.fromString(subscriptionId.substring("sub-".length()));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
        byte[] claim = java.nio.ByteBuffer.allocate(19).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits())
                .put(nonceDigest(nonce)).array();
        return Optional.of(RETURN_PATH_PREFIX + HEX.formatHex(claim) + HEX.formatHex(mac(claim), 0, 8) + "@" + domain);
    }

    /** The claim of a return path made here ({@code bounce-…@…}, any case); empty for anything else. */
    public Optional<Bounced> verifyReturnPath(String address) {
        String local = address == null ? "" : address.strip().toLowerCase(java.util.Locale.ROOT);
        int at = local.indexOf('@');
        if (!local.startsWith(RETURN_PATH_PREFIX) || at != RETURN_PATH_PREFIX.length() + 54) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = HEX.parseHex(local, RETURN_PATH_PREFIX.length(), at);
        } catch (IllegalArgumentException notHex) {
            return Optional.empty();
        }
        byte[] claim = java.util.Arrays.copyOf(bytes, 19);
        if (!MessageDigest.isEqual(java.util.Arrays.copyOf(mac(claim), 8), java.util.Arrays.copyOfRange(bytes, 19, 27))) {
            return Optional.empty();
        }
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(claim);
        String subscriptionId = "sub-" + new java.util.UUID(buffer.getLong(), buffer.getLong());
        return Optional.of(new Bounced(subscriptionId, java.util.Arrays.copyOfRange(claim, 16, 19)));
    }

    private static byte[] nonceDigest(String nonce) {
        try {
            return java.util.Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(nonce.getBytes(StandardCharsets.UTF_8)), 3);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
