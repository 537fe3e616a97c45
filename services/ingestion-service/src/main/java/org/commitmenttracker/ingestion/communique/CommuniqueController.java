package org.commitmenttracker.ingestion.communique;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/communiques}: submit a communiqué as text, read it back. */
@RestController
@RequestMapping("/api/communiques")
public class CommuniqueController {
    private final CommuniqueIntake intake;

    public CommuniqueController(CommuniqueIntake intake) {
        this.intake = intake;
    }

    /** The stored record as the API shows it (the outbox is internal). */
    public record CommuniqueView(String id, String contentHash, String title, String language, LocalDate publishedOn,
                                 String sourceUrl, String mediaType, String status, Instant receivedAt, String text) {
        static CommuniqueView of(Communique c) {
            return new CommuniqueView(c.id(), c.contentHash(), c.title(), c.language(), c.publishedOn(), c.sourceUrl(),
                    c.mediaType(), c.status().name(), c.receivedAt(), c.text());
        }
    }

    /** 201 with Location when new; 200 with the existing record when the same text was stored before. */
    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<CommuniqueView> submitText(@RequestBody(required = false) String text) {
        if (text == null || text.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The communiqué text is empty.");
        }
        CommuniqueIntake.Outcome outcome = intake.submit(new Submission(text, null, null, null, null, MediaType.TEXT_PLAIN_VALUE));
        CommuniqueView view = CommuniqueView.of(outcome.communique());
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/communiques/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/{id}")
    public CommuniqueView get(@PathVariable String id) {
        return intake.find(id).map(CommuniqueView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No communiqué " + id + "."));
    }
}
