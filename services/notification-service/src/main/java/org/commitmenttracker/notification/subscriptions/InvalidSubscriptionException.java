package org.commitmenttracker.notification.subscriptions;

/** A subscription request that cannot be accepted; the message is the problem detail for the client. */
public class InvalidSubscriptionException extends RuntimeException {
    public InvalidSubscriptionException(String message) {
        super(message);
    }
}
