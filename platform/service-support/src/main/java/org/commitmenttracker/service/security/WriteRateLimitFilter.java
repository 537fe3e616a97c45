package org.commitmenttracker.service.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.commitmenttracker.service.web.ProblemJson;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code tracker.security.rate-limit.writes-per-second} write requests (POST, PUT, PATCH, DELETE)
 * per client and second: one Resilience4j RateLimiter per token subject, so one noisy client cannot starve
 * the others. Over the limit: {@code 429} with {@code Retry-After} in whole seconds.
 */
final class WriteRateLimitFilter extends OncePerRequestFilter {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private final RateLimiterRegistry limiters;

    WriteRateLimitFilter(RateLimiterRegistry limiters) {
        this.limiters = limiters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof CallerAuthentication caller)) {
            // No write endpoint admits an anonymous caller; keeping a limiter per address would only grow the heap.
            chain.doFilter(request, response);
            return;
        }
        RateLimiter limiter = limiters.rateLimiter("writes/" + (caller.getName() == null ? "(no subject)" : caller.getName()));
        if (limiter.acquirePermission()) {
            chain.doFilter(request, response);
            return;
        }
        // Permissions refresh every second, so the next one is at most a second away.
        response.setHeader("Retry-After", "1");
        ProblemJson.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                "Too many write requests from this client; retry after the time in Retry-After.");
    }

    static RateLimiterRegistry registry(int writesPerSecond) {
        return RateLimiterRegistry.of(io.github.resilience4j.ratelimiter.RateLimiterConfig.custom()
                .limitForPeriod(writesPerSecond).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO).build());
    }
}
