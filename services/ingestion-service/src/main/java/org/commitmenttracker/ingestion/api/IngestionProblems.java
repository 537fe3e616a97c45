package org.commitmenttracker.ingestion.api;

import org.commitmenttracker.ingestion.communique.NoSuchCommunique;
import org.commitmenttracker.ingestion.text.DocumentRejected;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 {@code application/problem+json} with a {@code detail} written for the uploader.
 * Rejected submissions carry a {@code reason} property (e.g. {@code no_text_layer}) for programs.
 */
@RestControllerAdvice
class IngestionProblems extends ResponseEntityExceptionHandler {
    static final String ACCEPTED_FORMS = "text/plain, application/json or multipart/form-data with a TXT, PDF, DOCX or HTML file";

    @ExceptionHandler(DocumentRejected.class)
    ResponseEntity<ProblemDetail> rejected(DocumentRejected e) {
        HttpStatus status = switch (e.reason()) {
            case EMPTY, MALFORMED_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNREADABLE, NO_TEXT_LAYER, ENCRYPTED, ZIP_BOMB -> HttpStatus.UNPROCESSABLE_CONTENT;
            case BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setProperty("reason", e.reason().name().toLowerCase(java.util.Locale.ROOT));
        if (e.reason() == DocumentRejected.Reason.BUSY) {
            return ResponseEntity.status(status).header("Retry-After", "30").body(problem);
        }
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(NoSuchCommunique.class)
    ResponseEntity<ProblemDetail> notFound(NoSuchCommunique e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    /** A multipart body the container cannot parse (no boundary, a foreign one, truncated parts). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The multipart/form-data body cannot be read: send one part named 'file' between the boundaries the"
                        + " Content-Type names.");
        problem.setProperty("reason", "malformed_request");
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        ex.getBody().setDetail("Content-Type " + (ex.getContentType() == null ? "(none)" : "'" + ex.getContentType() + "'")
                + " is not accepted: send " + ACCEPTED_FORMS + ".");
        return super.handleHttpMediaTypeNotSupported(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        ex.getBody().setDetail("The upload is larger than the limit of " + ex.getMaxUploadSize()
                + " bytes (tracker.ingestion.max-upload-size).");
        return super.handleMaxUploadSizeExceededException(ex, headers, status, request);
    }
}
