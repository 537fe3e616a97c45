package org.commitmenttracker.notification.email;

/** A confirmation or unsubscribe link whose token is missing, forged or expired; the message is the problem detail. */
public class InvalidLinkException extends RuntimeException {
    public InvalidLinkException(String message) {
        super(message);
    }
}
