package org.commitmenttracker.ingestion.text;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most so many PDF, DOCX and HTML conversions at once ({@code tracker.ingestion.conversion.concurrency}), shared
 * by every request of the service: a conversion takes a slot, waiting for one at most {@code queue-wait}, and a
 * request that finds none in that time is refused as {@link DocumentRejected.Reason#BUSY} (503 with
 * {@code Retry-After}).
 */
public final class ConversionSlots {
    private final Semaphore slots;
    private final Duration wait;

    public ConversionSlots(ConversionLimits limits) {
        this.slots = new Semaphore(limits.concurrency(), true);
        this.wait = limits.queueWait();
    }

    /** {@code conversion}'s result, computed while holding a slot. */
    <T> T run(Supplier<T> conversion) {
        try (Slot slot = take()) {
            return conversion.get();
        }
    }

    /** A slot held until the returned handle is closed. */
    public Slot take() {
        try {
            if (!slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new DocumentRejected(DocumentRejected.Reason.BUSY,
                        "Too many files are being converted right now: upload it again in a minute.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocumentRejected(DocumentRejected.Reason.BUSY, "The conversion was interrupted: upload it again.", e);
        }
        return slots::release;
    }

    /** A taken slot; closing gives it back. */
    @FunctionalInterface
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}
