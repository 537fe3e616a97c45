package org.commitmenttracker.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class ExpiringAuthorizationsTest {
    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    private static final RegisteredClient CLIENT = RegisteredClient.withId("c1").clientId("agency-mofcom")
            .clientSecret("{noop}secret-secret").clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();

    @Test
    void anAuthorizationIsForgottenAnHourAfterItsTokenExpiredAndTheLiveOnesAreKept() {
        MutableClock clock = new MutableClock(START);
        ExpiringAuthorizations authorizations = new ExpiringAuthorizations(clock);
        authorizations.save(authorization("a1", START, Duration.ofMinutes(5)));

        clock.now = START.plus(Duration.ofMinutes(30)); // expired, but a sign-out may still name its tokens
        authorizations.save(authorization("a2", clock.now, Duration.ofMinutes(5)));
        assertThat(authorizations.findById("a1")).isNotNull();
        assertThat(authorizations.findByToken("token-a1", OAuth2TokenType.ACCESS_TOKEN)).isNotNull();

        clock.now = START.plus(Duration.ofMinutes(66)); // a1's token expired more than an hour ago, a2's less
        authorizations.save(authorization("a3", clock.now, Duration.ofMinutes(5)));
        assertThat(authorizations.findById("a1")).isNull();
        assertThat(authorizations.findByToken("token-a1", OAuth2TokenType.ACCESS_TOKEN)).isNull();
        assertThat(authorizations.findById("a2")).isNotNull();
        assertThat(authorizations.findById("a3")).isNotNull();
    }

    private static OAuth2Authorization authorization(String id, Instant issued, Duration lifetime) {
        return OAuth2Authorization.withRegisteredClient(CLIENT).id(id).principalName("agency-mofcom")
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-" + id, issued, issued.plus(lifetime)))
                .build();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
