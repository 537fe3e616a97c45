package org.commitmenttracker.service.outbox;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events embedded in aggregate documents ({@code outbox} array field) and removes each once the broker
 * acknowledged it. A write names its document ({@link #publishSoon}), which then waits in the {@link OutboxQueue}
 * until one of a few workers takes everything waiting (up to {@value #MAX_BATCH} documents per collection) and
 * publishes it as one batch ({@link OutboxPublisher}); a periodic sweep ({@link OutboxSweep}) catches whatever a crash
 * or a broker outage left behind. A document is in one publish at a time, the sweep's included, so its events keep
 * their order. Delivery is at least once: consumers dedupe on event id.
 */
public class OutboxRelay implements DisposableBean {
    public static final String FIELD = "outbox";
    static final int MAX_FAILURES_PER_SWEEP = 3;
    static final int MAX_BATCH = 256;
    /** Documents one sweep reads per collection; the next sweep takes the rest. */
    static final int MAX_SWEPT = 1000;
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxPublisher publisher;
    private final OutboxQueue queue;
    private final List<String> collections;
    private final Duration closeTimeout;
    private final ExecutorService workers;
    /** A publish failed, or a writer could not say what it wrote, since the last sweep began: sweep again soon. */
    private volatile boolean failedSinceSweep = true;

    /** @param closeTimeout how long {@link #destroy()} lets the workers finish their publishes before interrupting them */
    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<String> collections,
                       int workerCount, Duration sendTimeout, Duration closeTimeout) {
        this.publisher = new OutboxPublisher(mongo, kafka, sendTimeout);
        this.queue = new OutboxQueue(workerCount, MAX_BATCH);
        this.collections = List.copyOf(collections);
        this.closeTimeout = closeTimeout;
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
    public void publishSoon(String collection, Collection<?> ids) {
        if (queue.offer(collection, ids)) {
            startWorker();
        }
    }

    /** Runs a worker the queue has counted as started. */
    private void startWorker() {
        try {
            workers.execute(this::drain);
        } catch (RejectedExecutionException e) {
            queue.drainerGone(OutboxQueue.Claim.NONE); // shut down: what waits is left to the next start's sweep
        }
    }

    /** A worker: publishes what waits, claim after claim, until nothing it may take is left. */
    private void drain() {
        OutboxQueue.Claim claim = OutboxQueue.Claim.NONE;
        boolean drained = false;
        try {
            while (!(claim = queue.next(claim)).isEmpty()) {
                claim.idsByCollection().forEach((collection, ids) -> {
                    try {
                        publisher.publish(collection, ids);
                    } catch (RuntimeException e) {
                        failedSinceSweep = true;
                        log.warn("Outbox publish of {} documents of {} failed, the sweep will retry: {}", ids.size(),
                                collection, e.toString());
                    }
                });
            }
            drained = true;
        } finally {
            if (!drained) { // an Error: give the claim back and let the next write start a worker again
                failedSinceSweep = true;
                queue.drainerGone(claim);
            }
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
            List<Object> pending;
            try {
                pending = publisher.pending(collection, MAX_SWEPT);
            } catch (RuntimeException e) { // the store briefly unreachable: the next sweep comes soon, the others go on
                failedSinceSweep = true;
                log.warn("Outbox sweep: the documents of {} with waiting events could not be read: {}", collection, e.toString());
                continue;
            }
            for (int from = 0; from < pending.size(); from += MAX_BATCH) {
                OutboxQueue.Claim claim = queue.claim(collection, pending.subList(from, Math.min(pending.size(), from + MAX_BATCH)));
                if (claim.isEmpty()) {
                    continue; // all on workers now
                }
                List<Object> ids = claim.idsByCollection().get(collection);
                try {
                    count += publisher.publish(collection, ids);
                    failuresInARow = 0;
                } catch (RuntimeException e) {
                    failedSinceSweep = true;
                    log.warn("Outbox sweep: {} documents of {} not all published yet: {}", ids.size(), collection,
                            e.toString());
                    // Several batches failing in a row mean the broker is down: wait for the next sweep.
                    if (++failuresInARow >= MAX_FAILURES_PER_SWEEP) {
                        return count;
                    }
                } finally {
                    if (queue.settle(claim)) { // a write of a claimed document meanwhile waits for a worker
                        startWorker();
                    }
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
        return collections.stream().mapToLong(publisher::backlog).sum();
    }

    public long publishedCount() {
        return publisher.publishedCount();
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
