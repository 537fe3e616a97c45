package org.commitmenttracker.events;

/**
 * The payload of an event. Each implementation is an immutable record whose logical type name and
 * topic are declared in {@link EventType}; the Java class name never goes on the wire.
 */
public sealed interface EventData permits CommuniqueReceived, CommuniqueWithdrawn, CommuniqueAnalysed, CommitmentExtracted,
        ProgressReported, CommitmentStatusChanged, DeadlineApproaching, DeadlineMissed, CommitmentLinked {

    /** The id whose order matters: the Kafka record key and the envelope's {@code subject}. */
    String subject();
}
