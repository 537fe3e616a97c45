package org.commitmenttracker.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/** The claims and the instant the one decoder judges a token by (ServiceSecurityAutoConfiguration's validators). */
class AccessTokenRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private final AccessTokenClaims claims = new AccessTokenClaims(TokenSettings.DEFAULT_AUDIENCE);

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("agency-system").audience(List.of("commitment-tracker"))
                .issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plusSeconds(300));
    }

    @Test
    void anAccessTokenForThePlatformPasses() {
        assertThat(claims.validate(token().build()).hasErrors()).isFalse();
        assertThat(claims.validate(token().claim("typ", "Bearer").build()).hasErrors()).isFalse();
    }

    @Test
    void withoutSubjectForAnotherAudienceOrAnIdTokenItIsRefused() {
        assertThat(claims.validate(token().claims(c -> c.remove("sub")).build()).hasErrors()).isTrue();
        assertThat(claims.validate(token().audience(List.of("another-client")).build()).hasErrors()).isTrue();
        assertThat(claims.validate(token().claims(c -> c.remove("aud")).build()).hasErrors()).isTrue();
        assertThat(claims.validate(token().claim("typ", "ID").build()).hasErrors()).isTrue();
    }

    @Test
    void aRecordsTokenIsJudgedAtItsSendTimeWithinTheGrace() {
        TokenClock clock = new TokenClock(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(30));
        JwtTimestampValidator lifetime = new JwtTimestampValidator(Duration.ZERO);
        lifetime.setAllowEmptyExpiryClaim(false);
        lifetime.setClock(clock.clock());
        Jwt expiredTenMinutesAgo = token().issuedAt(NOW.minusSeconds(1200)).expiresAt(NOW.minusSeconds(600)).build();

        assertThat(lifetime.validate(expiredTenMinutesAgo).hasErrors()).as("judged now").isTrue();
        assertThat(clock.judgingRecord(NOW.minusSeconds(900), () -> lifetime.validate(expiredTenMinutesAgo).hasErrors()))
                .as("sent while valid, 15 minutes ago").isFalse();
        assertThat(clock.judgingRecord(null, () -> lifetime.validate(expiredTenMinutesAgo).hasErrors()))
                .as("a record without timestamp").isTrue();

        Jwt expiredAnHourAgo = token().issuedAt(NOW.minusSeconds(7200)).expiresAt(NOW.minusSeconds(3600)).build();
        assertThat(clock.judgingRecord(NOW.minusSeconds(5400), () -> lifetime.validate(expiredAnHourAgo).hasErrors()))
                .as("a record claiming to be older than the grace").isTrue();
        assertThat(clock.clock().instant()).isEqualTo(NOW);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        JwtTimestampValidator lifetime = new JwtTimestampValidator();
        lifetime.setAllowEmptyExpiryClaim(false);
        Jwt forever = Jwt.withTokenValue("t").header("alg", "RS256").subject("s").issuedAt(Instant.now().minusSeconds(5)).build();
        assertThat(lifetime.validate(forever).hasErrors()).isTrue();
    }
}
