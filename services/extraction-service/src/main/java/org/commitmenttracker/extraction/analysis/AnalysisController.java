package org.commitmenttracker.extraction.analysis;

import java.time.Instant;
import java.util.List;

import org.commitmenttracker.extraction.engine.Commitment;
import org.commitmenttracker.extraction.engine.DocumentMetadata;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/analyses/{documentId}}: the stored analysis (document, commitments, signed instruments). */
@RestController
@RequestMapping("/api/analyses")
class AnalysisController {
    private final CommuniqueExtraction extraction;

    AnalysisController(CommuniqueExtraction extraction) {
        this.extraction = extraction;
    }

    /** The analysis as the API shows it (the outbox is internal). */
    record AnalysisView(String documentId, String engineVersion, Instant analysedAt, String noCommitmentReason,
                        DocumentMetadata document, List<Commitment> commitments, List<String> signedInstruments) {
    }

    @GetMapping("/{documentId}")
    AnalysisView get(@PathVariable String documentId) {
        AnalysisRecord record = extraction.find(documentId).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No analysis of document " + documentId + "."));
        return new AnalysisView(record.documentId(), record.engineVersion(), record.analysedAt(),
                record.noCommitmentReason(), record.analysis().document(), record.analysis().commitments(),
                record.analysis().signedInstruments());
    }
}
