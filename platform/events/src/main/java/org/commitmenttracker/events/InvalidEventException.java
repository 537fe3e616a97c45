package org.commitmenttracker.events;

/**
 * A record that is not a valid event of a known type: never retried, dead-lettered with this message. The
 * message is capped at {@value #MAX_MESSAGE} characters: it travels in a dead-letter header and in logs, and
 * a hostile event may quote megabytes of itself into it.
 */
public class InvalidEventException extends RuntimeException {
    static final int MAX_MESSAGE = 500;

    public InvalidEventException(String message) {
        super(capped(message));
    }

    public InvalidEventException(String message, Throwable cause) {
        super(capped(message), cause);
    }

    private static String capped(String message) {
        return message == null || message.length() <= MAX_MESSAGE ? message
                : message.substring(0, MAX_MESSAGE) + "… (" + message.length() + " characters)";
    }
}
