package org.commitmenttracker.loadtest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.ProgressReported;
import org.commitmenttracker.events.Topics;

/**
 * The progress load: one report every 1/rate seconds, each on a commitment of this run without a report in flight
 * (none free: a starved tick), moving it to its next status, over HTTP ({@code --http-share}) or Kafka, from 32
 * agency token subjects (the write rate limit is per subject). A report is done when its webhook comes back
 * ({@link WebhookReceiver}); refused or failed, its commitment is free again.
 */
final class ProgressLoad implements AutoCloseable {
    private static final String SOURCE = "urn:commitment-tracker:loadtest";
    private static final int TOKEN_SUBJECTS = 32;
    private static final Map<String, String> NEXT = Map.of("PLEDGED", "IN_PROGRESS", "IN_PROGRESS", "STALLED",
            "STALLED", "IN_PROGRESS");
    /** Fault mode: load goes on this long after the last fault's target is ready again. */
    private static final Duration AFTER_LAST_FAULT = Duration.ofSeconds(5);

    /** A report as {@code POST /api/commitments/{id}/progress} takes it. */
    record HttpReport(UUID eventId, String agencyId, String status, int percentComplete, String note, Instant occurredAt) {
    }

    /** The window of reports: how many went out, and what came back within it. */
    record Window(double seconds, long sent, long sentHttp, long starvedTicks, long completed, long announced,
                  Map<String, Long> lagAtEnd) {
    }

    /** What the progress load achieved, against the raw rates, and how settling it went. */
    record Figures(int commitments, long commitmentsNotAssigned, double offeredPerS, double windowS, long sent,
                   long sentHttp, long sentKafka, long starvedTicks, long refused, Map<String, Integer> errors,
                   double sentPerS, double statusChangesPerS, double webhooksPerS,
                   Double appliedFractionOfRawVersionedUpdates, Double statusChangesFractionOfRawProduce,
                   Map<String, Long> lagAtWindowEnd, double drainS, long announcedTotal, long webhooksTotal, long lost,
                   long unsettled, long webhookDuplicates, long webhooksResynchronising, long receiverFailuresAnswered,
                   Latency latency) {
    }

    /**
     * @param reportToApplied    to the registry's write ({@code changedAt} of the status change; wall clocks of one host,
     *                           to the millisecond, as are the next two)
     * @param appliedToPublished from that write to the relay's send (the record's timestamp)
     */
    record Latency(Latencies.Summary reportToStatusChange, Latencies.Summary reportToApplied,
                   Latencies.Summary appliedToPublished, Latencies.Summary publishedToConsumed,
                   Latencies.Summary reportToWebhook, Latencies.Summary httpResponse) {
    }

    private final PlatformApi api;
    private final Ledger ledger;
    private final AckLog acks;
    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;
    private final double httpShare;
    private final List<String> agencyTokens = new ArrayList<>();
    private final AtomicInteger pendingHttp = new AtomicInteger();
    private final Latencies httpResponse = new Latencies();

    /** @param httpShare the share of reports sent over HTTP, the rest on Kafka */
    ProgressLoad(PlatformApi api, String bootstrapServers, double httpShare, Ledger ledger, AckLog acks) {
        this.api = api;
        this.httpShare = httpShare;
        this.ledger = ledger;
        this.acks = acks;
        for (int i = 0; i < TOKEN_SUBJECTS; i++) {
            agencyTokens.add(api.token("loadtest-agency-" + i, List.of("agency"), LoadDriver.AGENCY));
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** This run's commitments (a targeted platform may register others meanwhile), in a fixed random order, into the pool. */
    int openPool() {
        List<Ledger.Commitment> pool = new ArrayList<>(ledger.commitments.values().stream().filter(commitment -> {
            Ledger.Communique communique = ledger.communiques.get(commitment.documentId);
            return communique != null && communique.uploaded();
        }).toList());
        pool.sort(Comparator.comparing(commitment -> commitment.id));
        Collections.shuffle(pool, new Random(42));
        pool.forEach(ledger::enterPool);
        ledger.poolOpen = true;
        return pool.size();
    }

    /**
     * Offers reports at {@code rate} for {@code duration}; with {@code faults}, on until the last fault's target is
     * ready again and {@link #AFTER_LAST_FAULT} more. Returns with every Kafka report acknowledged or refused.
     */
    Window run(double rate, Duration duration, FaultInjector faults, LagSampler lag) {
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long sent = 0;
        long sentHttp = 0;
        long starved = 0;
        long completedAtStart = ledger.completed.get();
        long announcedAtStart = ledger.announced.get();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (faults != null) {
            faults.start(start, duration);
        }
        for (long i = 0; ; i++) {
            long due = start + i * interval;
            if (due >= end && (faults == null || faults.finished() && due >= faults.finishedNanos() + AFTER_LAST_FAULT.toNanos())) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Ledger.Commitment commitment = ledger.idle.poll();
            if (commitment == null) {
                starved++;
                continue;
            }
            sent++;
            if (random.nextDouble() < httpShare) {
                sentHttp++;
                sendOverHttp(commitment, i);
            } else {
                sendOnKafka(commitment, i);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Window(seconds, sent, sentHttp, starved, ledger.completed.get() - completedAtStart,
                ledger.announced.get() - announcedAtStart, lag.latest());
    }

    /** Every report on Kafka acknowledged or refused. */
    void flush() {
        producer.flush();
    }

    /** Whether HTTP reports are still unanswered. */
    boolean answersPending() {
        return pendingHttp.get() > 0;
    }

    private record Sending(UUID eventId, String status, long sentNanos) {
    }

    /** Marks the report in flight on {@code commitment}: the status it asks for, and when it was sent. */
    private Sending start(Ledger.Commitment commitment) {
        long now = System.nanoTime();
        UUID eventId = UUID.randomUUID();
        synchronized (commitment) {
            String target = NEXT.get(commitment.status);
            commitment.expected = target;
            commitment.inFlight = eventId;
            commitment.sentAtByVersion.put(commitment.version + 1, now);
            return new Sending(eventId, target, now);
        }
    }

    private void sendOverHttp(Ledger.Commitment commitment, long i) {
        Sending report = start(commitment);
        pendingHttp.incrementAndGet();
        api.reportProgress(commitment.id, new HttpReport(report.eventId(), LoadDriver.AGENCY, report.status(), (int) (i % 100),
                        "load test", Instant.now()), agencyTokens.get((int) (i % TOKEN_SUBJECTS)))
                .whenComplete((response, failure) -> {
                    if (failure != null) {
                        refused(commitment, report.eventId(), "http " + failure.getClass().getSimpleName());
                    } else if (response.statusCode() != 200) {
                        refused(commitment, report.eventId(), "http " + response.statusCode());
                    } else {
                        acks.progressOverHttp(report.eventId().toString(), commitment.id);
                        httpResponse.add(System.nanoTime() - report.sentNanos());
                    }
                    pendingHttp.decrementAndGet();
                });
    }

    private void sendOnKafka(Ledger.Commitment commitment, long i) {
        Sending report = start(commitment);
        EventEnvelope<ProgressReported> event = EventEnvelope.of(report.eventId(), SOURCE,
                new ProgressReported(commitment.id, LoadDriver.AGENCY, report.status(), (int) (i % 100), "load test",
                        List.of(), Instant.now()), Instant.now(), null);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PROGRESS, commitment.id, codec.encode(event));
        record.headers().add("authorization", ("Bearer " + agencyTokens.get((int) (i % TOKEN_SUBJECTS)))
                .getBytes(StandardCharsets.UTF_8));
        producer.send(record, (metadata, failure) -> {
            if (failure != null) {
                refused(commitment, report.eventId(), "kafka " + failure.getClass().getSimpleName());
            } else {
                acks.progressOnKafka(report.eventId().toString(), commitment.id,
                        new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset());
            }
        });
    }

    /** A report was refused or failed: its commitment is free again, unless a webhook settled it meanwhile. */
    private void refused(Ledger.Commitment commitment, UUID report, String kind) {
        ledger.errors.add(kind);
        synchronized (commitment) {
            if (!report.equals(commitment.inFlight)) {
                return;
            }
            commitment.expected = null;
            commitment.inFlight = null;
            commitment.sentAtByVersion.remove(commitment.version + 1);
        }
        ledger.idle.add(commitment);
    }

    Latencies.Summary httpResponses() {
        return httpResponse.summary();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
