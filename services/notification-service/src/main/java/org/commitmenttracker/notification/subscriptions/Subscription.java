package org.commitmenttracker.notification.subscriptions;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a subscriber wants to hear about. An empty filter set means "any"; filters combine with AND.
 */
@Document(Subscription.COLLECTION)
public record Subscription(@Id String id, String name, Set<String> documentIds, Set<String> statuses,
                           Instant createdAt) {
    public static final String COLLECTION = "subscriptions";

    public Subscription {
        documentIds = documentIds == null ? Set.of() : Set.copyOf(documentIds);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** Whether a status change of a commitment in {@code documentId} to {@code status} concerns this subscription. */
    public boolean matches(String documentId, String status) {
        return (documentIds.isEmpty() || documentIds.contains(documentId))
                && (statuses.isEmpty() || statuses.contains(status));
    }
}
