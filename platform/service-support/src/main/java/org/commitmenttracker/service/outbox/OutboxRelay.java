package org.commitmenttracker.service.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events embedded in aggregate documents ({@code outbox} array field) and removes each once
 * the broker acknowledged it. A write triggers an immediate publish of its document; a periodic sweep
 * catches whatever a crash or a broker outage left behind. Delivery is at least once: consumers dedupe
 * on event id.
 * <p>Documents are published on lanes chosen by document id, so the events of one aggregate keep their
 * order while different aggregates are published in parallel. A lane publishes whatever accumulated while
 * it was busy in one go (up to {@value #MAX_BATCH} documents): one read, one burst of sends, one bulk
 * removal, so a burst of writes costs a few store round trips instead of two per document.
 */
public class OutboxRelay implements DisposableBean {
    public static final String FIELD = "outbox";
    static final int MAX_FAILURES_PER_SWEEP = 3;
    static final int MAX_BATCH = 256;
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final List<String> collections;
    private final Duration sendTimeout;
    private final Lane[] lanes;
    private final AtomicLong published = new AtomicLong();

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<String> collections,
                       int laneCount, Duration sendTimeout) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.sendTimeout = sendTimeout;
        this.lanes = new Lane[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = new Lane("outbox-lane-" + i);
        }
    }

    /**
     * Publishes the pending events of one document soon, on its lane; failures are left to the sweep. The
     * future completes once the lane has worked through everything waiting for it, this document included.
     */
    public CompletableFuture<Void> publishSoon(String collection, Object id) {
        return laneOf(id).add(collection, id);
    }

    /** Publishes every pending event of one document and removes them from its outbox. */
    public int publish(String collection, Object id) {
        return publishAll(collection, List.of(id));
    }

    /**
     * Publishes the pending events of {@code ids} (one read), waits for the broker's acknowledgements and
     * removes the acknowledged ones (one bulk write). A document with an unacknowledged event keeps all its
     * events for the sweep; the others are done.
     */
    int publishAll(String collection, List<Object> ids) {
        Map<Object, List<Document>> pendingByDocument = new LinkedHashMap<>();
        for (Document document : mongo.getCollection(collection).find(Filters.in("_id", ids))
                .projection(new Document(FIELD, 1))) {
            List<Document> pending = document.getList(FIELD, Document.class, List.of());
            if (!pending.isEmpty()) {
                pendingByDocument.put(document.get("_id"), pending);
            }
        }
        if (pendingByDocument.isEmpty()) {
            return 0;
        }
        Map<Object, CompletableFuture<Void>> sends = new LinkedHashMap<>();
        pendingByDocument.forEach((id, pending) -> sends.put(id, CompletableFuture.allOf(pending.stream()
                .map(this::send).toArray(CompletableFuture[]::new))));
        try {
            CompletableFuture.allOf(sends.values().toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Some sends failed or timed out: the acknowledged documents are still removed below.
        }
        List<WriteModel<Document>> removals = new ArrayList<>();
        int acknowledged = 0;
        for (Map.Entry<Object, CompletableFuture<Void>> send : sends.entrySet()) {
            if (send.getValue().isDone() && !send.getValue().isCompletedExceptionally()) {
                List<String> eventIds = pendingByDocument.get(send.getKey()).stream().map(m -> m.getString("eventId")).toList();
                removals.add(new UpdateOneModel<>(Filters.eq("_id", send.getKey()),
                        new Document("$pull", new Document(FIELD, new Document("eventId", new Document("$in", eventIds))))));
                acknowledged += eventIds.size();
            }
        }
        if (!removals.isEmpty()) {
            mongo.getCollection(collection).bulkWrite(removals, new BulkWriteOptions().ordered(false));
            published.addAndGet(acknowledged);
        }
        if (removals.size() < sends.size()) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox of " + (sends.size() - removals.size())
                    + " of " + sends.size() + " documents in " + collection);
        }
        return acknowledged;
    }

    /** A send that failed at once (a record too large, no metadata) fails its document only, not the batch. */
    private CompletableFuture<?> send(Document message) {
        try {
            return kafka.send(message.getString("topic"), message.getString("key"),
                    message.getString("payload").getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Publishes every document that still has pending events; runs periodically and at start-up. Each
     * document is published on its lane, so a sweep never races an immediate publish of the same document
     * (which would announce its events twice).
     */
    public int sweep() {
        int count = 0;
        int failuresInARow = 0;
        for (String collection : collections) {
            Map<Lane, List<Object>> byLane = new LinkedHashMap<>();
            for (Document document : mongo.getCollection(collection).find(pendingFilter())
                    .projection(new Document("_id", 1)).limit(1000)) {
                byLane.computeIfAbsent(laneOf(document.get("_id")), lane -> new ArrayList<>()).add(document.get("_id"));
            }
            for (Map.Entry<Lane, List<Object>> batch : byLane.entrySet()) {
                try {
                    count += CompletableFuture.supplyAsync(() -> publishAll(collection, batch.getValue()),
                            batch.getKey().executor).join();
                    failuresInARow = 0;
                } catch (RuntimeException e) {
                    log.warn("Outbox sweep: {} documents of {} not all published yet: {}", batch.getValue().size(),
                            collection, e.toString());
                    // A lane that cannot publish must not hold back the others; several failing in a row mean
                    // the broker is down: wait for the next sweep.
                    if (++failuresInARow >= MAX_FAILURES_PER_SWEEP) {
                        return count;
                    }
                }
            }
        }
        return count;
    }

    /** Documents with unpublished events, over all outbox collections. */
    public long backlog() {
        long total = 0;
        for (String collection : collections) {
            total += mongo.getCollection(collection).countDocuments(pendingFilter());
        }
        return total;
    }

    public long publishedCount() {
        return published.get();
    }

    private static Document pendingFilter() {
        return new Document(FIELD + ".0", new Document("$exists", true));
    }

    private Lane laneOf(Object id) {
        return lanes[Math.floorMod(id.hashCode(), lanes.length)];
    }

    @Override
    public void destroy() throws InterruptedException {
        for (Lane lane : lanes) {
            lane.executor.shutdown();
        }
        for (Lane lane : lanes) {
            lane.executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** One thread and the documents waiting for it, by collection (each at most once). */
    private final class Lane {
        private final ExecutorService executor;
        private final Map<String, LinkedHashSet<Object>> waiting = new HashMap<>();
        private CompletableFuture<Void> drained;
        /** The finished drain's future, handed from next() to the end of drain(): the lane's thread only. */
        private CompletableFuture<Void> detached;

        Lane(String name) {
            executor = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, name);
                thread.setDaemon(true);
                return thread;
            });
        }

        synchronized CompletableFuture<Void> add(String collection, Object id) {
            waiting.computeIfAbsent(collection, c -> new LinkedHashSet<>()).add(id);
            if (drained == null) {
                CompletableFuture<Void> scheduled = new CompletableFuture<>();
                executor.execute(this::drain); // refused only after shutdown: nothing scheduled, left to the sweep
                drained = scheduled;
            }
            return drained;
        }

        private void drain() {
            try {
                while (true) {
                    Map<String, List<Object>> batch = next();
                    if (batch.isEmpty()) {
                        return;
                    }
                    batch.forEach((collection, ids) -> {
                        try {
                            publishAll(collection, ids);
                        } catch (RuntimeException e) {
                            log.warn("Outbox publish of {} documents of {} failed, the sweep will retry: {}", ids.size(),
                                    collection, e.toString());
                        }
                    });
                }
            } finally {
                // Normally next() detached the drain when nothing was left; after an Error, detach it here so that
                // the next write schedules a drain again instead of jamming the lane.
                CompletableFuture<Void> done = detached != null ? detached : detach();
                detached = null;
                if (done != null) {
                    done.complete(null); // outside the lock: callers' callbacks run here
                }
            }
        }

        private synchronized CompletableFuture<Void> detach() {
            CompletableFuture<Void> done = drained;
            drained = null;
            return done;
        }

        /** Takes up to MAX_BATCH waiting documents per collection; none left ends the drain. */
        private synchronized Map<String, List<Object>> next() {
            Map<String, List<Object>> batch = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, LinkedHashSet<Object>>> entries = waiting.entrySet().iterator(); entries.hasNext(); ) {
                Map.Entry<String, LinkedHashSet<Object>> entry = entries.next();
                List<Object> ids = new ArrayList<>(Math.min(entry.getValue().size(), MAX_BATCH));
                for (Iterator<Object> waitingIds = entry.getValue().iterator(); waitingIds.hasNext() && ids.size() < MAX_BATCH; ) {
                    ids.add(waitingIds.next());
                    waitingIds.remove();
                }
                batch.put(entry.getKey(), ids);
                if (entry.getValue().isEmpty()) {
                    entries.remove();
                }
            }
            if (batch.isEmpty()) {
                detached = drained; // in the same lock as the check: a write after it schedules a new drain
                drained = null;
            }
            return batch;
        }
    }
}
