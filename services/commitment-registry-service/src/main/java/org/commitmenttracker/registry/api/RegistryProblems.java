package org.commitmenttracker.registry.api;

import java.util.TreeSet;

import org.commitmenttracker.registry.access.NotThisAgency;
import org.commitmenttracker.registry.compliance.NoCompliancePeriod;
import org.commitmenttracker.registry.compliance.UnknownCommunique;
import org.commitmenttracker.registry.lifecycle.NotAssigned;
import org.commitmenttracker.registry.lifecycle.ProgressRejected;
import org.commitmenttracker.registry.lifecycle.ReportsFull;
import org.commitmenttracker.registry.lifecycle.TransitionRejected;
import org.commitmenttracker.registry.store.CommitmentNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Domain refusals as RFC 9457 problem details (Boot renders them as {@code application/problem+json}). */
@RestControllerAdvice
class RegistryProblems {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RegistryProblems.class);

    @ExceptionHandler(CommitmentNotFound.class)
    ProblemDetail notFound(CommitmentNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown commitment", e.getMessage());
    }

    @ExceptionHandler(UnknownCommunique.class)
    ProblemDetail unknownCommunique(UnknownCommunique e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown communiqué", e.getMessage());
    }

    @ExceptionHandler(NoCompliancePeriod.class)
    ProblemDetail noCompliancePeriod(NoCompliancePeriod e) {
        return problem(HttpStatus.CONFLICT, "No compliance period", e.getMessage());
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

    @ExceptionHandler(ReportsFull.class)
    ProblemDetail reportsFull(ReportsFull e) {
        return problem(HttpStatus.CONFLICT, "The commitment's reports are full", e.getMessage());
    }

    @ExceptionHandler(ProgressRejected.class)
    ProblemDetail forbidden(ProgressRejected e) {
        return problem(HttpStatus.FORBIDDEN, "Agency may not report on this commitment", e.getMessage());
    }

    @ExceptionHandler(NotThisAgency.class)
    ProblemDetail notThisAgency(NotThisAgency e) {
        return problem(HttpStatus.FORBIDDEN, "Not this token's agency", e.getMessage());
    }

    /**
     * The registry's own refusals are written for the caller; an IllegalArgumentException a library threw speaks of
     * its internals, so its caller gets a fixed text and the log gets the cause.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        StackTraceElement[] origin = e.getStackTrace();
        if (origin.length > 0 && origin[0].getClassName().startsWith("org.commitmenttracker.")) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
        }
        log.info("A request was refused by a library check: {}", e.toString());
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request has a value the registry cannot use.");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
