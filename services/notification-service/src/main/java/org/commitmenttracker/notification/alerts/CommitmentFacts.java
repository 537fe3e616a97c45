package org.commitmenttracker.notification.alerts;

import java.time.Instant;
import java.util.List;

import org.commitmenttracker.notification.matching.Occurrence;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of a commitment from its status changes: the facts subscribers filter on, which
 * deadline events do not carry, and its latest status (with when it changed: reminders about an overdue
 * commitment stop once it is no longer overdue).
 */
@Document(CommitmentFacts.COLLECTION)
record CommitmentFacts(@Id String commitmentId, String documentId, Integer section, String text, List<String> parties,
                       List<String> topics, List<String> organisations, List<String> agencies, String status,
                       Instant changedAt) {
    static final String COLLECTION = "commitment_facts";

    /** What a status change tells of its commitment (its occurrence carries every fact). */
    static CommitmentFacts of(Occurrence change, Instant changedAt) {
        return new CommitmentFacts(change.commitmentId(), change.documentId(), change.section(), change.text(),
                change.parties(), change.topics(), change.organisations(), change.agencies(), change.status(), changedAt);
    }
}
