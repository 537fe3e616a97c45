package org.commitmenttracker.events;

import java.util.Arrays;
import java.util.Optional;

/** The registry of event types: stable logical name with version, payload record, topic. */
public enum EventType {
    COMMUNIQUE_RECEIVED("communique.received.v1", CommuniqueReceived.class, Topics.COMMUNIQUES),
    COMMUNIQUE_WITHDRAWN("communique.withdrawn.v1", CommuniqueWithdrawn.class, Topics.COMMUNIQUES),
    COMMITMENT_EXTRACTED("commitment.extracted.v1", CommitmentExtracted.class, Topics.COMMITMENTS),
    COMMUNIQUE_ANALYSED("communique.analysed.v1", CommuniqueAnalysed.class, Topics.COMMITMENTS),
    PROGRESS_REPORTED("progress.reported.v1", ProgressReported.class, Topics.PROGRESS),
    COMMITMENT_STATUS_CHANGED("commitment.status-changed.v1", CommitmentStatusChanged.class, Topics.STATUS_CHANGES),
    DEADLINE_APPROACHING("deadline.approaching.v1", DeadlineApproaching.class, Topics.DEADLINES),
    DEADLINE_MISSED("deadline.missed.v1", DeadlineMissed.class, Topics.DEADLINES),
    COMMITMENT_LINKED("commitment.linked.v1", CommitmentLinked.class, Topics.LINKS);

    private final String typeName;
    private final Class<? extends EventData> payloadType;
    private final String topic;

    EventType(String typeName, Class<? extends EventData> payloadType, String topic) {
        this.typeName = typeName;
        this.payloadType = payloadType;
        this.topic = topic;
    }

    public String typeName() {
        return typeName;
    }

    public Class<? extends EventData> payloadType() {
        return payloadType;
    }

    public String topic() {
        return topic;
    }

    /** The URI put in {@code dataschema}: the section of docs/events.md that defines the payload. */
    public String dataSchema() {
        return "urn:commitment-tracker:events:" + typeName;
    }

    public static Optional<EventType> ofTypeName(String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName.equals(typeName)).findFirst();
    }

    public static EventType of(Class<? extends EventData> payloadType) {
        return Arrays.stream(values()).filter(t -> t.payloadType.equals(payloadType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + payloadType));
    }
}
