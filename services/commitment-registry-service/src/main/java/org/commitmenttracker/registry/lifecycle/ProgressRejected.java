package org.commitmenttracker.registry.lifecycle;

/** A progress report the registry refuses, and why: the agency is unknown, or not assigned ({@link NotAssigned}). */
public class ProgressRejected extends RuntimeException {
    public ProgressRejected(String message) {
        super(message);
    }
}
