package org.commitmenttracker.notification.noise;

import java.time.Duration;
import java.time.Instant;

/**
 * How a subscription wants its alerts paced (Alertmanager-style noise control).
 *
 * @param groupWindow alerts arriving within this window of the first one go out as one message; zero sends
 *                    each at once. The window starts with the group's first alert, so no alert waits longer.
 * @param digest      when set, alerts are collected and sent at the digest's times instead (null: not a digest)
 * @param repeatEvery an overdue commitment is alerted again at this interval until its status changes (null: never)
 */
public record Pacing(Duration groupWindow, Digest digest, Duration repeatEvery) {
    /** Each alert at once, no repeats: how subscriptions created before pacing existed behave. */
    public static final Pacing IMMEDIATE = new Pacing(Duration.ZERO, null, null);

    public Pacing {
        groupWindow = groupWindow == null ? Duration.ZERO : groupWindow;
    }

    /** Whether each alert goes out on its own, at once (the webhook fast path: no batch in the store). */
    public boolean immediate() {
        return digest == null && groupWindow.isZero();
    }

    /** When an alert arriving at {@code arrival} must go out at the latest. */
    public Instant dueAt(Instant arrival) {
        return digest != null ? digest.nextAfter(arrival) : arrival.plus(groupWindow);
    }

    public Pacing withGroupWindow(Duration window) {
        return new Pacing(window, digest, repeatEvery);
    }

    public Pacing withDigest(Digest newDigest) {
        return new Pacing(groupWindow, newDigest, repeatEvery);
    }

    public Pacing withRepeatEvery(Duration interval) {
        return new Pacing(groupWindow, digest, interval);
    }
}
