package org.commitmenttracker.service.security;

import java.util.List;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claims an access token to the platform must carry: a subject ({@code sub}: the actor and owner of what it
 * does), the platform's audience in {@code aud} (an ID token, or a token minted for another client, names its own
 * client), and no ID-token type claim ({@code typ}, as Keycloak marks its tokens: {@code ID} for ID tokens,
 * {@code Bearer} for access tokens). The header's {@code typ} and the timestamps have their own validators.
 */
final class AccessTokenClaims implements OAuth2TokenValidator<Jwt> {
    /** Keycloak's marker of an access token; any other {@code typ} claim (ID, Refresh, Logout) is refused. */
    private static final String ACCESS_TOKEN_TYPE_CLAIM = "Bearer";
    private final String audience;

    AccessTokenClaims(String audience) {
        this.audience = audience;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            return refused("The token names no subject (sub).");
        }
        List<String> audiences = token.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            return refused("The token is not meant for this platform (aud).");
        }
        Object type = token.getClaims().get("typ");
        if (type != null && !ACCESS_TOKEN_TYPE_CLAIM.equalsIgnoreCase(type.toString())) {
            return refused("The token is not an access token (typ).");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refused(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
