package org.commitmenttracker.service.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tracker.security.jwt.*}: what every service requires of an access token beyond signature and issuer.
 *
 * @param audience    the {@code aud} value a token must carry (OIDC ID tokens and tokens minted for other
 *                    clients name another audience); the local issuer mints this default
 * @param recordGrace how long after its expiry a token carried by a Kafka record may still be honoured, when the
 *                    record was sent while it was valid (a lagging consumer); at most {@link #MAX_RECORD_GRACE}
 */
@ConfigurationProperties("tracker.security.jwt")
public record TokenSettings(@DefaultValue(DEFAULT_AUDIENCE) String audience, @DefaultValue("30m") Duration recordGrace) {
    public static final String DEFAULT_AUDIENCE = "commitment-tracker";
    /** A record's timestamp is its sender's word: the grace bounds how long an expired token stays usable. */
    public static final Duration MAX_RECORD_GRACE = Duration.ofHours(24);

    public TokenSettings {
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("tracker.security.jwt.audience must name the audience tokens carry");
        }
        if (recordGrace.isNegative() || recordGrace.compareTo(MAX_RECORD_GRACE) > 0) {
            throw new IllegalArgumentException("tracker.security.jwt.record-grace must be between 0 and "
                    + MAX_RECORD_GRACE + ", is " + recordGrace);
        }
    }
}
