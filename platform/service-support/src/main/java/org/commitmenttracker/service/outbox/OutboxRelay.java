package org.commitmenttracker.service.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
import org.commitmenttracker.service.lifecycle.ShutdownSettings;
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
 * <p>A writer that found the outbox empty knows that its own events are all the document now holds, and may hand
 * them over ({@link #publishWritten}): the read is skipped. Every earlier event of the document was acknowledged
 * before it was removed, so these come after all of them. A document that already waits, or is being published,
 * is read instead once its publish is over: a hand-over and an earlier write's events cannot be put in order
 * safely without the outbox, which has them in write order.
 */
public class OutboxRelay implements DisposableBean {
    public static final String FIELD = "outbox";
    static final int MAX_FAILURES_PER_SWEEP = 3;
    static final int MAX_BATCH = 256;
    /** How many event ids published from a read are remembered, for hand-overs that arrive after such a read. */
    static final int REMEMBERED_READ_PUBLISHES = 10_000;
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final List<String> collections;
    private final Duration sendTimeout;
    private final Duration closeTimeout;
    private final int workerCount;
    private final ExecutorService workers;
    private final AtomicLong published = new AtomicLong();
    /** A publish failed, or a writer could not say what it wrote, since the last sweep began: sweep again soon. */
    private volatile boolean failedSinceSweep = true;
    /**
     * Documents written since their last publish, by collection, in arrival order, each with the events its writer
     * handed over, or null where they are read from the document. Guarded by {@code this}.
     */
    private final Map<String, LinkedHashMap<Object, List<Document>>> waiting = new LinkedHashMap<>();
    /** Documents a worker or the sweep is publishing now, by collection. Guarded by {@code this}. */
    private final Map<String, Set<Object>> inFlight = new HashMap<>();
    /**
     * Events lately published from a read of their document: a writer's hand-over can arrive after a publish that
     * read its write already sent them (between the write and the hand-over). Oldest first. Guarded by {@code this}.
     */
    private final Set<String> publishedFromRead = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_READ_PUBLISHES;
        }
    });
    /** Workers draining the queue now. Guarded by {@code this}. */
    private int activeWorkers;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<String> collections,
                       int workerCount, Duration sendTimeout) {
        this(mongo, kafka, collections, workerCount, sendTimeout, ShutdownSettings.DEFAULT_CLOSE_TIMEOUT);
    }

    /** @param closeTimeout how long {@link #destroy()} lets the workers finish their publishes before interrupting them */
    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<String> collections,
                       int workerCount, Duration sendTimeout, Duration closeTimeout) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.sendTimeout = sendTimeout;
        this.closeTimeout = closeTimeout;
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
        LinkedHashMap<Object, List<Document>> queue = waiting.computeIfAbsent(collection, c -> new LinkedHashMap<>());
        ids.forEach(id -> queue.put(id, null)); // read them: the document holds whatever was handed over before
        wake();
    }

    /**
     * Publishes these documents' events soon without reading them: for each, the events of a write that found its
     * outbox empty, in order, which are then all it holds. Failures are left to the sweep.
     */
    public synchronized void publishWritten(String collection, Map<?, List<Document>> pendingByDocument) {
        if (pendingByDocument.isEmpty()) {
            return;
        }
        LinkedHashMap<Object, List<Document>> queue = waiting.computeIfAbsent(collection, c -> new LinkedHashMap<>());
        Set<Object> busy = inFlight.getOrDefault(collection, Set.of());
        pendingByDocument.forEach((id, pending) -> {
            if (pending.stream().allMatch(event -> publishedFromRead.contains(event.getString("eventId")))) {
                return; // a write's events are pushed together: a read sent all of them already
            }
            queue.put(id, queue.containsKey(id) || busy.contains(id) ? null : List.copyOf(pending));
        });
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

    /** {@link #publishAll(String, Map)} of documents whose events are all read from them. */
    int publishAll(String collection, List<Object> ids) {
        return publishAll(collection, unread(ids));
    }

    /** A batch of {@code ids} whose events are read from the documents. */
    private static Map<Object, List<Document>> unread(List<Object> ids) {
        Map<Object, List<Document>> batch = new LinkedHashMap<>();
        ids.forEach(id -> batch.put(id, null));
        return batch;
    }

    /**
     * Publishes the pending events of a batch of documents: those handed over, and those read (one read) where the
     * batch holds null. Waits for the broker's acknowledgements and removes the acknowledged ones (one bulk
     * write). A document with an unacknowledged event keeps all its events for the sweep; the others are done.
     */
    int publishAll(String collection, Map<Object, List<Document>> batch) {
        List<Object> unread = batch.entrySet().stream().filter(entry -> entry.getValue() == null).map(Map.Entry::getKey).toList();
        Map<Object, List<Document>> read = new HashMap<>();
        if (!unread.isEmpty()) {
            for (Document document : mongo.getCollection(collection).find(Filters.in("_id", unread))
                    .projection(new Document(FIELD, 1))) {
                read.put(document.get("_id"), document.getList(FIELD, Document.class, List.of()));
            }
        }
        Map<Object, List<Document>> pendingByDocument = new LinkedHashMap<>();
        batch.forEach((id, handedOver) -> {
            List<Document> pending = handedOver != null ? handedOver : read.getOrDefault(id, List.of());
            if (!pending.isEmpty()) {
                pendingByDocument.put(id, pending);
            }
        });
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
        List<String> acknowledgedFromRead = new ArrayList<>();
        int acknowledged = 0;
        for (Map.Entry<Object, CompletableFuture<Void>> send : sends.entrySet()) {
            if (send.getValue().isDone() && !send.getValue().isCompletedExceptionally()) {
                List<String> eventIds = pendingByDocument.get(send.getKey()).stream().map(m -> m.getString("eventId")).toList();
                removals.add(new UpdateOneModel<>(Filters.eq("_id", send.getKey()),
                        new Document("$pull", new Document(FIELD, new Document("eventId", new Document("$in", eventIds))))));
                acknowledged += eventIds.size();
                if (read.containsKey(send.getKey())) {
                    acknowledgedFromRead.addAll(eventIds);
                }
            }
        }
        if (!acknowledgedFromRead.isEmpty()) {
            synchronized (this) {
                publishedFromRead.addAll(acknowledgedFromRead);
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
                Map<Object, List<Document>> batch = unread(claimed);
                try {
                    count += publishAll(collection, batch);
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
                    release(Map.of(collection, batch));
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
        Map<String, Map<Object, List<Document>>> batch = Map.of();
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
    private synchronized Map<String, Map<Object, List<Document>>> next(Map<String, Map<Object, List<Document>>> finished) {
        release(finished);
        Map<String, Map<Object, List<Document>>> batch = new LinkedHashMap<>();
        waiting.forEach((collection, queue) -> {
            Set<Object> busy = inFlight.getOrDefault(collection, Set.of());
            Map<Object, List<Document>> taken = new LinkedHashMap<>();
            for (Iterator<Map.Entry<Object, List<Document>>> candidates = queue.entrySet().iterator();
                 candidates.hasNext() && taken.size() < MAX_BATCH; ) {
                Map.Entry<Object, List<Document>> candidate = candidates.next();
                if (!busy.contains(candidate.getKey())) {
                    taken.put(candidate.getKey(), candidate.getValue());
                    candidates.remove();
                }
            }
            if (!taken.isEmpty()) {
                batch.put(collection, taken);
                inFlight.computeIfAbsent(collection, c -> new HashSet<>()).addAll(taken.keySet());
            }
        });
        waiting.values().removeIf(Map::isEmpty);
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
        Map<Object, List<Document>> queued = waiting.get(collection);
        if (queued != null) {
            claimed.forEach(queued::remove); // the sweep reads them: the documents hold whatever was handed over
        }
        return claimed;
    }

    private synchronized void release(Map<String, ? extends Map<Object, ?>> batch) {
        batch.forEach((collection, documents) -> {
            Set<Object> busy = inFlight.get(collection);
            if (busy != null) {
                documents.keySet().forEach(busy::remove);
            }
        });
    }

    /**
     * Lets the workers finish for at most the close timeout, then interrupts them: a send waiting for a broker that
     * is gone (up to {@code max.block.ms} per record) would otherwise hold the service's stop. What they had not
     * seen acknowledged stays in the outbox for the next start's sweep.
     */
    @Override
    public void destroy() throws InterruptedException {
        workers.shutdown();
        if (!workers.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("Outbox workers still publishing after {}: interrupted, the next start's sweep publishes what they held",
                    closeTimeout);
            workers.shutdownNow();
        }
    }
}
