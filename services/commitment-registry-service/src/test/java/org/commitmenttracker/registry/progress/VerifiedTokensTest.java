package org.commitmenttracker.registry.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final List<String> verifications = new ArrayList<>();

    /** A decoder that counts its verifications: "forged" is refused, "lasting" has no expiry. */
    private final JwtDecoder decoder = token -> {
        verifications.add(token);
        if (token.equals("forged")) {
            throw new BadJwtException("signature does not verify");
        }
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("agency-system").claims(c -> c.putAll(Map.of("agency_id", "MOFCOM")));
        return token.equals("lasting") ? jwt.build() : jwt.issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plusSeconds(300)).build();
    };

    @Test
    void aTokenIsVerifiedOnceUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(decoder, Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < 5; i++) {
            assertThat(tokens.decode("agency-token").getSubject()).isEqualTo("agency-system");
        }
        assertThat(verifications).containsExactly("agency-token");

        VerifiedTokens later = new VerifiedTokens(decoder, Clock.fixed(NOW.plusSeconds(301), ZoneOffset.UTC));
        later.decode("agency-token");
        later.decode("agency-token");
        assertThat(verifications).hasSize(3); // expired in the second instance's eyes: verified again each time
    }

    @Test
    void aRefusedTokenOrOneWithoutExpiryIsVerifiedEveryTime() {
        VerifiedTokens tokens = new VerifiedTokens(decoder, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        tokens.decode("lasting");
        tokens.decode("lasting");
        assertThat(verifications).containsExactly("forged", "forged", "lasting", "lasting");
    }
}
