package org.commitmenttracker.events;

import java.time.LocalDate;
import java.util.List;

/** One commitment found in a communiqué by extraction. {@code commitmentId} is stable across re-extractions. */
public record CommitmentExtracted(
        String commitmentId,
        String documentId,
        String documentTitle,
        LocalDate documentDate,
        String kind,
        Integer section,
        int ordinal,
        String text,
        List<String> parties,
        List<String> instruments,
        List<String> organisations,
        List<String> topics,
        List<TimeExpression> timeExpressions,
        String engineVersion) implements EventData {

    public CommitmentExtracted {
        if (documentId == null || documentId.isBlank()) {
            throw new IllegalArgumentException("documentId is missing: a commitment belongs to a communiqué");
        }
        parties = List.copyOf(parties);
        instruments = List.copyOf(instruments);
        organisations = List.copyOf(organisations);
        topics = List.copyOf(topics);
        timeExpressions = List.copyOf(timeExpressions);
    }

    @Override
    public String subject() {
        return commitmentId;
    }
}
