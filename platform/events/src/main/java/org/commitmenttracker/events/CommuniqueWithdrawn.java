package org.commitmenttracker.events;

import java.time.Instant;

/** A communiqué was withdrawn (wrongly uploaded or retracted); its commitments are withdrawn too, history kept. */
public record CommuniqueWithdrawn(String documentId, String reason, String actor, Instant withdrawnAt)
        implements EventData {

    @Override
    public String subject() {
        return documentId;
    }
}
