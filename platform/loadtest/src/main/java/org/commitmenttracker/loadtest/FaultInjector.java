package org.commitmenttracker.loadtest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.commitmenttracker.devstack.ManagedProcess;
import org.commitmenttracker.devstack.ServiceProcess;
import org.commitmenttracker.loadtest.FaultPlan.Fault;
import org.commitmenttracker.loadtest.FaultPlan.Kind;

/**
 * Fault mode: injects the plan's faults one at a time while the load runs, each when both its planned time has come
 * and the previous fault's target is ready again (plus a short gap, so acknowledgements between faults show the
 * platform working again), and records each fault's window, from injection to ready again.
 */
final class FaultInjector {
    /** How long a restarted process may take to become ready before the run gives up on it: a hang guard, not a bound. */
    private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(600);
    private static final Duration LEAD = Duration.ofSeconds(5);
    private static final Duration GAP = Duration.ofSeconds(3);

    private final StartedPlatform platform;
    private final FaultPlan plan;
    private final AtomicBoolean receiverFailing;
    private final List<FaultWindow> windows = new CopyOnWriteArrayList<>();
    private volatile long finishedNanos;
    private Thread thread;

    FaultInjector(StartedPlatform platform, FaultPlan plan, AtomicBoolean receiverFailing) {
        this.platform = platform;
        this.plan = plan;
        this.receiverFailing = receiverFailing;
    }

    /** Starts injecting: the first fault {@link #LEAD} into the window, the others spread over {@code window}. */
    void start(long windowStartNanos, Duration window) {
        int n = plan.faults().size();
        long spacing = n <= 1 ? 0 : Math.max(0, window.minus(LEAD.multipliedBy(2)).toNanos() / (n - 1));
        // only a store kill needs it; it beats from now on, so that the first fault's window has beats before it
        StoreCommitProbe probe = plan.faults().stream().anyMatch(f -> f.kind() == Kind.KILL && f.target().equals("store"))
                ? new StoreCommitProbe(platform.mongo()) : null;
        thread = new Thread(() -> {
            try {
                injectAll(windowStartNanos, n, spacing, probe);
            } finally {
                if (probe != null) {
                    probe.close();
                }
                finishedNanos = System.nanoTime();
            }
        }, "faults");
        thread.setDaemon(true);
        thread.start();
    }

    private void injectAll(long windowStartNanos, int n, long spacing, StoreCommitProbe probe) {
        long previousReady = 0;
        String broken = null;
        for (int i = 0; i < n; i++) {
            Fault fault = plan.faults().get(i);
            if (broken != null) {
                // the platform is not whole again: a further fault would only measure the previous one
                windows.add(FaultWindow.notInjected(fault, windowStartNanos, "not injected: " + broken));
                continue;
            }
            long due = Math.max(windowStartNanos + LEAD.toNanos() + i * spacing, previousReady + GAP.toNanos());
            sleepUntil(due);
            FaultWindow faultWindow = inject(fault, windowStartNanos, probe);
            windows.add(faultWindow);
            previousReady = faultWindow.readyNanos;
            if (faultWindow.readyNanos == 0) {
                broken = fault.label() + " did not recover";
            }
        }
    }

    /** Whether every fault has been injected and its target is ready again (or given up on). */
    boolean finished() {
        return finishedNanos != 0;
    }

    long finishedNanos() {
        return finishedNanos;
    }

    void await() throws InterruptedException {
        thread.join(RESTART_TIMEOUT.multipliedBy(plan.faults().size() + 1).toMillis());
    }

    List<FaultWindow> windows() {
        return List.copyOf(windows);
    }

    private FaultWindow inject(Fault fault, long windowStartNanos, StoreCommitProbe probe) {
        FaultWindow window = new FaultWindow(fault, System.nanoTime(), Instant.now(), windowStartNanos);
        LoadDriver.log("fault: %s", fault.label());
        try {
            switch (fault.kind()) {
                case KILL -> kill(fault.target(), window);
                case PAUSE -> pause(fault.target(), fault.seconds(), window);
                case RECEIVER -> failReceiver(fault.seconds());
            }
            window.ready(System.nanoTime(), Instant.now());
            LoadDriver.log("fault: %s — ready again after %.1f s", fault.label(), window.readyAfterSeconds());
        } catch (RuntimeException e) {
            window.failed(String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName()));
            LoadDriver.log("fault: %s — not ready again: %s", fault.label(), window.error);
        }
        if (window.killsStore() && window.readyAt != null) {
            measureStoreLoss(window, probe);
        }
        return window;
    }

    private static void measureStoreLoss(FaultWindow window, StoreCommitProbe probe) {
        try {
            window.storeDurableUpTo(probe.durableUpTo(window.injectedAt));
            LoadDriver.log("fault: %s — the store had committed what it acknowledged up to %s (killed at %s)",
                    window.fault.label(), window.storeDurableUpTo(), window.injectedAt);
        } catch (RuntimeException e) {
            LoadDriver.log("fault: %s — the store's last commit could not be read (%s); assuming %s before the kill",
                    window.fault.label(), e.getMessage(), FaultWindow.STORE_UNCOMMITTED);
        }
    }

    /** SIGKILL, start again on the same ports with the same data, and wait until it (and for broker or store, every service) is ready. */
    private void kill(String target, FaultWindow window) {
        switch (target) {
            case "broker" -> {
                platform.infrastructure().broker().kill();
                platform.restartBroker();
                platform.awaitServicesReady(RESTART_TIMEOUT);
            }
            case "store" -> {
                platform.infrastructure().store().kill();
                platform.restartStore();
                window.storeBackNanos = System.nanoTime();
                platform.awaitServicesReady(RESTART_TIMEOUT);
            }
            default -> {
                platform.service(target).process().kill();
                ConsumerResumption resumption = ConsumerResumption.from(platform.kafka(), target);
                window.restartedNanos = System.nanoTime();
                platform.restart(target);
                if (resumption != null) {
                    window.resumptionWatch = resumption.watch(nanos -> window.firstAppliedNanos = nanos,
                    nanos -> window.allAppliedNanos = nanos);
                }
                awaitReady(target);
            }
        }
    }

    /** SIGSTOP, wait, SIGCONT; ready again when its readiness probe answers 200. */
    private void pause(String service, int seconds, FaultWindow window) {
        ManagedProcess process = platform.service(service).process();
        process.pause();
        ConsumerResumption resumption;
        try {
            sleep(Duration.ofSeconds(seconds));
            resumption = ConsumerResumption.from(platform.kafka(), service);
        } finally {
            process.resume();
        }
        window.restartedNanos = System.nanoTime();
        if (resumption != null) {
            window.resumptionWatch = resumption.watch(nanos -> window.firstAppliedNanos = nanos,
                    nanos -> window.allAppliedNanos = nanos);
        }
        awaitReady(service);
    }

    private void failReceiver(int seconds) {
        receiverFailing.set(true);
        try {
            sleep(Duration.ofSeconds(seconds));
        } finally {
            receiverFailing.set(false);
        }
    }

    private void awaitReady(String service) {
        StartedPlatform.Service running = platform.service(service);
        ServiceProcess.awaitReady(running.process(), running.ports(), RESTART_TIMEOUT);
    }

    private static void sleepUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            sleep(Duration.ofNanos(wait));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** One injected fault: from injection to ready again (0 while not, or never). */
    static final class FaultWindow {
        /**
         * The embedded H2 store commits about once a second; a SIGKILL drops what it acknowledged since. Its
         * acknowledgements this long before the kill may be lost by the store (1 s plus scheduling slack on a busy host).
         */
        static final Duration STORE_UNCOMMITTED = Duration.ofSeconds(2);

        final Fault fault;
        final long injectedNanos;
        final Instant injectedAt;
        final long windowStartNanos;
        volatile long readyNanos;
        volatile Instant readyAt;
        volatile String error;
        private volatile Instant storeDurableUpTo;
        /** For a store kill: when the restarted store answered again (0 until then). */
        volatile long storeBackNanos;
        /** For a service killed or paused: when it was started again or continued (0 for other faults). */
        volatile long restartedNanos;
        /**
         * For a service with a consumer group: when the group first committed beyond where it stood after the kill
         * or during the pause ({@link ConsumerResumption}); 0 until then or for other faults.
         */
        volatile long firstAppliedNanos;
        /** For the same: when the group had committed beyond where it stood on every partition with records waiting. */
        volatile long allAppliedNanos;
        /** The thread looking for those two moments, while it looks (null for other faults). */
        volatile Thread resumptionWatch;

        FaultWindow(Fault fault, long injectedNanos, Instant injectedAt, long windowStartNanos) {
            this.fault = fault;
            this.injectedNanos = injectedNanos;
            this.injectedAt = injectedAt;
            this.windowStartNanos = windowStartNanos;
        }

        /** A fault of the plan that was skipped: never ready, contains no acknowledgement. */
        static FaultWindow notInjected(Fault fault, long windowStartNanos, String reason) {
            FaultWindow window = new FaultWindow(fault, Long.MAX_VALUE, null, windowStartNanos);
            window.failed(reason);
            return window;
        }

        boolean injected() {
            return injectedAt != null;
        }

        void ready(long nanos, Instant at) {
            readyNanos = nanos;
            readyAt = at;
        }

        void failed(String message) {
            error = message;
        }

        double readyAfterSeconds() {
            return readyNanos == 0 ? Double.NaN : (readyNanos - injectedNanos) / 1e9;
        }

        /** From the restart (or the continue) to the first applied record; null when either is not known. */
        Double restartToAppliedSeconds() {
            return restartedNanos == 0 ? null : appliedAfter(restartedNanos);
        }

        /**
         * From ready again to the first applied record; null when either is not known, negative when the consumers
         * applied a record before the readiness probe answered.
         */
        Double readyToAppliedSeconds() {
            return readyNanos == 0 || restartedNanos == 0 ? null : appliedAfter(readyNanos);
        }

        /**
         * Waits at most {@code timeout} for the consumers' resumption to be seen: once everything has settled, the
         * last partitions' commits follow within about a second, and the platform must not be stopped before.
         */
        void awaitResumption(Duration timeout) throws InterruptedException {
            Thread watch = resumptionWatch;
            if (watch != null) {
                watch.join(timeout.toMillis());
            }
        }

        /** From ready again until every partition with records waiting had one applied; null when not known. */
        Double readyToAllAppliedSeconds() {
            return readyNanos == 0 || restartedNanos == 0 || allAppliedNanos == 0 ? null
                    : Latencies.round((allAppliedNanos - readyNanos) / 1e9);
        }

        private Double appliedAfter(long fromNanos) {
            return firstAppliedNanos == 0 ? null : Latencies.round((firstAppliedNanos - fromNanos) / 1e9);
        }

        /** Whether an acknowledgement at {@code nanos} fell inside [injected, ready again] (or after, if never ready). */
        boolean contains(long nanos) {
            return nanos >= injectedNanos && (readyNanos == 0 || nanos <= readyNanos);
        }

        boolean killsStore() {
            return injected() && fault.kind() == Kind.KILL && fault.target().equals("store");
        }

        /**
         * For a store kill: up to when the store had surely committed what it acknowledged, as the
         * {@link StoreCommitProbe} measured it, or {@link #STORE_UNCOMMITTED} before the kill when it could not.
         */
        Instant storeDurableUpTo() {
            return storeDurableUpTo != null ? storeDurableUpTo : injectedAt.minus(STORE_UNCOMMITTED);
        }

        void storeDurableUpTo(Instant at) {
            storeDurableUpTo = at;
        }

        /**
         * For a store kill: whether a write acknowledged at {@code nanos} may be one the store had not committed —
         * acknowledged after its last commit and before it was back (the answer to a write the store applied just
         * before the kill can reach the driver after it).
         */
        boolean storeMayHaveDropped(long nanos) {
            return killsStore() && nanos <= storeDownUntilNanos()
                    && nanos >= injectedNanos - Duration.between(storeDurableUpTo(), injectedAt).toNanos();
        }

        /** For a store kill: until when nothing can have been written to it (back again, or killed if it never came back). */
        long storeDownUntilNanos() {
            return storeBackNanos != 0 ? storeBackNanos : injectedNanos;
        }

        /** For a store kill: whether {@code at} lies between the last commit the store surely made and its being ready again. */
        boolean storeDisturbed(Instant at) {
            return killsStore() && !at.isBefore(storeDurableUpTo()) && (readyAt == null || !at.isAfter(readyAt));
        }
    }
}
