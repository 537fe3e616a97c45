package org.commitmenttracker.registry.lifecycle;

/** A progress report the registry refuses, and why: the agency is unknown, or not assigned to the commitment. */
public class ProgressRejected extends RuntimeException {
    public ProgressRejected(String message) {
        super(message);
    }
}
