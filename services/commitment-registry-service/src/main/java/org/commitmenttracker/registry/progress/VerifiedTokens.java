package org.commitmenttracker.registry.progress;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The progress consumer's token check, remembering what it verified until it expires: an agency system sends its
 * one access token with every report, so its signature is checked once, not for every record (it was a fifth of
 * the consumer's CPU). A refused token is never remembered; a remembered one is dropped at its expiry time, and
 * tokens without an expiry are verified every time. At most {@value #CAPACITY} are kept. Its clock is the instant
 * tokens are judged at (the decoder's {@code TokenClock}: a record's send time).
 */
final class VerifiedTokens implements JwtDecoder {
    static final int CAPACITY = 1024;
    private final JwtDecoder decoder;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null && known.getExpiresAt().isAfter(clock.instant())) {
            return known;
        }
        verified.remove(token);
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (verified.size() >= CAPACITY) {
                verified.clear(); // a burst of distinct tokens: start over rather than track recency
            }
            verified.put(token, jwt);
        }
        return jwt;
    }
}
