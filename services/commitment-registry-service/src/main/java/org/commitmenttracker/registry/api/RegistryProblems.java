package org.commitmenttracker.registry.api;

import java.util.TreeSet;

import org.commitmenttracker.registry.access.NotThisAgency;
import org.commitmenttracker.registry.lifecycle.NotAssigned;
import org.commitmenttracker.registry.lifecycle.ProgressRejected;
import org.commitmenttracker.registry.lifecycle.TransitionRejected;
import org.commitmenttracker.registry.store.CommitmentNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Domain refusals as RFC 9457 problem details (Boot renders them as {@code application/problem+json}). */
@RestControllerAdvice
class RegistryProblems {

    @ExceptionHandler(CommitmentNotFound.class)
    ProblemDetail notFound(CommitmentNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown commitment", e.getMessage());
    }

    @ExceptionHandler(TransitionRejected.class)
    ProblemDetail transition(TransitionRejected e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Transition not allowed", e.getMessage());
        problem.setProperty("allowed", new TreeSet<>(e.allowed()));
        return problem;
    }

    /** To an agency that is not assigned, the commitment looks exactly like an unknown one. */
    @ExceptionHandler(NotAssigned.class)
    ProblemDetail notAssigned(NotAssigned e) {
        return notFound(new CommitmentNotFound(e.commitmentId()));
    }

    @ExceptionHandler(ProgressRejected.class)
    ProblemDetail forbidden(ProgressRejected e) {
        return problem(HttpStatus.FORBIDDEN, "Agency may not report on this commitment", e.getMessage());
    }

    @ExceptionHandler(NotThisAgency.class)
    ProblemDetail notThisAgency(NotThisAgency e) {
        return problem(HttpStatus.FORBIDDEN, "Not this token's agency", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
