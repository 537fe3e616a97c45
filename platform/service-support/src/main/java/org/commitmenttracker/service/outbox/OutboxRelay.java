package org.commitmenttracker.service.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events embedded in aggregate documents ({@code outbox} array field) and removes each once
 * the broker acknowledged it. A write triggers an immediate publish of its document; a periodic sweep
 * catches whatever a crash or a broker outage left behind. Delivery is at least once: consumers dedupe
 * on event id.
 * <p>Documents are published on lanes chosen by document id, so the events of one aggregate keep their
 * order while different aggregates are published in parallel.
 */
public class OutboxRelay implements DisposableBean {
    public static final String FIELD = "outbox";
    static final int MAX_FAILURES_PER_SWEEP = 3;
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final List<String> collections;
    private final Duration sendTimeout;
    private final ExecutorService[] lanes;
    private final AtomicLong published = new AtomicLong();

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<String> collections,
                       int laneCount, Duration sendTimeout) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.sendTimeout = sendTimeout;
        this.lanes = new ExecutorService[laneCount];
        for (int i = 0; i < laneCount; i++) {
            String name = "outbox-lane-" + i;
            lanes[i] = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, name);
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /** Publishes the pending events of one document soon, on its lane; failures are left to the sweep. */
    public CompletableFuture<Void> publishSoon(String collection, Object id) {
        return CompletableFuture.runAsync(() -> {
            try {
                publish(collection, id);
            } catch (RuntimeException e) {
                log.warn("Outbox publish of {}/{} failed, the sweep will retry: {}", collection, id, e.toString());
            }
        }, laneOf(id));
    }

    /** Publishes every pending event of one document and removes them from its outbox. */
    public int publish(String collection, Object id) {
        Document document = mongo.getCollection(collection).find(new Document("_id", id))
                .projection(new Document(FIELD, 1)).first();
        if (document == null) {
            return 0;
        }
        List<Document> pending = document.getList(FIELD, Document.class, List.of());
        if (pending.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(pending.size());
        List<String> eventIds = new ArrayList<>(pending.size());
        for (Document message : pending) {
            sends.add(kafka.send(message.getString("topic"), message.getString("key"),
                    message.getString("payload").getBytes(StandardCharsets.UTF_8)));
            eventIds.add(message.getString("eventId"));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox of " + collection + "/" + id, e);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().pull(FIELD, Query.query(Criteria.where("eventId").in(eventIds))), collection);
        published.addAndGet(eventIds.size());
        return eventIds.size();
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
            for (Document document : mongo.getCollection(collection).find(pendingFilter())
                    .projection(new Document("_id", 1)).limit(1000)) {
                Object id = document.get("_id");
                try {
                    count += CompletableFuture.supplyAsync(() -> publish(collection, id), laneOf(id)).join();
                    failuresInARow = 0;
                } catch (RuntimeException e) {
                    log.warn("Outbox sweep: {}/{} not published yet: {}", collection, id, e.toString());
                    // One document that cannot be published must not hold back the others; several failing
                    // in a row mean the broker is down: wait for the next sweep.
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

    private ExecutorService laneOf(Object id) {
        return lanes[Math.floorMod(id.hashCode(), lanes.length)];
    }

    @Override
    public void destroy() throws InterruptedException {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            lane.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
