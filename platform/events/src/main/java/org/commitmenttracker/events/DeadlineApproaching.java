package org.commitmenttracker.events;

import java.time.LocalDate;

/** A milestone of an open commitment falls due within {@code daysBefore} days. */
public record DeadlineApproaching(
        String commitmentId,
        String documentId,
        String milestone,
        LocalDate dueDate,
        int daysBefore,
        String status) implements EventData {

    @Override
    public String subject() {
        return commitmentId;
    }
}
