package org.commitmenttracker.registry.lifecycle;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.commitmenttracker.events.CommitmentExtracted;
import org.commitmenttracker.events.TimeExpression;

/** What extraction (or an analyst) says about a commitment: the fields a re-extraction may refresh. */
public record ExtractedFacts(String documentId, String documentTitle, LocalDate documentDate, String kind,
                             Integer section, int ordinal, String text, List<String> parties, List<String> instruments,
                             List<String> organisations, List<String> topics, List<TimeExpression> timeExpressions,
                             String engineVersion) {
    /** Fields an analyst may correct; a correction wins over later re-extractions. */
    public static final Set<String> CORRECTABLE = Set.of("text", "section", "parties", "topics", "dueDate");

    public ExtractedFacts {
        parties = parties == null ? List.of() : List.copyOf(parties);
        instruments = instruments == null ? List.of() : List.copyOf(instruments);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        topics = topics == null ? List.of() : List.copyOf(topics);
        timeExpressions = timeExpressions == null ? List.of() : List.copyOf(timeExpressions);
    }

    public static ExtractedFacts of(CommitmentExtracted e) {
        return new ExtractedFacts(e.documentId(), e.documentTitle(), e.documentDate(), e.kind(), e.section(),
                e.ordinal(), e.text(), e.parties(), e.instruments(), e.organisations(), e.topics(),
                e.timeExpressions(), e.engineVersion());
    }

    /** The future time expressions, each due at its end. */
    public List<Milestone> milestones() {
        return timeExpressions.stream().filter(t -> !t.past() && t.end() != null)
                .map(t -> new Milestone(t.text(), t.end())).toList();
    }

    /** The latest milestone's due date, or null when the commitment has none. */
    public LocalDate dueDate() {
        return milestones().stream().map(Milestone::dueDate).max(LocalDate::compareTo).orElse(null);
    }

    /**
     * Whether these facts come from an older engine version than {@code other}'s (dotted numbers compared part by
     * part; a version that is not dotted numbers, or none, is never older: such facts are applied as they come).
     */
    boolean isOlderEngineThan(ExtractedFacts other) {
        int[] mine = versionParts(engineVersion);
        int[] theirs = versionParts(other.engineVersion);
        return mine != null && theirs != null && Arrays.compare(mine, theirs) < 0;
    }

    private static int[] versionParts(String version) {
        if (version == null || !version.matches("\\d{1,9}(\\.\\d{1,9})*")) {
            return null;
        }
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    /** {@code incoming}, except the fields in {@code corrected}, which keep their current (corrected) values. */
    ExtractedFacts refreshedBy(ExtractedFacts incoming, Set<String> corrected) {
        return new ExtractedFacts(incoming.documentId, incoming.documentTitle, incoming.documentDate, incoming.kind,
                corrected.contains("section") ? section : incoming.section, incoming.ordinal,
                corrected.contains("text") ? text : incoming.text,
                corrected.contains("parties") ? parties : incoming.parties, incoming.instruments,
                incoming.organisations, corrected.contains("topics") ? topics : incoming.topics,
                incoming.timeExpressions, incoming.engineVersion);
    }

    ExtractedFacts corrected(Correction c) {
        return new ExtractedFacts(documentId, documentTitle, documentDate, kind,
                c.section() != null ? c.section() : section, ordinal, c.text() != null ? c.text() : text,
                c.parties() != null ? c.parties() : parties, instruments, organisations,
                c.topics() != null ? c.topics() : topics, timeExpressions, engineVersion);
    }
}
