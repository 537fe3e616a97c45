package org.commitmenttracker.registry.progress;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/commitments/{id}/progress}: an agency system reports progress. */
@RestController
class ProgressController {
    static final int MAX_BODY = 64 * 1024;

    private final ProgressReports reports;
    private final JsonMapper json;

    ProgressController(ProgressReports reports, JsonMapper json) {
        this.reports = reports;
        this.json = json;
    }

    @PostMapping(path = "/api/commitments/{id}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProgressResult report(@PathVariable String id, @RequestBody String body,
                          @RequestHeader(name = "traceparent", required = false) String traceparent) {
        if (body.length() > MAX_BODY) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                    "A progress report is at most " + MAX_BODY / 1024 + " KB.");
        }
        ProgressSubmission submission;
        try {
            submission = json.readValue(body, ProgressSubmission.class);
        } catch (JacksonException e) {
            throw new InvalidProgress("The report is not valid JSON of the expected shape: " + e.getOriginalMessage());
        }
        return reports.apply(id, submission, traceparent);
    }
}
