package org.commitmenttracker.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The provider's authorizations in memory, each forgotten {@link #KEPT_AFTER_EXPIRY} after the last of its tokens
 * expired. Spring's in-memory service keeps every completed authorization for ever, and every token request (an
 * agency system's client credentials, a dashboard sign-in or renewal) adds one: the provider's small heap would fill.
 * The hour after expiry keeps an ID token findable for a sign-out that names it ({@code id_token_hint}).
 */
final class ExpiringAuthorizations implements OAuth2AuthorizationService {
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofHours(1);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final List<Class<? extends OAuth2Token>> TOKEN_TYPES = List.of(OAuth2AccessToken.class,
            OAuth2RefreshToken.class, OidcIdToken.class, OAuth2AuthorizationCode.class);

    private final InMemoryOAuth2AuthorizationService authorizations = new InMemoryOAuth2AuthorizationService();
    /** Each stored authorization's id, and when it may be forgotten (null: not before it completes). */
    private final Map<String, Instant> forgetAt = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Instant nextSweep;

    ExpiringAuthorizations(Clock clock) {
        this.clock = clock;
        this.nextSweep = clock.instant();
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        authorizations.save(authorization);
        Instant lastExpiry = lastExpiry(authorization);
        if (lastExpiry != null) {
            forgetAt.put(authorization.getId(), lastExpiry.plus(KEPT_AFTER_EXPIRY));
        }
        sweepWhenDue();
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        forgetAt.remove(authorization.getId());
        authorizations.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return authorizations.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return authorizations.findByToken(token, tokenType);
    }

    /** The latest expiry of its tokens; null while it has none (a code flow not completed yet: Spring bounds those). */
    private static Instant lastExpiry(OAuth2Authorization authorization) {
        Instant last = null;
        for (Class<? extends OAuth2Token> type : TOKEN_TYPES) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(type);
            Instant expiry = token == null ? null : token.getToken().getExpiresAt();
            if (expiry != null && (last == null || expiry.isAfter(last))) {
                last = expiry;
            }
        }
        return last;
    }

    private void sweepWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_EVERY);
        forgetAt.forEach((id, at) -> {
            if (!now.isBefore(at)) {
                OAuth2Authorization expired = authorizations.findById(id);
                forgetAt.remove(id);
                if (expired != null) {
                    authorizations.remove(expired);
                }
            }
        });
    }
}
