package org.commitmenttracker.notification.webhook;

import java.net.URI;
import java.util.List;

/**
 * A signed Standard Webhooks message about to be sent. {@code messageId} is the delivery id (the same on every
 * retry, the receiver's idempotency key); {@code timestampSeconds} is when this attempt is made;
 * {@code traceparent}, sent as the W3C header of that name, the trace the message belongs to (none when null).
 */
public record WebhookRequest(URI url, String messageId, long timestampSeconds, byte[] body, List<String> secrets,
                             String traceparent) {

    public String signature() {
        return WebhookSigner.signatureHeader(messageId, timestampSeconds, body, secrets);
    }
}
