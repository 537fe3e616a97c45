package org.commitmenttracker.loadtest;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import tools.jackson.databind.json.JsonMapper;

/**
 * After the load: waits until everything acknowledged has settled, checking the {@link Invariants} every
 * {@link #CHECK_INTERVAL} once no HTTP report is unanswered, or until nothing has settled for the {@link SettleCap}
 * (what is left is unsettled), or the hang guard ({@code --drain}) passes; the last check is the run's verdict.
 * Neither limit is a performance assertion: how long settling took is a figure of the report.
 */
record Settling(String mongo, String kafka, Ledger ledger, AckLog acks, WebhookReceiver receiver, LagSampler lag,
                String subscriptionId) {
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);

    /** The verdict, and when everything had settled ({@code System.nanoTime()}, 0: never). */
    record Outcome(Invariants.Result verdict, long settledNanos) {
    }

    /**
     * @param answersPending whether HTTP reports are still unanswered
     * @param sinceNanos     when the last fault's target was ready again (without faults: when the load ended)
     */
    Outcome await(BooleanSupplier answersPending, List<FaultInjector.FaultWindow> faults, long sinceNanos, long hardCapNanos,
                  Duration cap) throws InterruptedException {
        try (MongoClient client = MongoClients.create(mongo); PublishedStatusChanges published = new PublishedStatusChanges(kafka)) {
            Invariants checker = new Invariants(client, JsonMapper.builder().build());
            long lastCheck = System.nanoTime() - CHECK_INTERVAL.toNanos();
            long lastProgress = System.nanoTime();
            long outstanding = Long.MAX_VALUE;
            while (true) {
                long now = System.nanoTime();
                boolean stalled = now - lastProgress >= cap.toNanos();
                if (!answersPending.getAsBoolean() && now - lastCheck >= CHECK_INTERVAL.toNanos() || now >= hardCapNanos || stalled) {
                    lastCheck = now;
                    Invariants.Result result = check(checker, published, faults);
                    if (result != null) {
                        if (result.settled()) {
                            LoadDriver.log("everything settled %.1f s after the last fault", (now - sinceNanos) / 1e9);
                            return new Outcome(result, now);
                        }
                        if (now >= hardCapNanos) {
                            LoadDriver.log("%d outstanding when the hard cap (--drain) passed: unsettled", result.outstanding());
                            return new Outcome(result, 0);
                        }
                        if (result.outstanding() < outstanding) {
                            outstanding = result.outstanding();
                            lastProgress = now;
                        } else if (stalled) {
                            LoadDriver.log("%d outstanding, nothing settled for %.0f s: unsettled", result.outstanding(),
                                    (now - lastProgress) / 1e9);
                            return new Outcome(result, 0);
                        }
                    } else if (now >= hardCapNanos) {
                        throw new IllegalStateException("the stores could not be read to verify the run");
                    }
                }
                Thread.sleep(200);
            }
        }
    }

    /** One check of the invariants; null if the store cannot be read just now. */
    private Invariants.Result check(Invariants checker, PublishedStatusChanges published, List<FaultInjector.FaultWindow> faults) {
        try {
            return checker.check(acks.all(), ledger.expectedByUpload(), subscriptionId, receiver.webhookIds(),
                    published.readToEnd(), lag.committedOffsets(), faults);
        } catch (RuntimeException e) {
            LoadDriver.log("verification: the stores or status-changes not readable (%s)", e.getMessage());
            return null;
        }
    }
}
