package org.commitmenttracker.events;

import java.time.Instant;

/**
 * The registry linked a commitment to an earlier commitment of another communiqué that it {@code repeats},
 * {@code renews} or {@code fulfils}. Announced when the link is first made, and again only when its relation
 * changes (a new analysis): the id is the link and its relation, so re-linking the same communiqué announces
 * nothing new. A link that goes (its communiqué withdrawn or analysed again) is not announced.
 * <p>{@code earlierWithoutProgress}: whether, when linked, the earlier commitment and every commitment its chain goes
 * back to were {@code PLEDGED}, {@code STALLED} or {@code OVERDUE}, so that the later one is a pledge renewed without
 * progress; null when the producer did not say (added after the first version of this type).
 */
public record CommitmentLinked(
        String commitmentId,
        String documentId,
        String earlierCommitmentId,
        String earlierDocumentId,
        String relation,
        double similarity,
        String engineVersion,
        Instant linkedAt,
        Boolean earlierWithoutProgress) implements EventData {

    /** A similarity is a share: an event with another is refused, not passed on. */
    public CommitmentLinked {
        if (earlierCommitmentId == null || earlierCommitmentId.isBlank()) {
            throw new IllegalArgumentException("earlierCommitmentId is missing: a link has two ends");
        }
        if (!(similarity >= 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be between 0 and 1, not " + similarity);
        }
    }

    /** The later commitment: its links are announced in order. */
    @Override
    public String subject() {
        return commitmentId;
    }
}
