package org.commitmenttracker.identity;

import java.util.List;

import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Makes each access token one the services accept: the platform's audience instead of the client id, the holder's
 * roles and agency. ID tokens keep the client as their audience, so the services refuse them.
 */
final class PlatformAccessTokens implements OAuth2TokenCustomizer<JwtEncodingContext> {
    private final PlatformClaims claims;

    PlatformAccessTokens(PlatformClaims claims) {
        this.claims = claims;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        String subject = context.getPrincipal().getName();
        context.getClaims().audience(List.of(claims.audience()));
        // An account missing here gets a token with no roles: every service answers it 403.
        claims.of(subject).ifPresent(extra -> extra.forEach(context.getClaims()::claim));
    }
}
