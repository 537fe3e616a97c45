package org.commitmenttracker.registry.lifecycle;

/** Where a commitment stands. OPEN statuses can still become overdue; the others are final or parked. */
public enum CommitmentStatus {
    PLEDGED, IN_PROGRESS, STALLED, OVERDUE, COMPLETED, CANCELLED, SUPERSEDED, WITHDRAWN;

    public boolean isOpen() {
        return this == PLEDGED || this == IN_PROGRESS || this == STALLED || this == OVERDUE;
    }
}
