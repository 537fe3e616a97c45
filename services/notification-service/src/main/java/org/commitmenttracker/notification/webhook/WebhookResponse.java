package org.commitmenttracker.notification.webhook;

import java.time.Duration;

/**
 * How one webhook request ended: the HTTP status (0 when none came back), the receiver's {@code Retry-After}
 * if it gave one, the time it took, and the transport error if any.
 */
public record WebhookResponse(int status, Duration retryAfter, Duration latency, String error) {

    public static WebhookResponse failed(String error, Duration latency) {
        return new WebhookResponse(0, null, latency, error);
    }
}
