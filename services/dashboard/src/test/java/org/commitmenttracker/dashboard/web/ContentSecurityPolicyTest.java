package org.commitmenttracker.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.commitmenttracker.dashboard.signin.SignInSettings;
import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

    @Test
    void thePageMayReachTheSignInProvidersOriginAndNoOtherOutsideOne() {
        String policy = SecurityHeadersFilter.contentSecurityPolicy(
                new SignInSettings(URI.create("https://login.example.org/realms/tracker"), "dashboard"));

        assertThat(policy).contains("connect-src 'self' https://login.example.org;",
                "form-action 'self' https://login.example.org;", "script-src 'self';", "frame-ancestors 'none'");
    }

    @Test
    void withoutAProviderThePageReachesOnlyItsOwnOrigin() {
        String policy = SecurityHeadersFilter.contentSecurityPolicy(new SignInSettings(null, "dashboard"));

        assertThat(policy).contains("connect-src 'self';", "form-action 'self';").doesNotContain("http");
    }

    @Test
    void anIssuerThatIsNoHttpUrlStopsTheStart() {
        assertThatThrownBy(() -> new SignInSettings(URI.create("login.example.org"), "dashboard"))
                .hasMessageContaining("tracker.dashboard.sign-in.issuer must be an absolute http(s) URL");
    }
}
