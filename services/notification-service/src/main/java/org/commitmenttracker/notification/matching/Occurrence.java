package org.commitmenttracker.notification.matching;

import java.util.List;

/**
 * What happened to a commitment, in the terms subscription filters use. Facts a deadline event does not
 * carry (text, parties…) come from the service's own record of the commitment and are empty when unknown.
 *
 * @param status      the commitment's status after the event
 * @param from        the status before a status change (null for a first registration and for deadlines)
 * @param horizonDays days before the due date, for {@code deadline.approaching}; null otherwise
 */
public record Occurrence(EventKind kind, String commitmentId, String documentId, Integer section, String text,
                         List<String> parties, List<String> topics, List<String> organisations, List<String> agencies,
                         String status, String from, Integer horizonDays) {

    public Occurrence {
        text = text == null ? "" : text;
        parties = parties == null ? List.of() : List.copyOf(parties);
        topics = topics == null ? List.of() : List.copyOf(topics);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
    }
}
