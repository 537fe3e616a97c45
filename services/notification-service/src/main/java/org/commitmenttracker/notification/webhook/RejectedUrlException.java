package org.commitmenttracker.notification.webhook;

/** A webhook URL that may not be used; the message says why, in words fit for the subscriber. */
public class RejectedUrlException extends RuntimeException {
    public RejectedUrlException(String message) {
        super(message);
    }
}
