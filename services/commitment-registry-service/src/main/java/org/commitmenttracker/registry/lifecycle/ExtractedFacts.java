package org.commitmenttracker.registry.lifecycle;

import java.time.LocalDate;
import java.util.List;

import org.commitmenttracker.events.CommitmentExtracted;
import org.commitmenttracker.events.TimeExpression;

/** What extraction says about a commitment: the fields a re-extraction may refresh (never status or history). */
public record ExtractedFacts(String documentId, String documentTitle, LocalDate documentDate, String kind,
                             Integer section, int ordinal, String text, List<String> parties, List<String> instruments,
                             List<String> organisations, List<String> topics, List<TimeExpression> timeExpressions,
                             String engineVersion) {

    public static ExtractedFacts of(CommitmentExtracted e) {
        return new ExtractedFacts(e.documentId(), e.documentTitle(), e.documentDate(), e.kind(), e.section(),
                e.ordinal(), e.text(), e.parties(), e.instruments(), e.organisations(), e.topics(),
                e.timeExpressions(), e.engineVersion());
    }

    /** The latest end among future time expressions: the commitment's due date, or null when it has none. */
    public LocalDate dueDate() {
        return timeExpressions.stream().filter(t -> !t.past() && t.end() != null)
                .map(TimeExpression::end).max(LocalDate::compareTo).orElse(null);
    }
}
