package org.commitmenttracker.service.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.commitmenttracker.service.web.ProblemJson;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problems, with the RFC 6750 {@code WWW-Authenticate: Bearer} challenge set by
 * Spring Security's own handlers. The detail says what is missing, never why a token failed in depth
 * (no key ids, no claims), so a probe learns nothing.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denial = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        // The challenge says the token is invalid, never why (expired, wrong issuer, unknown key): no help to a probe.
        challenge.commence(request, response, failure instanceof OAuth2AuthenticationException
                ? new InvalidBearerTokenException("Invalid token") : failure);
        ProblemJson.write(request, response, HttpStatus.UNAUTHORIZED,
                "A valid bearer token is required (Authorization: Bearer <JWT>).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        denial.handle(request, response, denied);
        ProblemJson.write(request, response, HttpStatus.FORBIDDEN, "The token's roles do not allow " + request.getMethod()
                + " on this resource.");
    }
}
