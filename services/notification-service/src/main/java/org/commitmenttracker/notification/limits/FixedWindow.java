package org.commitmenttracker.notification.limits;

import java.time.Duration;
import java.time.Instant;

/**
 * One window of a fixed-window counter: windows of {@code length} follow each other from the epoch, so every
 * replica computes the same window for the same instant and counts into the same place. Pure.
 */
public record FixedWindow(Instant start, Instant end) {

    public static FixedWindow containing(Instant now, Duration length) {
        if (length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("a window must be longer than zero, not " + length);
        }
        long millis = length.toMillis();
        long start = Math.floorDiv(now.toEpochMilli(), millis) * millis;
        return new FixedWindow(Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + millis));
    }

    /** Whole seconds from {@code now} until the window ends (at least 1: what a {@code Retry-After} says). */
    public long secondsLeft(Instant now) {
        long millis = Duration.between(now, end).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
