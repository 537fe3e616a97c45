package org.commitmenttracker.extraction.engine;

import java.util.List;

/**
 * One commitment: a bullet under an agreement cue or a narrative sentence of future intent, with what it
 * references. {@code id} is derived from the document id and the normalised text (see {@link CommitmentIds}).
 */
public record Commitment(String id, Kind kind, Integer section, int ordinal, String text, List<String> parties,
                         List<String> instruments, List<String> organisations, List<String> topics,
                         List<TimeSpan> timeExpressions) {
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
