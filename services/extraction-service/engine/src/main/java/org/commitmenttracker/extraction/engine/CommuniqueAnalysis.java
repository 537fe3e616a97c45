package org.commitmenttracker.extraction.engine;

import java.util.List;

/** What the engine finds in one communiqué. */
public record CommuniqueAnalysis(DocumentMetadata document, List<Commitment> commitments, List<String> signedInstruments) {
    public CommuniqueAnalysis {
        commitments = List.copyOf(commitments);
        signedInstruments = List.copyOf(signedInstruments);
    }
}
