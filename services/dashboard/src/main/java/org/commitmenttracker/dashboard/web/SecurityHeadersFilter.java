package org.commitmenttracker.dashboard.web;

import java.io.IOException;

import org.commitmenttracker.dashboard.signin.SignInSettings;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A strict content security policy and the usual hardening headers on every answer. The app is plain ES
 * modules from this origin: no inline script or style, no framing, and no third-party origin but the sign-in
 * provider's (discovery, token and logout endpoints); the tokens live in the page, so a script injected from
 * elsewhere is what the policy must keep out.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends OncePerRequestFilter {
    private final String contentSecurityPolicy;

    SecurityHeadersFilter(SignInSettings signIn) {
        this.contentSecurityPolicy = contentSecurityPolicy(signIn);
    }

    static String contentSecurityPolicy(SignInSettings signIn) {
        String provider = signIn.issuerOrigin().map(origin -> " " + origin).orElse("");
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'"
                + provider + "; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'" + provider
                + "; frame-ancestors 'none'";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        chain.doFilter(request, response);
    }
}
