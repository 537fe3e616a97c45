package org.commitmenttracker.notification.noise;

import java.time.Instant;
import java.util.Map;

/**
 * One alert waiting in a batch: what the message about it says ({@code data}: the webhook data of the alert,
 * which e-mails render too), when it arrived and by when it must go out ({@code dueAt}: its group window's
 * end, or the next digest time).
 */
public record BatchItem(String alertId, String eventId, String type, String summary, Instant occurredAt,
                        Instant arrivedAt, Instant dueAt, Map<String, Object> data, String traceparent) {
}
