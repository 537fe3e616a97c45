package org.commitmenttracker.notification.email;

/**
 * A confirmation or unsubscribe link whose token is missing, forged or expired, or a bounce report that is not one;
 * the message is the problem detail.
 */
public class InvalidEmailRequestException extends RuntimeException {
    public InvalidEmailRequestException(String message) {
        super(message);
    }
}
