package org.commitmenttracker.notification;

import org.commitmenttracker.notification.email.InvalidEmailRequestException;
import org.commitmenttracker.notification.subscriptions.InvalidSubscriptionException;
import org.commitmenttracker.notification.webhook.RejectedUrlException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** RFC 9457 problems for what the API refuses, with a detail that says what to fix. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    @ExceptionHandler(InvalidSubscriptionException.class)
    ProblemDetail invalid(InvalidSubscriptionException e) {
        return badRequest("Invalid subscription", e.getMessage());
    }

    @ExceptionHandler(InvalidEmailRequestException.class)
    ProblemDetail invalidEmailRequest(InvalidEmailRequestException e) {
        return badRequest("Invalid e-mail link or report", e.getMessage());
    }

    @ExceptionHandler(RejectedUrlException.class)
    ProblemDetail rejectedUrl(RejectedUrlException e) {
        return badRequest("Webhook URL refused", e.getMessage());
    }

    /**
     * A body that is not the JSON expected. The detail names the place (a JSON pointer) and what is wrong in
     * JSON terms, never Java types, classes or handler methods.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        String detail;
        if (cause instanceof StreamConstraintsException) {
            detail = "it exceeds a size or nesting limit.";
        } else if (cause instanceof UnrecognizedPropertyException unknown) {
            detail = "the field at " + pointer(unknown) + " is not one the API knows.";
        } else if (cause instanceof StreamReadException json) {
            detail = "it is not valid JSON (" + json.getOriginalMessage() + ").";
        } else if (cause instanceof JacksonException json) {
            detail = "the value at " + pointer(json) + " is not of the expected type.";
        } else {
            detail = "it is missing or not JSON.";
        }
        return badRequest("Unreadable request body", "The body is not the JSON expected: " + detail);
    }

    private static String pointer(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            path.append('/').append(reference.getPropertyName() != null ? reference.getPropertyName() : reference.getIndex());
        }
        return path.isEmpty() ? "the top level" : path.length() > 200 ? path.substring(0, 200) + "…" : path.toString();
    }

    private static ProblemDetail badRequest(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(title);
        return problem;
    }
}
