package org.commitmenttracker.registry.progress;

import org.commitmenttracker.registry.access.AgencyScope;
import org.commitmenttracker.service.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/commitments/{id}/progress}: an agency system reports progress, for the agency its token
 * names ({@code agency_id}) and only on the commitments assigned to that agency.
 */
@RestController
class ProgressController {
    static final int MAX_BODY = 64 * 1024;

    private final ProgressReports reports;
    private final JsonMapper json;

    ProgressController(ProgressReports reports, JsonMapper json) {
        this.reports = reports;
        this.json = json;
    }

    /** The body is read as bytes and parsed strictly: malformed UTF-8 is refused, never patched with U+FFFD. */
    @PostMapping(path = "/api/commitments/{id}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProgressResult report(@PathVariable String id, @RequestBody byte[] body,
                          @RequestHeader(name = "traceparent", required = false) String traceparent,
                          @AuthenticationPrincipal Caller caller) {
        if (body.length > MAX_BODY) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                    "A progress report is at most " + MAX_BODY / 1024 + " KB.");
        }
        ProgressSubmission submission;
        try {
            submission = json.readValue(body, ProgressSubmission.class);
        } catch (JacksonException e) {
            // Where, not the parser's own words (they name Java types and internals).
            throw new InvalidProgress("The report is not valid JSON of the expected shape" + where(e) + ".");
        }
        if (submission == null) {
            throw new InvalidProgress("The report is not valid JSON of the expected shape: an object is required.");
        }
        return reports.apply(id, submission, traceparent, AgencyScope.speaksFor(caller));
    }

    private static String where(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(abbreviate(reference.getPropertyName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (!path.isEmpty()) {
            return " at " + path;
        }
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String abbreviate(String name) {
        return name.length() > 80 ? name.substring(0, 80) + "…" : name;
    }
}
