package org.commitmenttracker.service.security;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tracker.security.jwt.*}: what every service requires of an access token beyond signature and issuer.
 *
 * @param audience    the {@code aud} value a token must carry (OIDC ID tokens and tokens minted for other
 *                    clients name another audience); the local issuer mints this default
 * @param recordGrace how long after its expiry a token carried by a Kafka record may still be honoured, when the
 *                    record was sent while it was valid (a lagging consumer); at most 24 hours: a record's timestamp
 *                    is its sender's word, and the grace bounds how long an expired token stays usable
 */
@ConfigurationProperties("tracker.security.jwt")
@Validated
public record TokenSettings(@DefaultValue(DEFAULT_AUDIENCE) @NotBlank String audience,
                            @DefaultValue("30m") @DurationMin(millis = 0) @DurationMax(hours = 24) Duration recordGrace) {
    public static final String DEFAULT_AUDIENCE = "commitment-tracker";
}
