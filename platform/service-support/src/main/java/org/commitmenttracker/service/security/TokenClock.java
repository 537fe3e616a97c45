package org.commitmenttracker.service.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The instant at which the one token decoder judges a token's {@code exp}, {@code nbf} and {@code iat}: now for an
 * HTTP request; for a Kafka record, the time the record was sent ({@link #judgingRecord}), so that a consumer
 * running behind does not refuse a report whose token was valid when it was sent. The record's timestamp is the
 * sender's word, so it never moves the judgement more than {@code recordGrace} into the past (nor into the future).
 */
public final class TokenClock {
    private final Clock system;
    private final Duration recordGrace;
    private final ThreadLocal<Instant> judged = new ThreadLocal<>();
    /** Not a bean of its own: the application's {@link Clock} stays the only one. */
    private final Clock view = new Clock() {
        @Override
        public Instant instant() {
            Instant at = judged.get();
            return at == null ? system.instant() : at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The token clock is UTC");
        }
    };

    public TokenClock(Clock system, Duration recordGrace) {
        this.system = system;
        this.recordGrace = recordGrace;
    }

    /**
     * Runs {@code check} (a decode) judging tokens at the record's send time, bounded to the grace.
     *
     * @param sentAt the record's timestamp; {@code null} when it has none (judged now)
     */
    public <T> T judgingRecord(Instant sentAt, Supplier<T> check) {
        Instant now = system.instant();
        Instant at = sentAt == null ? now : latest(earliest(sentAt, now), now.minus(recordGrace));
        Instant outer = judged.get();
        judged.set(at);
        try {
            return check.get();
        } finally {
            if (outer == null) {
                judged.remove();
            } else {
                judged.set(outer);
            }
        }
    }

    /** The instant tokens are judged at, as a clock: the decoder's timestamp validator reads it. */
    public Clock clock() {
        return view;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
