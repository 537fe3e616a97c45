package org.commitmenttracker.events;

/** A record that is not a valid event of a known type: never retried, dead-lettered with this message. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
