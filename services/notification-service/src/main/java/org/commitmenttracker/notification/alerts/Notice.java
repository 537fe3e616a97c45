package org.commitmenttracker.notification.alerts;

import java.time.Instant;
import java.util.Map;

import org.commitmenttracker.notification.matching.Occurrence;

/**
 * An event made ready for subscribers: what filters match against ({@code occurrence}), the alert's one-line
 * {@code summary}, the webhook {@code data} (every field but the subscription id), and the event's W3C
 * {@code traceparent} (null when it came without one).
 */
record Notice(String eventId, String eventType, Instant occurredAt, String summary, Occurrence occurrence,
              Map<String, Object> data, String traceparent) {
}
