package org.commitmenttracker.notification.subscriptions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.commitmenttracker.notification.matching.Occurrence;
import org.commitmenttracker.notification.matching.SubscriptionFilter;
import org.commitmenttracker.notification.noise.Pacing;
import org.commitmenttracker.notification.noise.Silence;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a subscriber wants to hear about and where to send it. Owned by the subscriber that created it;
 * {@code webhook} is null for a subscription read only through its alert feed. Deleting keeps a tombstone
 * ({@code deleted}) so that other replicas learn of the deletion from the change feed they poll.
 * {@code fingerprint} (unique) identifies owner + filter + URL (+ e-mail address), so the same subscription
 * cannot exist twice. {@code slot} (unique where present) is the one of its owner's {@code max-per-owner} places it
 * holds while it is not deleted, so concurrent creates cannot pass the cap ({@link SubscriptionStore#insertInFreeSlot}).
 * {@code email} is its e-mail channel (null: none); {@code pacing} groups, digests and
 * repeats its alerts (null, as stored before pacing existed: each at once); {@code silences} mute some or all
 * of them for a while. Kept in the subscription itself so that matching decides all this in memory.
 */
@Document(Subscription.COLLECTION)
public record Subscription(@Id String id, String owner, String name, SubscriptionFilter filter, Webhook webhook,
                           Email email, Pacing pacing, List<Silence> silences,
                           boolean enabled, String disabledReason, boolean deleted, String fingerprint, String slot,
                           Instant createdAt, Instant updatedAt) {
    public static final String COLLECTION = "subscriptions";

    public Subscription {
        pacing = pacing == null ? Pacing.IMMEDIATE : pacing;
        silences = silences == null ? List.of() : List.copyOf(silences);
    }

    /** The silence muting an alert about {@code occurrence} at {@code now}, if any. */
    public Optional<Silence> mutedBy(Occurrence occurrence, Instant now) {
        return silences.isEmpty() ? Optional.empty() : Silence.muting(silences, occurrence, now);
    }

    /** Whether its alerts are mailed (an address confirmed and not stopped). */
    public boolean mails() {
        return email != null && email.receives();
    }

    /** Whether events are matched against it at all. */
    public boolean active() {
        return enabled && !deleted;
    }

    public Subscription withDefinition(String newName, SubscriptionFilter newFilter, Webhook newWebhook, Email newEmail,
                                       Pacing newPacing, String newFingerprint, Instant now) {
        return new Subscription(id, owner, newName, newFilter, newWebhook, newEmail, newPacing, silences, enabled,
                disabledReason, deleted, newFingerprint, slot, createdAt, now);
    }

    public Subscription withEnabled(boolean nowEnabled, String reason, Instant now) {
        return new Subscription(id, owner, name, filter, webhook, email, pacing, silences, nowEnabled,
                nowEnabled ? null : reason, deleted, fingerprint, slot, createdAt, now);
    }

    public Subscription withWebhook(Webhook newWebhook, Instant now) {
        return new Subscription(id, owner, name, filter, newWebhook, email, pacing, silences, enabled, disabledReason,
                deleted, fingerprint, slot, createdAt, now);
    }

    public Subscription withEmail(Email newEmail, Instant now) {
        return new Subscription(id, owner, name, filter, webhook, newEmail, pacing, silences, enabled, disabledReason,
                deleted, fingerprint, slot, createdAt, now);
    }

    /** With {@code newSilences}; the expired ones are dropped on the way (they mute nothing any more). */
    public Subscription withSilences(List<Silence> newSilences, Instant now) {
        return new Subscription(id, owner, name, filter, webhook, email, pacing,
                newSilences.stream().filter(silence -> silence.activeAt(now)).toList(), enabled, disabledReason,
                deleted, fingerprint, slot, createdAt, now);
    }

    public Subscription asDeleted(Instant now) {
        // The tombstone frees the fingerprint, so the same subscription may be created again, and its slot.
        return new Subscription(id, owner, name, filter, webhook, email, pacing, silences, false, "deleted", true,
                "deleted:" + id, null, createdAt, now);
    }

    /** In slot {@code newSlot} of its owner (not a change the subscriber made: {@code updatedAt} stays). */
    public Subscription inSlot(String newSlot) {
        return new Subscription(id, owner, name, filter, webhook, email, pacing, silences, enabled, disabledReason,
                deleted, fingerprint, newSlot, createdAt, updatedAt);
    }
}
