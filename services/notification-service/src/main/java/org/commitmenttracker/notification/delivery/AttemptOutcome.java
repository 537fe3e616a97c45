package org.commitmenttracker.notification.delivery;

import org.commitmenttracker.notification.webhook.WebhookResponse;

/** What an attempt's response means for the delivery and for the receiving host's health. */
public enum AttemptOutcome {
    /** 2xx. */
    DELIVERED,
    /** 410 Gone: the receiver does not want these any more; the subscription is disabled. */
    GONE,
    /** 429 or 503: retry, when the receiver's {@code Retry-After} says if it said. */
    THROTTLED,
    /** Anything else: 3xx (redirects are not followed), 4xx, 5xx, timeouts, connection errors. */
    FAILED;

    public static AttemptOutcome of(WebhookResponse response) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return DELIVERED;
        }
        if (status == 410) {
            return GONE;
        }
        if (status == 429 || status == 503) {
            return THROTTLED;
        }
        return FAILED;
    }

    /** Whether the attempt says the host is unwell (counts against its circuit breaker). */
    public static boolean hostUnwell(WebhookResponse response) {
        return response.status() == 0 || response.status() >= 500 || response.status() == 429;
    }
}
