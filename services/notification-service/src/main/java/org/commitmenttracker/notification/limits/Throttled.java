package org.commitmenttracker.notification.limits;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request over one of the service's per-owner or per-address limits: 429, a problem, and {@code Retry-After}. */
public class Throttled extends ErrorResponseException {

    public Throttled(String detail, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(detail), null);
        getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail);
        problem.setTitle("Too many requests");
        return problem;
    }
}
