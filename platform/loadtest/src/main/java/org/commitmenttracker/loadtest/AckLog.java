package org.commitmenttracker.loadtest;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.kafka.common.TopicPartition;

/**
 * Every write the platform acknowledged to the driver, with when: uploads answered 2xx, progress reports answered
 * 200 over HTTP, progress reports the broker acknowledged ({@code acks=all}). What must be in the stores afterwards
 * is computed from this log alone.
 */
final class AckLog {
    enum Kind { UPLOAD, PROGRESS_HTTP, PROGRESS_KAFKA }

    /**
     * @param id           the communiqué's id (uploads) or the report's event id
     * @param commitmentId the commitment a report is about; null for uploads
     * @param record       where the broker stored a report sent on Kafka; null otherwise
     * @param offset       its offset there
     */
    record Ack(Kind kind, String id, String commitmentId, long nanos, TopicPartition record, long offset) {
    }

    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();

    void upload(String documentId) {
        acks.add(new Ack(Kind.UPLOAD, documentId, null, System.nanoTime(), null, -1));
    }

    void progressOverHttp(String eventId, String commitmentId) {
        acks.add(new Ack(Kind.PROGRESS_HTTP, eventId, commitmentId, System.nanoTime(), null, -1));
    }

    void progressOnKafka(String eventId, String commitmentId, TopicPartition record, long offset) {
        acks.add(new Ack(Kind.PROGRESS_KAFKA, eventId, commitmentId, System.nanoTime(), record, offset));
    }

    List<Ack> all() {
        return List.copyOf(acks);
    }
}
