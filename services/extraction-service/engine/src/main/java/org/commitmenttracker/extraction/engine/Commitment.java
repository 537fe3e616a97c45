package org.commitmenttracker.extraction.engine;

import java.util.List;

/**
 * One commitment: a bullet under an agreement cue or a narrative sentence of future intent, with what it
 * references. {@code id} is derived from the document id and the normalised text (see {@link CommitmentIds}).
 * {@code start} and {@code end} (exclusive) locate it in the text as ingested, in UTF-16 characters: from the
 * first character of its text (after a bullet's marker) to its last, line wraps inside included.
 */
public record Commitment(String id, Kind kind, Integer section, int ordinal, String text, List<String> parties,
                         List<String> instruments, List<String> organisations, List<String> topics,
                         List<TimeSpan> timeExpressions, int start, int end) {
    public Commitment {
        parties = List.copyOf(parties);
        instruments = List.copyOf(instruments);
        organisations = List.copyOf(organisations);
        topics = List.copyOf(topics);
        timeExpressions = List.copyOf(timeExpressions);
    }

    public enum Kind {
        BULLET, NARRATIVE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
