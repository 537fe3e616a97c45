package org.commitmenttracker.notification.alerts;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event for one subscription. The id joins event id and subscription id, so a redelivered event can
 * never produce a second alert. {@code suppressedBy} names the silence that muted it (null: it went out):
 * a muted alert is recorded, not lost.
 */
@Document(Alert.COLLECTION)
public record Alert(@Id String id, String subscriptionId, String eventId, String eventType, String commitmentId,
                    String documentId, String summary, Instant occurredAt, Instant recordedAt, String suppressedBy) {
    public static final String COLLECTION = "alerts";

    public static String idOf(String eventId, String subscriptionId) {
        return eventId + ":" + subscriptionId;
    }
}
