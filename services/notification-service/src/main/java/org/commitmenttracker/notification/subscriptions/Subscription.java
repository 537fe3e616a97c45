package org.commitmenttracker.notification.subscriptions;

import java.time.Instant;

import org.commitmenttracker.notification.matching.SubscriptionFilter;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a subscriber wants to hear about and where to send it. Owned by the subscriber that created it;
 * {@code webhook} is null for a subscription read only through its alert feed. Deleting keeps a tombstone
 * ({@code deleted}) so that other replicas learn of the deletion from the change feed they poll.
 * {@code fingerprint} (unique) identifies owner + filter + URL, so the same subscription cannot exist twice.
 */
@Document(Subscription.COLLECTION)
public record Subscription(@Id String id, String owner, String name, SubscriptionFilter filter, Webhook webhook,
                           boolean enabled, String disabledReason, boolean deleted, String fingerprint,
                           Instant createdAt, Instant updatedAt) {
    public static final String COLLECTION = "subscriptions";

    /** Whether events are matched against it at all. */
    public boolean active() {
        return enabled && !deleted;
    }

    public Subscription withDefinition(String newName, SubscriptionFilter newFilter, Webhook newWebhook,
                                       String newFingerprint, Instant now) {
        return new Subscription(id, owner, newName, newFilter, newWebhook, enabled, disabledReason, deleted,
                newFingerprint, createdAt, now);
    }

    public Subscription withEnabled(boolean nowEnabled, String reason, Instant now) {
        return new Subscription(id, owner, name, filter, webhook, nowEnabled, nowEnabled ? null : reason, deleted,
                fingerprint, createdAt, now);
    }

    public Subscription withWebhook(Webhook newWebhook, Instant now) {
        return new Subscription(id, owner, name, filter, newWebhook, enabled, disabledReason, deleted, fingerprint,
                createdAt, now);
    }

    public Subscription asDeleted(Instant now) {
        // The tombstone frees the fingerprint, so the same subscription may be created again.
        return new Subscription(id, owner, name, filter, webhook, false, "deleted", true, "deleted:" + id, createdAt, now);
    }
}
