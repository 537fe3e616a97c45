package org.commitmenttracker.notification.alerts;

import java.util.List;

import org.commitmenttracker.notification.matching.Occurrence;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of a commitment from its status changes: the facts subscribers filter on, which
 * deadline events do not carry.
 */
@Document(CommitmentFacts.COLLECTION)
record CommitmentFacts(@Id String commitmentId, String documentId, Integer section, String text, List<String> parties,
                       List<String> topics, List<String> organisations, List<String> agencies) {
    static final String COLLECTION = "commitment_facts";

    /** What a status change tells of its commitment (its occurrence carries every fact). */
    static CommitmentFacts of(Occurrence change) {
        return new CommitmentFacts(change.commitmentId(), change.documentId(), change.section(), change.text(),
                change.parties(), change.topics(), change.organisations(), change.agencies());
    }
}
