package org.commitmenttracker.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One valid payload of every event type, for the codec's property tests. */
final class EventSamples {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    static final Map<EventType, EventData> BY_TYPE = Map.of(
            EventType.of(CommuniqueReceived.class), new CommuniqueReceived("doc-1", "hash", "公报", "zh",
                    LocalDate.of(2022, 12, 5), "https://example.org/c", "双方商定：\n——支持。", AT, "doc-0"),
            EventType.of(CommuniqueWithdrawn.class), new CommuniqueWithdrawn("doc-1", "wrong file", "publisher-1", AT),
            EventType.of(CommuniqueAnalysed.class), new CommuniqueAnalysed("doc-1", "1.2.0", List.of("cmt-1", "cmt-2"), AT),
            EventType.of(CommitmentExtracted.class), new CommitmentExtracted("cmt-1", "doc-1", "公报", LocalDate.of(2022, 12, 5),
                    "bullet", 2, 3, "支持。", List.of("CN", "RU"), List.of("《协定》"), List.of("SCO"), List.of("trade"),
                    List.of(new TimeExpression("2023年", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), false)), "1.2.0"),
            EventType.of(ProgressReported.class), new ProgressReported("cmt-1", "MOFCOM", "IN_PROGRESS", 40, "Venue booked",
                    List.of("https://example.org/evidence"), AT),
            EventType.of(CommitmentStatusChanged.class), new CommitmentStatusChanged("cmt-1", "doc-1", 2, "支持。",
                    List.of("CN"), List.of("trade"), List.of(), List.of("MOFCOM"), LocalDate.of(2023, 12, 31), "PLEDGED",
                    "IN_PROGRESS", "progress", "MOFCOM", AT, 2),
            EventType.of(DeadlineApproaching.class), new DeadlineApproaching("cmt-1", "doc-1", "2023年", LocalDate.of(2023, 12, 31),
                    30, "IN_PROGRESS"),
            EventType.of(DeadlineMissed.class), new DeadlineMissed("cmt-1", "doc-1", "2023年", LocalDate.of(2023, 12, 31), "IN_PROGRESS"),
            EventType.of(CommitmentLinked.class), new CommitmentLinked("cmt-2", "doc-2", "cmt-1", "doc-1", "renews", 0.83,
                    "1.2.0", AT, true));

    private EventSamples() {
    }

    static EventEnvelope<EventData> envelope(EventData data) {
        return EventEnvelope.of(EventIds.of("sample", data.subject()), "/test", data, AT, Traceparent.newRoot());
    }
}
