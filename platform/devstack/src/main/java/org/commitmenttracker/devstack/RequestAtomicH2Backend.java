package org.commitmenttracker.devstack;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend, committing only between requests. H2's own auto-commit runs on a timer and may commit half of a
 * write (the document without its index entry, or the other way round); after a crash such a document is no longer
 * found by its unique index, so a versioned update ({@code {_id, version}}) never matches it again. Here requests run
 * under a shared lock and a commit takes it exclusively, once every {@link #COMMIT_INTERVAL_MS} ms: a SIGKILL loses
 * the last second of writes (as before), but never leaves a request half-written.
 */
final class RequestAtomicH2Backend extends H2Backend {
    static final long COMMIT_INTERVAL_MS = 1_000;

    private final ReadWriteLock commits = new ReentrantReadWriteLock();
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "store-commit");
        thread.setDaemon(true);
        return thread;
    });

    private RequestAtomicH2Backend(MVStore store) {
        super(store);
        committer.scheduleWithFixedDelay(this::commit, COMMIT_INTERVAL_MS, COMMIT_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    static RequestAtomicH2Backend open(Path file) {
        return new RequestAtomicH2Backend(new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open());
    }

    @Override
    public void commit() {
        commits.writeLock().lock();
        try {
            super.commit();
        } finally {
            commits.writeLock().unlock();
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return withinRequest(() -> super.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return withinRequest(() -> super.handleQuery(query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return withinRequest(() -> super.handleMessage(message));
    }

    @Override
    public void dropDatabase(String database) {
        withinRequest(() -> {
            super.dropDatabase(database);
            return null;
        });
    }

    /** Stops committing, then closes the store, which commits what is pending. */
    @Override
    public void close() {
        committer.shutdown();
        commits.writeLock().lock();
        try {
            super.close();
        } finally {
            commits.writeLock().unlock();
        }
    }

    private <T> T withinRequest(Supplier<T> request) {
        commits.readLock().lock();
        try {
            return request.get();
        } finally {
            commits.readLock().unlock();
        }
    }
}
