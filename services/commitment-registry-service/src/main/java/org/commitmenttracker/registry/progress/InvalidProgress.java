package org.commitmenttracker.registry.progress;

/** A malformed progress report: a field is missing, out of range or too long. */
public class InvalidProgress extends IllegalArgumentException {
    public InvalidProgress(String message) {
        super(message);
    }
}
