package org.commitmenttracker.registry.lifecycle;

/**
 * A report of an agency that is not assigned to the commitment. To that agency the commitment does not exist: the
 * API answers as for an unknown id and names no assigned agency.
 */
public class NotAssigned extends ProgressRejected {
    private final String commitmentId;

    public NotAssigned(String agencyId, String commitmentId) {
        super("Agency " + agencyId + " is not assigned to commitment " + commitmentId + ".");
        this.commitmentId = commitmentId;
    }

    public String commitmentId() {
        return commitmentId;
    }
}
