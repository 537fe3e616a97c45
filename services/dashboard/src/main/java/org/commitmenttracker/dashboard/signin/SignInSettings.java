package org.commitmenttracker.dashboard.signin;

import java.net.URI;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tracker.dashboard.sign-in.*}: the OpenID Connect provider people sign in with ({@code issuer}, whose
 * {@code /.well-known/openid-configuration} the page reads) and the dashboard's public client there. Without an
 * issuer the page offers only the pasted token.
 *
 * @param issuer   the OpenID Connect provider people sign in to the dashboard with (unset: only a pasted token;
 *                 {@code ./dev up} sets its own provider)
 * @param clientId the dashboard's public client at that provider
 */
@ConfigurationProperties("tracker.dashboard.sign-in")
public record SignInSettings(URI issuer, @DefaultValue("dashboard") String clientId) {

    public SignInSettings {
        if (issuer != null && (!("http".equals(issuer.getScheme()) || "https".equals(issuer.getScheme())) || issuer.getHost() == null)) {
            throw new IllegalArgumentException("tracker.dashboard.sign-in.issuer must be an absolute http(s) URL, got " + issuer);
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("tracker.dashboard.sign-in.client-id must name the dashboard's client");
        }
    }

    /** The issuer's origin (scheme, host, port): what the page's content security policy lets it reach. */
    public Optional<String> issuerOrigin() {
        return Optional.ofNullable(issuer).map(u -> u.getScheme() + "://" + u.getRawAuthority());
    }
}
