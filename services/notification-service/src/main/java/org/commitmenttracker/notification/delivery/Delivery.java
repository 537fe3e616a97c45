package org.commitmenttracker.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.commitmenttracker.notification.webhook.WebhookBody;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One webhook message for one subscription about one event. The id is derived from event and subscription,
 * so a redelivered event, or the same event handled by two replicas, finds the delivery already there; it is
 * also the {@code webhook-id} header, the same on every attempt. {@code body} is fixed at creation so that
 * every attempt sends the same bytes. {@code lane} is (subscription, commitment): deliveries of one lane go
 * out one after the other. {@code claim} counts claims: updates name the claim they hold, so a worker that
 * lost its lease cannot overwrite the next one's work. Every attempt is kept in {@code attempts}.
 * {@code traceparent} is the delivery's W3C span, a child of the event's: sent with every attempt, so the
 * receiver's logs join the trace of the upload that led to the message.
 */
@Document(Delivery.COLLECTION)
public record Delivery(@Id String id, String owner, String subscriptionId, String commitmentId, String lane,
                       List<String> eventIds, String type, String body, DeliveryState state, int attemptCount,
                       Instant dueAt, Instant leaseUntil, long claim, List<Attempt> attempts, String lastError,
                       String traceparent, Instant createdAt, Instant finishedAt) {
    public static final String COLLECTION = "deliveries";

    public Delivery {
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    public static Delivery of(String eventId, String owner, String subscriptionId, String commitmentId, String type,
                              byte[] body, String traceparent, Instant now) {
        return new Delivery(idOf(eventId, subscriptionId), owner, subscriptionId, commitmentId,
                laneOf(subscriptionId, commitmentId), List.of(eventId), type, new String(body, StandardCharsets.UTF_8),
                DeliveryState.PENDING, 0, now, null, 0, List.of(), null, traceparent, now, null);
    }

    /**
     * One message about a group of alerts ({@code eventIds}, in order); its id is derived from all of them, so
     * the same group sent again (a batch whose sender died after enqueueing it) finds it already there. It
     * keeps its own lane per subscription (grouped messages follow each other; a subscription's alerts are
     * either grouped or not).
     */
    public static Delivery grouped(List<String> eventIds, String owner, String subscriptionId, byte[] body,
                                   String traceparent, Instant now) {
        return new Delivery(idOf(String.join(",", eventIds), subscriptionId), owner, subscriptionId, null,
                laneOf(subscriptionId, "grouped"), eventIds, WebhookBody.GROUPED, new String(body, StandardCharsets.UTF_8),
                DeliveryState.PENDING, 0, now, null, 0, List.of(), null, traceparent, now, null);
    }

    /**
     * This new delivery as claimed by the replica creating it ({@code SENDING}, claim 1, leased until
     * {@code leaseUntil}): stored like that, no other worker takes it before the lease ends, and its creator
     * can send it without a claim round trip.
     */
    Delivery claimedAtCreation(Instant leaseUntil) {
        return new Delivery(id, owner, subscriptionId, commitmentId, lane, eventIds, type, body, DeliveryState.SENDING,
                attemptCount, dueAt, leaseUntil, claim + 1, attempts, lastError, traceparent, createdAt, finishedAt);
    }

    static String idOf(String eventId, String subscriptionId) {
        return "msg_" + UUID.nameUUIDFromBytes((eventId + "\u001f" + subscriptionId).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }

    static String laneOf(String subscriptionId, String commitmentId) {
        return subscriptionId + "|" + commitmentId;
    }

    /** Whether a worker may claim it at {@code now}: pending and due, or sending under an expired lease. */
    boolean claimableAt(Instant now) {
        return state == DeliveryState.PENDING && !dueAt.isAfter(now)
                || state == DeliveryState.SENDING && leaseUntil != null && leaseUntil.isBefore(now);
    }
}
