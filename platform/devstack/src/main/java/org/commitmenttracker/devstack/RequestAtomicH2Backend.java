package org.commitmenttracker.devstack;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend, committing only between requests and answering a write only once it is committed (group commit).
 * H2's own auto-commit runs on a timer: it may commit half of a write (the document without its index entry, after
 * which a versioned update never matches it again), and a SIGKILL loses the last second of writes it already
 * acknowledged — commitments registered, reports applied and their Kafka offsets committed, gone. Here requests run
 * under a shared lock and a commit takes it exclusively; a write waits for the next commit, which starts as soon as
 * one is asked for, so the writes of one commit's duration share it. What the store acknowledged survives a SIGKILL,
 * as with MongoDB's journal.
 */
final class RequestAtomicH2Backend extends H2Backend {
    /** How often the store commits with no write waiting (what reads change: nothing; a safety net). */
    static final long IDLE_COMMIT_MS = 1_000;
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

    private final ReadWriteLock commits = new ReentrantReadWriteLock();
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[2]);
    private final Object generations = new Object();
    /** Writes finished so far, and the count of them the last finished commit holds. */
    private long written;
    private long committed;
    private boolean asked;
    private volatile boolean open = true;
    private final Thread committer;

    private RequestAtomicH2Backend(MVStore store) {
        super(store);
        committer = new Thread(this::commitWhenAsked, "store-commit");
        committer.setDaemon(true);
        committer.start();
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
        return request(WRITES.contains(command.toLowerCase(Locale.ROOT)), () -> super.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return request(false, () -> super.handleQuery(query));
    }

    @Override
    public void dropDatabase(String database) {
        request(true, () -> {
            super.dropDatabase(database);
            return null;
        });
    }

    /** Stops committing, then closes the store, which commits what is pending. */
    @Override
    public void close() {
        open = false;
        synchronized (generations) {
            generations.notifyAll();
        }
        commits.writeLock().lock();
        try {
            super.close();
        } finally {
            commits.writeLock().unlock();
        }
    }

    /**
     * Runs a request under the shared lock; a write (a request in which a write command ran, however nested) is
     * answered once a commit holds it.
     */
    private <T> T request(boolean write, Supplier<T> request) {
        int[] state = depth.get(); // {nesting, whether a write ran}: only the outermost request waits, lock released
        state[0]++;
        state[1] |= write ? 1 : 0;
        T answer;
        commits.readLock().lock();
        try {
            answer = request.get();
        } finally {
            commits.readLock().unlock();
            state[0]--;
        }
        if (state[0] == 0 && state[1] == 1) {
            state[1] = 0;
            awaitCommit();
        }
        return answer;
    }

    private void awaitCommit() {
        synchronized (generations) {
            long mine = ++written;
            asked = true;
            generations.notifyAll();
            while (committed < mine && open) {
                try {
                    generations.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while the store committed a write", e);
                }
            }
        }
    }

    private void commitWhenAsked() {
        while (open) {
            long holds;
            synchronized (generations) {
                if (!asked) {
                    try {
                        generations.wait(IDLE_COMMIT_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                asked = false;
                holds = written; // every write counted here has finished: the commit below holds it
            }
            if (!open) {
                return;
            }
            try {
                commit();
            } catch (RuntimeException e) {
                System.err.println("devstack: store commit failed, trying again: " + e);
                continue; // the writers keep waiting: nothing they wrote is known to be kept
            }
            synchronized (generations) {
                committed = Math.max(committed, holds);
                generations.notifyAll();
            }
        }
    }
}
