package org.commitmenttracker.service.outbox;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the relay's sweep at start-up; then every {@code tracker.outbox.sweep-interval} while a publish has failed
 * since the last sweep (a broker or store outage), and otherwise once per {@code tracker.outbox.idle-sweep-interval}
 * ({@link OutboxSettings}).
 * <p>A sweep reads every document with pending events, which on the embedded store is a scan of the whole
 * collection under its lock (30–45 ms for 10,000 commitments, during which every other write waits). When every
 * write's own publish succeeds there is nothing for it to find, except the events of a replica that died before
 * publishing and is not restarted (a restarted one sweeps at start-up): the idle sweep is for those.
 */
public class OutboxSweep implements ApplicationRunner, SchedulingConfigurer {
    private final OutboxRelay relay;
    private final Duration interval;
    private final long idleNanos;
    private final LongSupplier nanoTime;
    private volatile long lastSweep;

    public OutboxSweep(OutboxRelay relay, OutboxSettings settings) {
        this(relay, settings, System::nanoTime);
    }

    OutboxSweep(OutboxRelay relay, OutboxSettings settings, LongSupplier nanoTime) {
        this.relay = relay;
        this.interval = settings.sweepInterval();
        this.idleNanos = settings.idleSweepInterval().toNanos();
        this.nanoTime = nanoTime;
        this.lastSweep = nanoTime.getAsLong();
    }

    @Override
    public void run(ApplicationArguments args) {
        sweep();
    }

    /** On the application's scheduler, as {@code @Scheduled} tasks are: its shutdown phase bounds a running sweep. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::sweepIfDue, interval, interval));
    }

    void sweepIfDue() {
        if (relay.failedSinceLastSweep() || nanoTime.getAsLong() - lastSweep >= idleNanos) {
            sweep();
        }
    }

    private void sweep() {
        lastSweep = nanoTime.getAsLong();
        relay.sweep();
    }
}
