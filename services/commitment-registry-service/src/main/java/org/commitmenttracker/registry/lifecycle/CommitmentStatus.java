package org.commitmenttracker.registry.lifecycle;

/** Where a commitment stands. OPEN statuses can still become overdue; the others are final or parked. */
public enum CommitmentStatus {
    PLEDGED, IN_PROGRESS, STALLED, OVERDUE, COMPLETED, CANCELLED, SUPERSEDED, WITHDRAWN;

    public boolean isOpen() {
        return this == PLEDGED || this == IN_PROGRESS || this == STALLED || this == OVERDUE;
    }

    /**
     * What an agency may report of its own work. OVERDUE is the deadline watcher's; CANCELLED, SUPERSEDED and WITHDRAWN
     * are an operator's or extraction's decisions, which would take a commitment out of compliance scoring.
     */
    public boolean isReportedByAgencies() {
        return this == IN_PROGRESS || this == STALLED || this == COMPLETED;
    }
}
