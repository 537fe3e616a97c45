package org.commitmenttracker.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,} + base64 HMAC-SHA256 of {@code {id}.{timestamp}.{body}}. While a
 * rotated secret is still in its grace period the message carries one signature per valid secret, separated
 * by spaces, so a receiver that knows either secret accepts it.
 */
public final class WebhookSigner {
    private WebhookSigner() {
    }

    /** The {@code webhook-signature} header value for a message signed with every secret in {@code secrets}. */
    public static String signatureHeader(String messageId, long timestampSeconds, byte[] body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("No secret to sign with");
        }
        StringJoiner header = new StringJoiner(" ");
        for (String secret : secrets) {
            header.add("v1," + sign(messageId, timestampSeconds, body, secret));
        }
        return header.toString();
    }

    static String sign(String messageId, long timestampSeconds, byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WebhookSecret.keyOf(secret), "HmacSHA256"));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
