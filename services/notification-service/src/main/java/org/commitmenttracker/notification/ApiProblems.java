package org.commitmenttracker.notification;

import org.commitmenttracker.notification.subscriptions.InvalidSubscriptionException;
import org.commitmenttracker.notification.webhook.RejectedUrlException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problems for what the API refuses, with a detail that says what to fix. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    @ExceptionHandler(InvalidSubscriptionException.class)
    ProblemDetail invalid(InvalidSubscriptionException e) {
        return badRequest("Invalid subscription", e.getMessage());
    }

    @ExceptionHandler(RejectedUrlException.class)
    ProblemDetail rejectedUrl(RejectedUrlException e) {
        return badRequest("Webhook URL refused", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        String detail = cause instanceof tools.jackson.core.JacksonException json ? json.getOriginalMessage() : cause.getMessage();
        return badRequest("Unreadable request body", "The body is not the JSON expected: " + detail);
    }

    private static ProblemDetail badRequest(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(title);
        return problem;
    }
}
