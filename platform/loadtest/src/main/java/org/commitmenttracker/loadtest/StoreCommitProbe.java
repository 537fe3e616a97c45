package org.commitmenttracker.loadtest;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

/**
 * Measures what a SIGKILL of the H2 store really dropped instead of assuming it: every {@link #INTERVAL} it inserts
 * a beat stamped with the time it was sent. A beat found after the restart proves that the store had committed
 * everything it acknowledged before that beat was sent (one H2 store, committed as a whole, in order), so the last
 * surviving beat sent before the kill is the point up to which nothing acknowledged can be missing.
 */
final class StoreCommitProbe implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofMillis(100);

    private final MongoClient client;
    private final MongoCollection<Document> beats;
    private final Thread thread;
    private final Instant startedAt = Instant.now();
    private volatile boolean stopping;

    StoreCommitProbe(String mongoUri) {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongoUri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(500, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(500, TimeUnit.MILLISECONDS).readTimeout(1, TimeUnit.SECONDS))
                .build());
        beats = client.getDatabase("loadtest").getCollection("store_commit_probe");
        thread = new Thread(this::beat, "store-commit-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void beat() {
        while (!stopping) {
            try {
                beats.insertOne(new Document("at", Date.from(Instant.now())));
            } catch (RuntimeException e) {
                // the store is down (a fault): the beats missing are what the measurement is about
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * After the store is back: when the last beat sent before {@code killedAt} that survived was sent (when the
     * probe started if none did: nothing is proven durable since).
     */
    Instant durableUpTo(Instant killedAt) {
        Document last = beats.find(Filters.lt("at", Date.from(killedAt))).sort(Sorts.descending("at")).limit(1).first();
        return last == null ? startedAt : last.getDate("at").toInstant();
    }

    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        client.close();
    }
}
