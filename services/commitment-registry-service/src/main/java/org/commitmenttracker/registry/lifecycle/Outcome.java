package org.commitmenttracker.registry.lifecycle;

import java.util.List;

/**
 * The result of an operation on a commitment: its next state, the status changes and deadline notices to
 * announce, and the history entry that answers the operation (for an idempotent repeat: the first one).
 */
public record Outcome(Commitment next, List<StatusChange> statusChanges, List<DeadlineNotice> deadlineNotices,
                      HistoryEntry answer, boolean changed) {
    public Outcome {
        statusChanges = List.copyOf(statusChanges);
        deadlineNotices = List.copyOf(deadlineNotices);
    }

    /** This outcome, also announcing the status changes of an {@code earlier} step it built upon. */
    public Outcome withStatusChangesOf(Outcome earlier) {
        List<StatusChange> all = new java.util.ArrayList<>(earlier.statusChanges);
        all.addAll(statusChanges);
        return new Outcome(next, all, deadlineNotices, answer, true);
    }

    static Outcome unchanged(Commitment commitment, HistoryEntry answer) {
        return new Outcome(commitment, List.of(), List.of(), answer, false);
    }

    static Outcome changed(Commitment next, HistoryEntry entry, List<StatusChange> changes) {
        return new Outcome(next, changes, List.of(), entry, true);
    }
}
