package org.commitmenttracker.registry.lifecycle;

/**
 * A report that would take the text the agencies reported on one commitment (notes and evidence links, all kept in
 * its history) past {@link Commitment#MAX_REPORTED_CHARS}: a commitment is one stored document, and one that grew
 * past the store's document limit could no longer be written at all (no report, curation or deadline check).
 */
public class ReportsFull extends RuntimeException {
    public ReportsFull(String commitmentId, long reported, long adding) {
        super("Commitment " + commitmentId + " holds " + reported + " characters of reports; this one adds " + adding
                + ", beyond the " + Commitment.MAX_REPORTED_CHARS + " a commitment keeps. Report with a shorter note "
                + "or fewer evidence links.");
    }
}
