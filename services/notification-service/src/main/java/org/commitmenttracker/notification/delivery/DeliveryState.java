package org.commitmenttracker.notification.delivery;

/** Where a webhook delivery stands. DELIVERED and DEAD are final (DEAD until a replay). */
public enum DeliveryState {
    /** Waiting for its turn, its due time, or a free slot of its host. */
    PENDING,
    /** Claimed by a worker until {@code leaseUntil}; an expired lease makes it claimable again. */
    SENDING,
    DELIVERED,
    /** Out of attempts, or its subscription was disabled or deleted; {@code POST /api/deliveries/{id}/replay} revives it. */
    DEAD;

    public boolean isFinal() {
        return this == DELIVERED || this == DEAD;
    }
}
