package org.commitmenttracker.service.outbox;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the relay's sweep at start-up; then every {@code tracker.outbox.sweep-interval} (2 s) while a publish has
 * failed since the last sweep (a broker or store outage), and otherwise once per
 * {@code tracker.outbox.idle-sweep-interval} (30 s).
 * <p>A sweep reads every document with pending events, which on the embedded store is a scan of the whole
 * collection under its lock (30–45 ms for 10,000 commitments, during which every other write waits). When every
 * write's own publish succeeds there is nothing for it to find, except the events of a replica that died before
 * publishing and is not restarted (a restarted one sweeps at start-up): the idle sweep is for those.
 */
public class OutboxSweep implements ApplicationRunner {
    private final OutboxRelay relay;
    private final long idleNanos;
    private final LongSupplier nanoTime;
    private volatile long lastSweep;

    public OutboxSweep(OutboxRelay relay, Duration idleInterval) {
        this(relay, idleInterval, System::nanoTime);
    }

    OutboxSweep(OutboxRelay relay, Duration idleInterval, LongSupplier nanoTime) {
        this.relay = relay;
        this.idleNanos = idleInterval.toNanos();
        this.nanoTime = nanoTime;
        this.lastSweep = nanoTime.getAsLong();
    }

    @Override
    public void run(ApplicationArguments args) {
        sweep();
    }

    @Scheduled(fixedDelayString = "${tracker.outbox.sweep-interval:2s}", initialDelayString = "${tracker.outbox.sweep-interval:2s}")
    public void sweepIfDue() {
        if (relay.failedSinceLastSweep() || nanoTime.getAsLong() - lastSweep >= idleNanos) {
            sweep();
        }
    }

    private void sweep() {
        lastSweep = nanoTime.getAsLong();
        relay.sweep();
    }
}
