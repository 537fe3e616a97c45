package org.commitmenttracker.notification.delivery;

import java.time.Instant;

/** One attempt, as logged in its delivery: when, what came back (HTTP status, 0 for none), how long, what failed. */
public record Attempt(int number, Instant at, AttemptOutcome outcome, int status, long latencyMs, String error) {
}
