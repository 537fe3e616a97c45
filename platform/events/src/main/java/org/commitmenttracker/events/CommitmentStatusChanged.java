package org.commitmenttracker.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The registry changed a commitment's status. {@code from} is null when the commitment was first
 * registered. Carries what subscribers filter on, so notification needs no call back.
 */
public record CommitmentStatusChanged(
        String commitmentId,
        String documentId,
        Integer section,
        String text,
        List<String> parties,
        List<String> topics,
        List<String> organisations,
        List<String> agencies,
        LocalDate dueDate,
        String from,
        String to,
        String cause,
        String actor,
        Instant changedAt,
        long version) implements EventData {

    public CommitmentStatusChanged {
        parties = parties == null ? List.of() : List.copyOf(parties);
        topics = topics == null ? List.of() : List.copyOf(topics);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
    }

    @Override
    public String subject() {
        return commitmentId;
    }
}
