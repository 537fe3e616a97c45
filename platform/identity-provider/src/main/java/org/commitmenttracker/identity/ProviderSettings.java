package org.commitmenttracker.identity;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tracker.identity.*}: the provider's issuer URL, the audience its access tokens name, the PEM private key
 * it signs with (the devstack key the services trust), how long access tokens live, the dashboard's sign-in client
 * and the accounts. {@code ./dev up} writes the accounts, with generated secrets, to a file it imports.
 *
 * @param issuer         the provider's own absolute URL, the {@code iss} of its tokens (required)
 * @param audience       the {@code aud} its access tokens carry
 * @param signingKey     PEM private key the tokens are signed with (required; the key the services trust)
 * @param accessTokenTtl how long an access token lives
 * @param dashboard      the dashboard's sign-in client (required)
 * @param users          people who may sign in: name, secret (the password), roles, agency
 * @param clients        systems that get tokens with client credentials: name (the client id), secret, roles, agency
 */
@ConfigurationProperties("tracker.identity")
public record ProviderSettings(URI issuer, @DefaultValue("commitment-tracker") String audience, Path signingKey,
                               @DefaultValue("15m") Duration accessTokenTtl, Dashboard dashboard,
                               List<Account> users, List<Account> clients) {

    public ProviderSettings {
        if (issuer == null || !issuer.isAbsolute() || issuer.getHost() == null) {
            throw new IllegalArgumentException("tracker.identity.issuer must be an absolute URL, got " + issuer);
        }
        if (signingKey == null || !Files.isReadable(signingKey)) {
            throw new IllegalArgumentException("tracker.identity.signing-key must name a readable PEM private key, got " + signingKey);
        }
        if (dashboard == null) {
            throw new IllegalArgumentException("tracker.identity.dashboard.* must name the dashboard's client");
        }
        users = users == null ? List.of() : List.copyOf(users);
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /**
     * The dashboard's public client (authorization code + PKCE).
     *
     * @param clientId     the dashboard's client id at the provider
     * @param redirectUris the dashboard addresses the provider may return to after sign-in and sign-out (at least one)
     */
    public record Dashboard(@DefaultValue("dashboard") String clientId, List<URI> redirectUris) {
        public Dashboard {
            if (redirectUris == null || redirectUris.isEmpty()) {
                throw new IllegalArgumentException("tracker.identity.dashboard.redirect-uris must list the dashboard's address");
            }
            redirectUris = List.copyOf(redirectUris);
        }

        /** The origins (scheme, host, port) the dashboard's page calls the provider from. */
        public List<String> origins() {
            return redirectUris.stream().map(u -> u.getScheme() + "://" + u.getRawAuthority()).distinct().toList();
        }
    }
}
