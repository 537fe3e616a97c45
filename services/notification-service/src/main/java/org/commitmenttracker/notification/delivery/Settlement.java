package org.commitmenttracker.notification.delivery;

import java.time.Instant;

/**
 * How an attempt ended for the delivery it was made for (read with the claim it was sent under): the attempt
 * to log, the state it leaves the delivery in, and when it is due again (a retry) or finished.
 */
public record Settlement(Delivery claimed, Attempt attempt, DeliveryState state, Instant dueAt) {

    DeliveryStore.Place place() {
        return new DeliveryStore.Place(claimed.lane(), claimed.id());
    }
}
