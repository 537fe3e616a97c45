package org.commitmenttracker.service.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>Written documents wait in one queue; a few workers each take everything waiting (up to {@value #MAX_BATCH}
 * documents per collection) and publish it in one go: one read, one burst of sends, one bulk removal. Under load
 * the batches grow instead of the number of store round trips, which is what the store charges for. A document
 * is on at most one worker at a time (the sweep included), so its events keep their order and are never read
 * twice while being published.
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
    private final int workerCount;
    private final ExecutorService workers;
    private final AtomicLong published = new AtomicLong();
    /** A publish failed, or a writer could not say what it wrote, since the last sweep began: sweep again soon. */
    private volatile boolean failedSinceSweep = true;
    /** Documents written since their last publish, by collection, in arrival order. Guarded by {@code this}. */
    private final Map<String, LinkedHashSet<Object>> waiting = new LinkedHashMap<>();
    /** Documents a worker or the sweep is publishing now, by collection. Guarded by {@code this}. */
    private final Map<String, Set<Object>> inFlight = new HashMap<>();
    /** Workers draining the queue now. Guarded by {@code this}. */
    private int activeWorkers;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<String> collections,
                       int workerCount, Duration sendTimeout) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.sendTimeout = sendTimeout;
        this.workerCount = workerCount;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerCount, task -> {
            Thread thread = new Thread(task, "outbox-worker-" + threads.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Publishes the pending events of one document soon; failures are left to the sweep. */
    public void publishSoon(String collection, Object id) {
        publishSoon(collection, List.of(id));
    }

    /** Publishes the pending events of these documents soon, together where a worker is free; failures are left to the sweep. */
    public synchronized void publishSoon(String collection, Collection<?> ids) {
        if (ids.isEmpty()) {
            return;
        }
        waiting.computeIfAbsent(collection, c -> new LinkedHashSet<>()).addAll(ids);
        wake();
    }

    /** Starts another worker if something waits and not all are busy. */
    private synchronized void wake() {
        if (!waiting.isEmpty() && activeWorkers < workerCount) {
            try {
                workers.execute(this::drain);
                activeWorkers++;
            } catch (RejectedExecutionException e) {
                // Shut down: what waits is left to the next start's sweep.
            }
        }
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
     * Publishes every document that still has pending events, in this thread; runs periodically and at start-up.
     * A document a worker is publishing is left to it, so the sweep never announces its events a second time.
     */
    public int sweep() {
        failedSinceSweep = false; // a failure from now on, this sweep's included, asks for the next one
        int count = 0;
        int failuresInARow = 0;
        for (String collection : collections) {
            List<Object> pending = new ArrayList<>();
            for (Document document : mongo.getCollection(collection).find(pendingFilter())
                    .projection(new Document("_id", 1)).limit(1000)) {
                pending.add(document.get("_id"));
            }
            for (int from = 0; from < pending.size(); from += MAX_BATCH) {
                List<Object> claimed = claim(collection, pending.subList(from, Math.min(pending.size(), from + MAX_BATCH)));
                if (claimed.isEmpty()) {
                    continue; // all on workers now
                }
                try {
                    count += publishAll(collection, claimed);
                    failuresInARow = 0;
                } catch (RuntimeException e) {
                    failedSinceSweep = true;
                    log.warn("Outbox sweep: {} documents of {} not all published yet: {}", claimed.size(), collection,
                            e.toString());
                    // Several batches failing in a row mean the broker is down: wait for the next sweep.
                    if (++failuresInARow >= MAX_FAILURES_PER_SWEEP) {
                        return count;
                    }
                } finally {
                    release(Map.of(collection, claimed));
                    wake(); // a write of a claimed document meanwhile waits for a worker
                }
            }
        }
        return count;
    }

    /** True when a publish failed since the last sweep began, or {@link #sweepSoon} was called: events may wait. */
    public boolean failedSinceLastSweep() {
        return failedSinceSweep;
    }

    /**
     * For a writer whose write failed in a way that leaves open whether it was stored (a timeout, a bulk write
     * that failed part-way): its events, if any, are left to the next sweep, which this brings forward.
     */
    public void sweepSoon() {
        failedSinceSweep = true;
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

    /** A worker: publishes what waits, batch after batch, until nothing it may take is left. */
    private void drain() {
        Map<String, List<Object>> batch = Map.of();
        boolean drained = false;
        try {
            while (!(batch = next(batch)).isEmpty()) {
                batch.forEach((collection, ids) -> {
                    try {
                        publishAll(collection, ids);
                    } catch (RuntimeException e) {
                        failedSinceSweep = true;
                        log.warn("Outbox publish of {} documents of {} failed, the sweep will retry: {}", ids.size(),
                                collection, e.toString());
                    }
                });
            }
            drained = true;
        } finally {
            if (!drained) { // an Error: give the batch back and let the next write start a worker again
                failedSinceSweep = true;
                synchronized (this) {
                    release(batch);
                    activeWorkers--;
                }
            }
        }
    }

    /**
     * Releases the batch a worker finished and takes the next one: up to {@value #MAX_BATCH} waiting documents per
     * collection that nobody is publishing. None left ends the worker.
     */
    private synchronized Map<String, List<Object>> next(Map<String, List<Object>> finished) {
        release(finished);
        Map<String, List<Object>> batch = new LinkedHashMap<>();
        waiting.forEach((collection, ids) -> {
            Set<Object> busy = inFlight.getOrDefault(collection, Set.of());
            List<Object> taken = new ArrayList<>();
            for (Iterator<Object> candidates = ids.iterator(); candidates.hasNext() && taken.size() < MAX_BATCH; ) {
                Object id = candidates.next();
                if (!busy.contains(id)) {
                    taken.add(id);
                    candidates.remove();
                }
            }
            if (!taken.isEmpty()) {
                batch.put(collection, taken);
                inFlight.computeIfAbsent(collection, c -> new HashSet<>()).addAll(taken);
            }
        });
        waiting.values().removeIf(Set::isEmpty);
        if (batch.isEmpty()) {
            activeWorkers--;
        }
        return batch;
    }

    /** Of {@code ids}, those nobody is publishing, now the caller's to publish (and no longer waiting). */
    private synchronized List<Object> claim(String collection, List<Object> ids) {
        Set<Object> busy = inFlight.computeIfAbsent(collection, c -> new HashSet<>());
        List<Object> claimed = new ArrayList<>();
        for (Object id : ids) {
            if (busy.add(id)) {
                claimed.add(id);
            }
        }
        Set<Object> queued = waiting.get(collection);
        if (queued != null) {
            claimed.forEach(queued::remove);
        }
        return claimed;
    }

    private synchronized void release(Map<String, List<Object>> batch) {
        batch.forEach((collection, ids) -> {
            Set<Object> busy = inFlight.get(collection);
            if (busy != null) {
                ids.forEach(busy::remove);
            }
        });
    }

    @Override
    public void destroy() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
