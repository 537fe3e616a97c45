package org.commitmenttracker.events;

import java.time.LocalDate;

/** A milestone of an open commitment passed (end of its last day in the registry's time zone). */
public record DeadlineMissed(
        String commitmentId,
        String documentId,
        String milestone,
        LocalDate dueDate,
        String status) implements EventData {

    @Override
    public String subject() {
        return commitmentId;
    }
}
