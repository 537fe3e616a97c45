package org.commitmenttracker.notification.secrets;

/** {@code TRACKER_NOTIFICATION_SECRETS_KEY} is missing or malformed: the service does not start without it. */
public class InvalidSecretsKeyException extends RuntimeException {
    InvalidSecretsKeyException(String problem) {
        super("TRACKER_NOTIFICATION_SECRETS_KEY (tracker.notification.secrets-key) " + problem + ".");
    }
}
