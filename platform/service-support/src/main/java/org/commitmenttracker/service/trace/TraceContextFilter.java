package org.commitmenttracker.service.trace;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Continues the caller's trace (its {@code traceparent} header) or starts one, for the whole request, and
 * answers the request's span in the {@code traceparent} response header so a caller without tracing can
 * still follow what its upload caused.
 */
public class TraceContextFilter extends OncePerRequestFilter {
    static final String HEADER = "traceparent";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (TraceContext.Scope scope = TraceContext.continueFrom(request.getHeader(HEADER))) {
            response.setHeader(HEADER, scope.traceparent());
            chain.doFilter(request, response);
        }
    }
}
