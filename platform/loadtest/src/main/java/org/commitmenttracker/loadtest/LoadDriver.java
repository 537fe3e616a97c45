package org.commitmenttracker.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.commitmenttracker.devstack.LocalIssuer;

/**
 * The load driver of issue #9 (no Spring): starts the broker, the store and the four service jars (or targets a
 * running platform), measures the raw rate of the store and the broker, loads N distinct communiqués
 * ({@link Uploads}), then drives progress reports at a fixed rate over HTTP and Kafka ({@link ProgressLoad}) while
 * {@link KafkaObserver} and {@link WebhookReceiver} (subscribed to everything) see what comes back and
 * {@link LagSampler} samples consumer lag, times the registry's reads ({@link RegistryReads}), and prints and writes ({@code report.json}, {@code report.csv}) the
 * {@link LoadReport}: throughput per stage, latency percentiles, consumer lag, CPU and RSS per process.
 * Options: {@link LoadOptions}. Run with {@code ./dev load}.
 */
public final class LoadDriver {
    static final String AGENCY = "loadtest";
    private static final int SECTIONS = 40;
    /** Per process, the busiest kinds of thread of the idle phase the report names. */
    private static final int IDLE_THREADS_SHOWN = 6;
    /** How long after settling the fault table's resumption figures may take to be seen (commits follow writes). */
    private static final Duration RESUMPTION_SEEN_WITHIN = Duration.ofSeconds(15);

    private final LoadOptions options;
    private final ProcessStats processes = new ProcessStats();
    private final Ledger ledger = new Ledger();
    private final AckLog acks = new AckLog();
    /** Closed in reverse order of opening. */
    private final List<AutoCloseable> closing = new ArrayList<>();

    private LoadDriver(LoadOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: ./dev load [--communiques N] [--rate R] [--duration S] [--store memory|h2] [--http-share F]"
                    + " [--raw-seconds S] [--raw-threads T] [--drain S] [--out DIR] [--services-root DIR]"
                    + " [--faults all|broker,store,ingestion,extraction,registry,notification,pause:SERVICE[:S],receiver[:S]]"
                    + " [--target ingestion=URL,extraction=URL,registry=URL,notification=URL --kafka H:P --mongo URI --jwt-dir DIR]");
            System.exit(2);
            return;
        }
        Map<String, Object> report = run(options);
        System.exit(Boolean.TRUE.equals(((Map<?, ?>) report.get("invariants")).get("passed")) ? 0 : 1);
    }

    /** One whole run: the report as {@code report.json} holds it, also printed and written to {@code options.out()}. */
    public static Map<String, Object> run(LoadOptions options) throws Exception {
        // the driver's own Kafka clients warn on every reconnect while the broker is down in fault mode
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        LoadDriver driver = new LoadDriver(options);
        try {
            LoadReport report = driver.execute();
            Map<String, Object> asWritten = report.toMap();
            Reports.write(report, asWritten, options.out());
            System.out.println(Reports.table(asWritten));
            System.out.println("report: " + options.out().resolve("report.json") + " and report.csv; logs: "
                    + options.out().resolve("logs"));
            return asWritten;
        } finally {
            driver.close();
        }
    }

    /** The broker, the store and the services' URLs, started by the driver or targeted. */
    private record Platform(StartedPlatform started, Map<String, String> urls, String kafka, String mongo, LocalIssuer issuer) {
    }

    private LoadReport execute() throws Exception {
        Files.createDirectories(options.out());
        String runId = Long.toString(System.currentTimeMillis(), 36);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", runId);
        run.put("started", Instant.now().toString());
        run.put("load_average_start", loadAverage());
        run.put("cores", Runtime.getRuntime().availableProcessors());
        run.putAll(options.describe());

        long t0 = System.nanoTime();
        Platform platform = startOrTarget();
        run.put("platform_start_s", Latencies.round((System.nanoTime() - t0) / 1e9));
        processes.track("driver", ProcessHandle.current().pid());
        LagSampler lag = open(LagSampler.start(platform.kafka(), processes));
        PlatformApi api = open(new PlatformApi(platform.urls(), platform.issuer()));
        WebhookReceiver receiver = open(WebhookReceiver.start(ledger));
        String subscriptionId = setUp(api, receiver.url(), runId);
        if (platform.started() != null) {
            run.put("services_started_s", platform.started().startedSeconds());
        }

        // 0. the platform idle: what its polls, sweeps, relays and heartbeats cost when nothing happens
        LoadReport.Idle idle = null;
        if (options.idleSeconds() > 0) {
            lag.phase("idle");
            log("leaving the platform idle for %d s…", options.idleSeconds());
            processes.startPhase();
            Map<String, Map<Long, ProcessStats.ThreadTicks>> threadsBefore = processes.threadTicks();
            Thread.sleep(options.idleSeconds() * 1000L);
            idle = new LoadReport.Idle(processes.endPhase(),
                    ProcessStats.busiestThreads(threadsBefore, processes.threadTicks(), IDLE_THREADS_SHOWN));
        }

        // 1. raw limits, with the platform idle
        lag.phase("raw");
        log("measuring the raw store (%d threads) and broker rate, %d s each…", options.rawThreads(), options.rawSeconds());
        processes.startPhase();
        Duration rawEach = Duration.ofSeconds(options.rawSeconds());
        RawRates.Store rawStore = RawRates.store(platform.mongo() + "/loadtest_raw", options.rawThreads(), rawEach);
        RawRates.Broker rawBroker = RawRates.broker(platform.kafka(), rawEach);
        LoadReport.Raw raw = new LoadReport.Raw(rawStore, rawBroker, processes.endPhase());

        open(KafkaObserver.start(platform.kafka(), ledger));

        // 2. N communiqués
        lag.phase("ingest");
        processes.startPhase();
        SyntheticCommuniques corpus = new SyntheticCommuniques(
                Files.readString(options.samplesDir().resolve("zh-cn-ru-pm27-2022.txt")), runId);
        Uploads uploads = new Uploads(api, ledger, acks, corpus);
        Uploads.Figures uploaded = uploads.uploadAll(options.communiques(), rawStore);
        LoadReport.Ingest ingest = new LoadReport.Ingest(uploaded, processes.endPhase(), processes.rssMb(), lag.max("ingest"));

        // 3. progress reports at the chosen rate, then everything settled and verified
        lag.phase("progress");
        processes.startPhase();
        ProgressLoad load = open(new ProgressLoad(api, platform.kafka(), options.httpShare(), ledger, acks));
        int pool = load.openPool();
        double rate = options.rateOfRaw() > 0 ? rawStore.versionedUpdatesPerS() * options.rateOfRaw() : options.rate();
        log("progress reports: %.0f/s for %d s over %d commitments (HTTP share %.0f %%)…", rate,
                options.durationSeconds(), pool, options.httpShare() * 100);
        FaultInjector faults = null;
        Thread trickle = null;
        if (options.faults() != null) {
            faults = new FaultInjector(platform.started(), options.faults(), receiver.failing);
            trickle = uploads.startTrickle(options.communiques());
        }
        ProgressLoad.Window window = load.run(rate, Duration.ofSeconds(options.durationSeconds()), faults, lag);
        log("sent %d reports in %.1f s; draining (up to %d s)…", window.sent(), window.seconds(), options.drainSeconds());
        List<FaultInjector.FaultWindow> faultWindows = List.of();
        if (faults != null) {
            trickle.interrupt();
            trickle.join();
            faults.await();
            faultWindows = faults.windows();
        }
        load.flush(); // every Kafka report acknowledged or refused before the expected set is taken
        long drainStart = System.nanoTime();
        long lastFaultNanos = faults != null && faults.finished() ? faults.finishedNanos() : drainStart;
        Settling.Outcome settled = new Settling(platform.mongo(), platform.kafka(), ledger, acks, receiver, lag, subscriptionId)
                .await(load::answersPending, faultWindows, lastFaultNanos,
                        drainStart + Duration.ofSeconds(options.drainSeconds()).toNanos(), SettleCap.STARTED_PLATFORM.cap());
        for (FaultInjector.FaultWindow faultWindow : faultWindows) {
            faultWindow.awaitResumption(RESUMPTION_SEEN_WITHIN);
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        LoadReport.Progress progress = new LoadReport.Progress(
                progressFigures(pool, rate, window, raw, drainSeconds, settled.verdict(), receiver, load),
                processes.endPhase(), lag.max("progress"));

        // 4. the registry's reads, on the commitments as the load left them
        LoadReport.Reads reads = null;
        if (options.lookups() > 0) {
            lag.phase("reads");
            processes.startPhase();
            RegistryReads.Figures figures = new RegistryReads(api).measure(RegistryReads.ids(ledger), options.lookups(),
                    options.listsPerShape());
            reads = new LoadReport.Reads(figures, processes.endPhase());
        }

        Map<String, Object> invariants = settled.verdict().toMap();
        // after the last fault's target was ready again (without faults: after the load ended); null: never settled
        invariants.put("seconds_to_settle", settled.settledNanos() == 0 ? null
                : Latencies.round((settled.settledNanos() - lastFaultNanos) / 1e9));
        invariants.put("settle_cap", SettleCap.STARTED_PLATFORM.describe());

        run.put("load_average_end", loadAverage());
        run.put("finished", Instant.now().toString());
        return new LoadReport(run, idle, raw, ingest, progress, reads, faultTable(faultWindows, settled.verdict()), invariants,
                targets(uploaded, progress.figures()));
    }

    // ---------------------------------------------------------------- platform

    private Platform startOrTarget() throws IOException {
        if (options.target() != null) {
            log("targeting %s", options.target());
            return new Platform(null, options.target(), options.kafka(), options.mongo().replaceAll("/+$", ""),
                    LocalIssuer.inDirectory(options.jwtDir()));
        }
        Path out = options.out();
        deleteTree(out.resolve("kafka"));
        deleteTree(out.resolve("store"));
        deleteTree(out.resolve("logs"));
        LocalIssuer issuer = LocalIssuer.generate();
        Path publicKey = issuer.writePublicKey(out.resolve("token-public-key.pem"));
        log("starting the broker and the store (%s)…", options.store());
        Map<String, String> env = Map.ofEntries(
                Map.entry("TRACKER_NOTIFICATION_SECRETS_KEY", LocalIssuer.newSecretsKey()),
                Map.entry("TRACKER_WEBHOOKS_ALLOW_INSECURE_LOOPBACK", "true"),
                Map.entry("TRACKER_DEADLINES_INITIAL_DELAY", "1h"),
                Map.entry("TRACKER_SECURITY_RATE_LIMIT_WRITES_PER_SECOND", "100000"),
                // A receiver failure of a few seconds must not push its deliveries to the default schedule's
                // 5-minute retry: retries within a run's drain (the settle cap is derived from them).
                Map.entry("TRACKER_WEBHOOKS_RETRYDELAYS", SettleCap.STARTED_PLATFORM.retryDelaysSetting()),
                Map.entry("TRACKER_WEBHOOKS_BREAKEROPENFOR", "5s"),
                Map.entry("TRACKER_KAFKA_SESSION_TIMEOUT_MS", String.valueOf(SettleCap.STARTED_PLATFORM.sessionTimeout().toMillis())),
                // The synthetic communiqués are variants of one text by construction (years shifted, one bullet
                // added): only identical texts count as the same here, so every variant is stored and announced.
                Map.entry("TRACKER_INGESTION_NEAR_DUPLICATE_SIMILARITY", "1.0"));
        StartedPlatform started = open(StartedPlatform.start(options.projectRoot(), options.servicesRoot(), out,
                options.store().equals("h2") ? out.resolve("store/loadtest.h2") : null, publicKey, env, processes::track));
        log("platform ready: %s", started.urls());
        return new Platform(started, started.urls(), started.kafka(), started.mongo(), issuer);
    }

    /** The run's agency, a rule assigning every section to it, and a subscription to everything; the subscription's id. */
    private static String setUp(PlatformApi api, String webhookUrl, String runId) throws Exception {
        String operator = api.token("loadtest-operator", List.of("operator", "reader"), null);
        api.call("PUT", "registry", "/api/agencies/" + AGENCY, Map.of("name", "Load test agency", "country", "CN",
                "contact", "loadtest@example.org"), operator, 200);
        for (int section = 0; section <= SECTIONS; section++) { // a rule needs a section or a topic
            api.call("PUT", "registry", "/api/assignment-rules/loadtest-section-" + section,
                    Map.of("section", section, "agencies", List.of(AGENCY)), operator, 200);
        }
        String subscriber = api.token("loadtest-subscriber-" + runId, List.of("subscriber"), null);
        // the agency directory is cached for up to 5 s on replicas that did not save it; this one did
        return api.call("POST", "notification", "/api/subscriptions", Map.of("name", "loadtest " + runId,
                "webhookUrl", webhookUrl), subscriber, 201).get("id").asString();
    }

    // ---------------------------------------------------------------- figures

    private ProgressLoad.Figures progressFigures(int pool, double rate, ProgressLoad.Window window, LoadReport.Raw raw,
                                                 double drainSeconds, Invariants.Result verdict, WebhookReceiver receiver,
                                                 ProgressLoad load) {
        double applied = window.announced() / window.seconds();
        return new ProgressLoad.Figures(pool, ledger.unassigned.get(), Latencies.round(rate), Latencies.round(window.seconds()),
                window.sent(), window.sentHttp(), window.sent() - window.sentHttp(), window.starvedTicks(),
                ledger.errors.total(), ledger.errors.byKind(), Latencies.round(window.sent() / window.seconds()),
                Latencies.round(applied), Latencies.round(window.completed() / window.seconds()),
                Latencies.fraction(applied, raw.store().versionedUpdatesPerS()),
                Latencies.fraction(applied, raw.broker().producePerS()), window.lagAtEnd(), Latencies.round(drainSeconds),
                ledger.announced.get(), ledger.completed.get(), verdict.lost(), ledger.inFlight(), receiver.duplicates(),
                ledger.resynchronised.get(), receiver.failuresAnswered(),
                new ProgressLoad.Latency(ledger.reportToStatusChange.summary(), ledger.reportToApplied.summary(),
                        ledger.appliedToPublished.summary(), ledger.publishedToConsumed.summary(),
                        ledger.reportToWebhook.summary(), load.httpResponses()));
    }

    private static List<LoadReport.Fault> faultTable(List<FaultInjector.FaultWindow> windows, Invariants.Result verdict) {
        List<LoadReport.Fault> rows = new ArrayList<>();
        for (FaultInjector.FaultWindow window : windows) {
            long[] counts = verdict.perWindow.get(window); // acks, lost, store loss
            rows.add(new LoadReport.Fault(window.fault.label(),
                    window.injected() ? Latencies.round((window.injectedNanos - window.windowStartNanos) / 1e9) : null,
                    window.readyNanos == 0 ? null : Latencies.round(window.readyAfterSeconds()),
                    window.restartToAppliedSeconds(), window.readyToAppliedSeconds(), window.readyToAllAppliedSeconds(),
                    window.injected() ? String.valueOf(window.injectedAt) : null, counts[0], counts[1],
                    window.killsStore() ? counts[2] : null, window.error));
        }
        return rows;
    }

    private static Map<String, Object> targets(Uploads.Figures ingest, ProgressLoad.Figures progress) {
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("applied_fraction_of_raw (target >= 0.70, with bounded lag)", progress.appliedFractionOfRawVersionedUpdates());
        targets.put("p99_report_to_webhook_ms (target <= 50 at half the sustained rate)", progress.latency().reportToWebhook().p99Ms());
        targets.put("seconds_to_register_" + ingest.communiquesUploaded() + "_communiques (target <= 30 for 100)",
                ingest.secondsToAllRegistered());
        return targets;
    }

    // ---------------------------------------------------------------- helpers

    private <T extends AutoCloseable> T open(T closeable) {
        closing.add(0, closeable);
        return closeable;
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return null;
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[loadtest %s] %s%n", java.time.LocalTime.now().withNano(0), String.format(format, args));
    }

    private void close() {
        for (AutoCloseable closeable : closing) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("closing: " + e);
            }
        }
    }
}
