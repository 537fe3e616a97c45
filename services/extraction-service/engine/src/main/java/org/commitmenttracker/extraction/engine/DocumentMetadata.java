package org.commitmenttracker.extraction.engine;

import java.time.LocalDate;
import java.util.List;

/** Title, language ("zh", "en", "ru"), date, parties (ISO 3166 alpha-2), signatories and meeting name. */
public record DocumentMetadata(String title, String language, LocalDate date, List<String> parties,
                               List<String> signatories, String meeting) {
    public DocumentMetadata {
        parties = List.copyOf(parties);
        signatories = List.copyOf(signatories);
    }
}
