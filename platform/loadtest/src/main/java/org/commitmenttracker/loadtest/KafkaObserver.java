package org.commitmenttracker.loadtest;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.CommuniqueAnalysed;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.Topics;

/**
 * Reads {@code commitments} (analyses) and {@code status-changes} (registrations, applied reports) as they come, from
 * their end when it starts, into the {@link Ledger}: which commitments each communiqué has, and when a report's
 * status change was announced.
 */
final class KafkaObserver implements AutoCloseable {
    private final Ledger ledger;
    private final EventCodec codec = new EventCodec();
    private final KafkaConsumer<String, byte[]> consumer;
    private volatile boolean stopping;

    private KafkaObserver(String bootstrapServers, Ledger ledger) {
        this.ledger = ledger;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "loadtest-observer-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Starts observing; returns once the observer has its partitions and positions (within 60 s). */
    static KafkaObserver start(String bootstrapServers, Ledger ledger) throws InterruptedException {
        KafkaObserver observer = new KafkaObserver(bootstrapServers, ledger);
        CountDownLatch assigned = new CountDownLatch(1);
        Threads.startDaemon("observer", () -> observer.poll(assigned));
        if (!assigned.await(60, TimeUnit.SECONDS)) {
            observer.close();
            throw new IllegalStateException("the observer got no partitions of " + Topics.STATUS_CHANGES);
        }
        return observer;
    }

    private void poll(CountDownLatch assigned) {
        try {
            consumer.subscribe(List.of(Topics.COMMITMENTS, Topics.STATUS_CHANGES));
            while (!stopping) {
                var records = consumer.poll(Duration.ofMillis(100));
                if (!consumer.assignment().isEmpty() && assigned.getCount() > 0) {
                    consumer.assignment().forEach(consumer::position); // fixes "latest" before anything is uploaded
                    assigned.countDown();
                }
                long now = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    observe(record.value(), record.timestamp(), now);
                }
            }
        } catch (WakeupException e) {
            // stopping
        } finally {
            consumer.close();
        }
    }

    /** One record of either topic: its value, its timestamp (epoch ms: when it was published), when it was read. */
    void observe(byte[] value, long publishedMillis, long now) {
        EventEnvelope<? extends EventData> event;
        try {
            event = codec.decode(value);
        } catch (RuntimeException e) {
            return;
        }
        if (event.data() instanceof CommuniqueAnalysed analysed) {
            Ledger.Communique communique = ledger.communique(analysed.documentId());
            communique.expected = analysed.commitmentIds().size();
            communique.analysedNanos = now;
        } else if (event.data() instanceof CommitmentStatusChanged change) {
            if (change.from() == null) {
                registered(change, now);
            } else {
                announced(change, publishedMillis, now);
            }
        }
    }

    private void registered(CommitmentStatusChanged change, long now) {
        Ledger.Communique communique = ledger.communique(change.documentId());
        if (change.agencies().contains(LoadDriver.AGENCY)) {
            Ledger.Commitment commitment = ledger.commitments.computeIfAbsent(change.commitmentId(),
                    id -> new Ledger.Commitment(id, change.documentId()));
            if (ledger.poolOpen && communique.uploaded()) {
                ledger.enterPool(commitment); // registered from an upload during the progress window (fault mode)
            }
        } else {
            ledger.unassigned.incrementAndGet();
        }
        communique.registered.incrementAndGet();
        communique.registeredNanos = now;
    }

    private void announced(CommitmentStatusChanged change, long publishedMillis, long now) {
        Ledger.Commitment commitment = ledger.commitments.get(change.commitmentId());
        if (commitment == null) {
            return;
        }
        synchronized (commitment) {
            if (change.version() <= commitment.lastAnnounced) {
                return; // a duplicate (the relay publishes at least once)
            }
            commitment.lastAnnounced = change.version();
            Long sentAt = commitment.sentAtByVersion.get(change.version());
            if (sentAt != null) {
                ledger.reportToStatusChange.add(now - sentAt);
                ledger.announced.incrementAndGet();
                if (change.changedAt() != null) {
                    long appliedMillis = change.changedAt().toEpochMilli();
                    ledger.reportToApplied.add((appliedMillis - ledger.wallMillis(sentAt)) * 1_000_000);
                    ledger.appliedToPublished.add((publishedMillis - appliedMillis) * 1_000_000);
                    ledger.publishedToConsumed.add((ledger.wallMillis(now) - publishedMillis) * 1_000_000);
                }
            }
        }
    }

    @Override
    public void close() {
        stopping = true;
        consumer.wakeup();
    }
}
