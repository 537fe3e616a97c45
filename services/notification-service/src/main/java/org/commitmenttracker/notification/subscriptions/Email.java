package org.commitmenttracker.notification.subscriptions;

import java.time.Instant;

/**
 * A subscription's e-mail channel. An address receives alerts only once its owner confirmed it through the
 * link sent to it ({@code CONFIRMED}), so the platform cannot be used to mail strangers; an unsubscribe link
 * or a permanent delivery failure (bounce) ends that. {@code nonce} is part of every confirmation and
 * unsubscribe link: a new address gets a new one, so links sent to the old address stop working.
 */
public record Email(String address, String language, State state, String nonce, Instant confirmedAt, String stoppedReason) {

    public enum State { UNCONFIRMED, CONFIRMED, UNSUBSCRIBED, BOUNCED }

    /** Whether alerts are mailed to it. */
    public boolean receives() {
        return state == State.CONFIRMED;
    }

    public Email confirmed(Instant now) {
        return new Email(address, language, State.CONFIRMED, nonce, now, null);
    }

    public Email stopped(State why, String reason) {
        return new Email(address, language, why, nonce, confirmedAt, reason);
    }

    public Email inLanguage(String newLanguage) {
        return new Email(address, newLanguage, state, nonce, confirmedAt, stoppedReason);
    }

    @Override
    public String toString() {
        return "Email[" + state + "]"; // no address in logs
    }
}
