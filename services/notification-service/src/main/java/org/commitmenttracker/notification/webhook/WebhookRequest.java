package org.commitmenttracker.notification.webhook;

import java.net.URI;
import java.util.List;

/**
 * A signed Standard Webhooks message about to be sent. {@code messageId} is the delivery id (the same on every
 * retry, the receiver's idempotency key); {@code timestampSeconds} is when this attempt is made.
 */
public record WebhookRequest(URI url, String messageId, long timestampSeconds, byte[] body, List<String> secrets) {

    public String signature() {
        return WebhookSigner.signatureHeader(messageId, timestampSeconds, body, secrets);
    }
}
