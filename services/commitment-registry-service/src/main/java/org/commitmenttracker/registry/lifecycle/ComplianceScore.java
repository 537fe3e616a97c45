package org.commitmenttracker.registry.lifecycle;

/**
 * Compliance in the G7/G20 Research Group convention: +1 full compliance (COMPLETED, on time or late),
 * 0 partial (IN_PROGRESS), −1 none (PLEDGED with nothing done, STALLED, OVERDUE). CANCELLED, SUPERSEDED
 * and WITHDRAWN commitments are no longer assessed (null) and are left out of averages.
 */
public final class ComplianceScore {
    private ComplianceScore() {
    }

    public static Integer of(CommitmentStatus status) {
        return switch (status) {
            case COMPLETED -> 1;
            case IN_PROGRESS -> 0;
            case PLEDGED, STALLED, OVERDUE -> -1;
            case CANCELLED, SUPERSEDED, WITHDRAWN -> null;
        };
    }
}
