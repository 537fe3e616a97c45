package org.commitmenttracker.notification.alerts;

import java.time.Instant;
import java.util.Map;

import org.commitmenttracker.notification.matching.Occurrence;

/**
 * An event made ready for subscribers: what filters match against ({@code occurrence}), the alert's one-line
 * {@code summary}, the webhook {@code data} (every field but the subscription id), and the event's W3C
 * {@code traceparent} (null when it came without one). Reminders about an overdue commitment are notices too,
 * built again from the one that made it overdue ({@link #repeat}).
 */
public record Notice(String eventId, String eventType, Instant occurredAt, String summary, Occurrence occurrence,
              Map<String, Object> data, String traceparent) {

    /** The {@code n}th reminder of this notice: an event id and summary of its own, {@code repeat: n} in its data. */
    public Notice repeat(int n, java.time.Instant now) {
        Map<String, Object> repeated = new java.util.LinkedHashMap<>(data);
        String id = eventId + "/repeat-" + n;
        repeated.put("eventIds", java.util.List.of(id));
        repeated.put("repeat", n);
        return new Notice(id, eventType, now, "still overdue (reminder " + n + "): " + summary, occurrence, repeated, traceparent);
    }
}
