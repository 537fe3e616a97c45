package org.commitmenttracker.loadtest;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the load generators, the Kafka observer and the webhook receiver share: this run's communiqués and
 * commitments as seen so far, the commitments free for a report, and the counts and latencies they add to.
 */
final class Ledger {
    /** One uploaded (or announced) communiqué: when it was uploaded, analysed, and its commitments registered and notified. */
    static final class Communique {
        volatile long uploadNanos;
        volatile long analysedNanos;
        volatile int expected = -1;
        final AtomicInteger registered = new AtomicInteger();
        volatile long registeredNanos;
        final AtomicInteger notified = new AtomicInteger();
        volatile long notifiedNanos;

        boolean uploaded() {
            return uploadNanos != 0;
        }

        boolean done() {
            return expected >= 0 && registered.get() >= expected && notified.get() >= expected;
        }
    }

    /** One commitment of this run's agency: its state as the webhooks told it, and the report in flight (guarded by itself). */
    static final class Commitment {
        final String id;
        final String documentId;
        String status = "PLEDGED";
        long version = 1;
        long lastAnnounced = 1;
        String expected;            // the status of the report in flight, null when idle
        UUID inFlight;              // that report's event id
        final Map<Long, Long> sentAtByVersion = new HashMap<>(); // version a report makes → when it was sent

        Commitment(String id, String documentId) {
            this.id = id;
            this.documentId = documentId;
        }
    }

    final Map<String, Communique> communiques = new ConcurrentHashMap<>();
    final Map<String, Commitment> commitments = new ConcurrentHashMap<>();
    /** Commitments without a report in flight: the progress load takes the next one from here. */
    final ConcurrentLinkedQueue<Commitment> idle = new ConcurrentLinkedQueue<>();
    private final Set<String> pooled = ConcurrentHashMap.newKeySet();
    /** From the start of the progress window, new registrations of this run's uploads join the pool. */
    volatile boolean poolOpen;

    final AtomicLong announced = new AtomicLong();
    final AtomicLong unassigned = new AtomicLong();
    final AtomicLong resynchronised = new AtomicLong();
    final AtomicLong completed = new AtomicLong();
    final Latencies reportToStatusChange = new Latencies();
    /** The same reports by stage: sent → applied (the change's changedAt), → published (its record's time), → consumed. */
    final Latencies reportToApplied = new Latencies();
    final Latencies appliedToPublished = new Latencies();
    final Latencies publishedToConsumed = new Latencies();
    final Latencies reportToWebhook = new Latencies();
    final Errors errors = new Errors();

    private final long wallBaseMillis = System.currentTimeMillis();
    private final long wallBaseNanos = System.nanoTime();

    /** A {@code System.nanoTime()} of this run as wall-clock epoch ms, to compare with the platform's timestamps (same host). */
    long wallMillis(long nanos) {
        return wallBaseMillis + (nanos - wallBaseNanos) / 1_000_000;
    }

    Communique communique(String documentId) {
        return communiques.computeIfAbsent(documentId, k -> new Communique());
    }

    /** Makes a commitment available for reports, once. */
    void enterPool(Commitment commitment) {
        if (pooled.add(commitment.id)) {
            idle.add(commitment);
        }
    }

    int pooled() {
        return pooled.size();
    }

    /** Commitments with a report whose outcome has not come back. */
    long inFlight() {
        return commitments.values().stream().filter(commitment -> {
            synchronized (commitment) {
                return commitment.expected != null;
            }
        }).count();
    }

    /** Commitment count expected per communiqué this run uploaded (-1: not analysed yet). */
    Map<String, Integer> expectedByUpload() {
        Map<String, Integer> expected = new HashMap<>();
        communiques.forEach((id, communique) -> {
            if (communique.uploaded()) {
                expected.put(id, communique.expected);
            }
        });
        return expected;
    }

    /** Failures the run met, counted by kind. */
    static final class Errors {
        private final AtomicLong total = new AtomicLong();
        private final Map<String, AtomicInteger> byKind = new ConcurrentHashMap<>();

        void add(String kind) {
            total.incrementAndGet();
            byKind.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        }

        long total() {
            return total.get();
        }

        Map<String, Integer> byKind() {
            Map<String, Integer> copy = new java.util.TreeMap<>();
            byKind.forEach((kind, count) -> copy.put(kind, count.get()));
            return copy;
        }
    }
}
