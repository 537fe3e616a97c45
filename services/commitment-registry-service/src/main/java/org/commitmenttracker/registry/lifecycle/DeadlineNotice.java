package org.commitmenttracker.registry.lifecycle;

/**
 * A deadline fact to announce once: a milestone approaching within {@code daysBefore} days, or missed
 * ({@code daysBefore} null). {@code key} identifies it among the commitment's announced deadlines.
 */
public record DeadlineNotice(Milestone milestone, Integer daysBefore) {
    public boolean missed() {
        return daysBefore == null;
    }

    public String key() {
        return milestone.dueDate() + "|" + milestone.text() + "|" + (missed() ? "missed" : daysBefore);
    }
}
