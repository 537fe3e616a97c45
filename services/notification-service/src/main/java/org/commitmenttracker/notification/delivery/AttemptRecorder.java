package org.commitmenttracker.notification.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records settled attempts off the sender threads, in bulk: a sender hands its settlement over and takes its
 * next delivery at once; one writer thread takes everything handed over since its previous write and records it
 * together. Under load many attempts share one round trip; a lone attempt is still written at once (no timer,
 * no waiting for company). If the writer fails, the deliveries keep their claims until the lease ends and the
 * sweep sends them again (receivers deduplicate on {@code webhook-id}).
 */
final class AttemptRecorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AttemptRecorder.class);
    private static final int MAX_BATCH = 500;

    private final Consumer<List<Settlement>> write;
    private final BlockingQueue<Settlement> handedOver = new LinkedBlockingQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-attempt-writer");
        thread.setDaemon(true);
        return thread;
    });

    AttemptRecorder(Consumer<List<Settlement>> write) {
        this.write = write;
    }

    void record(Settlement settlement) {
        handedOver.add(settlement);
        startWriting();
    }

    private void startWriting() {
        if (writing.compareAndSet(false, true)) {
            try {
                writer.execute(this::drain);
            } catch (RejectedExecutionException shuttingDown) {
                writing.set(false); // unrecorded: the claims expire and the sweep of the next start sends them again
            }
        }
    }

    private void drain() {
        List<Settlement> batch = new ArrayList<>();
        while (handedOver.drainTo(batch, MAX_BATCH) > 0) {
            try {
                write.accept(batch);
            } catch (RuntimeException e) {
                log.warn("{} webhook attempts not recorded (sent again once their lease ends): {}", batch.size(), e.toString());
            }
            batch = new ArrayList<>();
        }
        writing.set(false);
        if (!handedOver.isEmpty()) {
            startWriting(); // handed over between the last drain and the flag
        }
    }

    /** Writes what was handed over before this call (for at most 5 s). */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("Webhook attempts still being recorded at shutdown; their claims expire and they are sent again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
