package org.commitmenttracker.loadtest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.commitmenttracker.devstack.LocalIssuer;
import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.CommuniqueAnalysed;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.ProgressReported;
import org.commitmenttracker.events.Topics;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load driver of issue #9 (no Spring): starts the broker, the store and the four service jars (or targets a
 * running platform), measures the raw rate of the store and the broker, loads N distinct communiqués, then drives
 * progress reports at a fixed rate over HTTP and Kafka with a local webhook receiver subscribed to everything, and
 * prints and writes ({@code report.json}, {@code report.csv}) throughput per stage, latency percentiles, consumer
 * lag, CPU and RSS per process. Options: {@link LoadOptions}. Run with {@code ./dev load}.
 */
public final class LoadDriver {
    static final String AGENCY = "loadtest";
    private static final String SOURCE = "urn:commitment-tracker:loadtest";
    private static final int SECTIONS = 40;
    private static final int TOKEN_SUBJECTS = 32; // the write rate limit is per token subject
    private static final Map<String, String> NEXT = Map.of("PLEDGED", "IN_PROGRESS", "IN_PROGRESS", "STALLED",
            "STALLED", "IN_PROGRESS");
    private static final List<String[]> LAG_WATCH = List.of(new String[]{"extraction", Topics.COMMUNIQUES},
            new String[]{"registry", Topics.COMMITMENTS}, new String[]{"registry", Topics.PROGRESS},
            new String[]{"notification", Topics.STATUS_CHANGES});
    /** Fault mode: one more upload this often, so that faults hit uploads in flight too. */
    private static final Duration UPLOAD_INTERVAL = Duration.ofSeconds(10);
    private static final Duration VERIFY_INTERVAL = Duration.ofSeconds(2);
    /** Fault mode: load goes on this long after the last fault's target is ready again. */
    private static final Duration AFTER_LAST_FAULT = Duration.ofSeconds(5);

    private final LoadOptions options;
    private final JsonMapper json = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();
    private final HttpClient http;
    private final ExecutorService httpExecutor = Executors.newFixedThreadPool(4, daemon("http"));
    private final ProcessStats processes = new ProcessStats();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private volatile boolean stopping;

    private LocalIssuer issuer;
    private final Map<String, String> urls = new LinkedHashMap<>();
    private String kafka;
    private String mongo;
    private StartedPlatform platform; // null when targeting a running platform
    private List<FaultInjector.FaultWindow> faultWindows = List.of();
    private Invariants.Result invariants;
    /** When the last fault's target was ready again (fault mode), else when the load ended; and when all settled (0: never). */
    private long lastFaultNanos;
    private long settledNanos;
    private String subscriptionId;
    private final AckLog acks = new AckLog();
    private final AtomicInteger pendingHttp = new AtomicInteger();
    private final AtomicBoolean receiverFailing = new AtomicBoolean();
    private final AtomicLong receiverFailures = new AtomicLong();

    // what the observer, the webhook receiver and the senders share
    private final Map<String, Doc> docs = new ConcurrentHashMap<>();
    private final Map<String, Tracked> commitments = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Tracked> idle = new ConcurrentLinkedQueue<>();
    private final Set<String> pooled = ConcurrentHashMap.newKeySet();
    private volatile boolean poolOpen; // from the start of the progress window, new registrations join the pool
    private final Set<String> webhookIds = ConcurrentHashMap.newKeySet();
    private final CommittedOffsets committedOffsets = new CommittedOffsets();
    private final AtomicLong webhooksReceived = new AtomicLong();
    private final AtomicLong webhookDuplicates = new AtomicLong();
    private final Latencies reportToStatusChange = new Latencies();
    private final Latencies reportToWebhook = new Latencies();
    private final Latencies httpResponse = new Latencies();
    private final AtomicLong announced = new AtomicLong();
    private final AtomicLong unassigned = new AtomicLong();
    private final AtomicLong resynchronised = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();
    private final Map<String, long[]> lagMaxByPhase = new ConcurrentHashMap<>();
    private volatile String phase = "start";
    private volatile Map<String, Long> lastLag = Map.of();

    static final class Doc {
        volatile long uploadNanos;
        volatile long analysedNanos;
        volatile int expected = -1;
        final AtomicInteger registered = new AtomicInteger();
        volatile long registeredNanos;
        final AtomicInteger notified = new AtomicInteger();
        volatile long notifiedNanos;

        boolean done() {
            return expected >= 0 && registered.get() >= expected && notified.get() >= expected;
        }
    }

    static final class Tracked {
        final String id;
        final String documentId;
        String status = "PLEDGED";
        long version = 1;
        long lastAnnounced = 1;
        String expected;            // the status of the report in flight, null when idle
        UUID inFlight;              // that report's event id
        final Map<Long, Long> sentAtByVersion = new HashMap<>(); // version a report makes → when it was sent

        Tracked(String id, String documentId) {
            this.id = id;
            this.documentId = documentId;
        }
    }

    LoadDriver(LoadOptions options) {
        this.options = options;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpExecutor)
                .connectTimeout(Duration.ofSeconds(5)).build();
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

    /** One whole run: the report, also printed and written to {@code options.out()}. */
    public static Map<String, Object> run(LoadOptions options) throws Exception {
        // the driver's own Kafka clients warn on every reconnect while the broker is down in fault mode
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        LoadDriver driver = new LoadDriver(options);
        try {
            return driver.execute();
        } finally {
            driver.close();
        }
    }

    private Map<String, Object> execute() throws Exception {
        Files.createDirectories(options.out());
        String runId = Long.toString(System.currentTimeMillis(), 36);
        Map<String, Object> report = new LinkedHashMap<>();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", runId);
        run.put("started", Instant.now().toString());
        run.put("load_average_start", loadAverage());
        run.put("cores", Runtime.getRuntime().availableProcessors());
        run.putAll(options.describe());
        report.put("run", run);

        long t0 = System.nanoTime();
        startOrTarget();
        run.put("platform_start_s", Latencies.round((System.nanoTime() - t0) / 1e9));
        processes.track("driver", ProcessHandle.current().pid());
        Thread sampler = new Thread(this::sampleLoop, "sampler");
        sampler.setDaemon(true);
        sampler.start();

        HttpServer receiver = startWebhookReceiver();
        setUp(receiver.getAddress().getPort(), runId);
        if (platform != null) {
            run.put("services_started_s", platform.startedSeconds());
        }

        // 0. the platform idle: what its polls, sweeps, relays and heartbeats cost when nothing happens
        if (options.idleSeconds() > 0) {
            phase = "idle";
            log("leaving the platform idle for %d s…", options.idleSeconds());
            processes.startPhase();
            Thread.sleep(options.idleSeconds() * 1000L);
            report.put("idle", Map.of("processes", processes.endPhase()));
        }

        // 1. raw limits, with the platform idle
        phase = "raw";
        log("measuring the raw store (%d threads) and broker rate, %d s each…", options.rawThreads(), options.rawSeconds());
        Map<String, Object> raw = new LinkedHashMap<>();
        processes.startPhase();
        raw.put("store", RawRates.store(mongo + "/loadtest_raw", options.rawThreads(), Duration.ofSeconds(options.rawSeconds())));
        raw.put("broker", RawRates.broker(kafka, Duration.ofSeconds(options.rawSeconds())));
        raw.put("processes", processes.endPhase());
        report.put("raw", raw);

        startObserver();

        // 3. N communiqués
        phase = "ingest";
        processes.startPhase();
        SyntheticCommuniques corpus = new SyntheticCommuniques(
                Files.readString(options.samplesDir().resolve("zh-cn-ru-pm27-2022.txt")), runId);
        Map<String, Object> ingest = ingest(corpus, raw);
        ingest.put("processes", processes.endPhase());
        ingest.put("rss_mb_after", processes.rssMb());
        ingest.put("lag_max", lagMax("ingest"));
        report.put("ingest", ingest);

        // 4. progress reports at the chosen rate
        phase = "progress";
        processes.startPhase();
        Map<String, Object> progress = progress(raw, corpus);
        progress.put("processes", processes.endPhase());
        progress.put("lag_max", lagMax("progress"));
        report.put("progress", progress);
        report.put("faults", faultTable());
        Map<String, Object> verdict = invariants.toMap();
        // after the last fault's target was ready again (without faults: after the load ended); null: never settled
        verdict.put("seconds_to_settle", settledNanos == 0 ? null : Latencies.round((settledNanos - lastFaultNanos) / 1e9));
        verdict.put("settle_cap", SettleCap.STARTED_PLATFORM.describe());
        report.put("invariants", verdict);

        run.put("load_average_end", loadAverage());
        run.put("finished", Instant.now().toString());
        report.put("targets", targets(report));
        Reports.write(report, options.out(), json);
        System.out.println(Reports.table(report));
        System.out.println("report: " + options.out().resolve("report.json") + " and report.csv; logs: " + options.out().resolve("logs"));
        return report;
    }

    // ---------------------------------------------------------------- platform

    private void startOrTarget() throws IOException {
        if (options.target() != null) {
            urls.putAll(options.target());
            kafka = options.kafka();
            mongo = options.mongo().replaceAll("/+$", "");
            issuer = LocalIssuer.inDirectory(options.jwtDir());
            log("targeting %s", urls);
            return;
        }
        Path out = options.out();
        deleteTree(out.resolve("kafka"));
        deleteTree(out.resolve("store"));
        deleteTree(out.resolve("logs"));
        issuer = LocalIssuer.generate();
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
        platform = StartedPlatform.start(options.projectRoot(), options.servicesRoot(), out,
                options.store().equals("h2") ? out.resolve("store/loadtest.h2") : null, publicKey, env, processes::track);
        closing.add(platform);
        kafka = platform.kafka();
        mongo = platform.mongo();
        urls.putAll(platform.urls());
        log("platform ready: %s", urls);
    }

    private void setUp(int receiverPort, String runId) throws Exception {
        String operator = token("loadtest-operator", List.of("operator", "reader"), null);
        expect(send("PUT", urls.get("registry") + "/api/agencies/" + AGENCY,
                "{\"name\":\"Load test agency\",\"country\":\"CN\",\"contact\":\"loadtest@example.org\"}", operator), 200);
        for (int section = 0; section <= SECTIONS; section++) { // a rule needs a section or a topic
            expect(send("PUT", urls.get("registry") + "/api/assignment-rules/loadtest-section-" + section,
                    "{\"section\":" + section + ",\"agencies\":[\"" + AGENCY + "\"]}", operator), 200);
        }
        String subscriber = token("loadtest-subscriber-" + runId, List.of("subscriber"), null);
        HttpResponse<String> subscription = send("POST", urls.get("notification") + "/api/subscriptions",
                "{\"name\":\"loadtest " + runId + "\",\"webhookUrl\":\"http://127.0.0.1:" + receiverPort + "/hooks/loadtest\"}",
                subscriber);
        expect(subscription, 201);
        subscriptionId = json.readTree(subscription.body()).get("id").asString();
        // the agency directory is cached for up to 5 s on replicas that did not save it; this one did
    }

    // ---------------------------------------------------------------- ingestion

    private Map<String, Object> ingest(SyntheticCommuniques corpus, Map<String, Object> raw) throws Exception {
        int n = options.communiques();
        log("uploading %d communiqués…", n);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            texts.add(corpus.variant(i));
        }
        String publisher = token("loadtest-publisher", List.of("publisher"), null);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        List<Thread> uploaders = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < 4; c++) {
            Thread uploader = new Thread(() -> {
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    if (upload(texts.get(i), publisher) == 200) {
                        duplicates.incrementAndGet();
                    }
                }
            }, "upload-" + c);
            uploader.start();
            uploaders.add(uploader);
        }
        for (Thread uploader : uploaders) {
            uploader.join();
        }
        double uploadSeconds = (System.nanoTime() - start) / 1e9;
        List<Doc> uploaded = docs.values().stream().filter(d -> d.uploadNanos != 0).toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(120 + 2L * n).toNanos();
        while (System.nanoTime() < deadline && !uploaded.stream().allMatch(Doc::done)) {
            Thread.sleep(100);
        }
        long all = uploaded.stream().mapToLong(d -> d.expected).filter(e -> e > 0).sum();
        long registered = uploaded.stream().mapToLong(d -> d.registered.get()).sum();
        long lastRegistered = uploaded.stream().mapToLong(d -> d.registeredNanos).max().orElse(start);
        long lastNotified = uploaded.stream().mapToLong(d -> d.notifiedNanos).max().orElse(start);
        Latencies toAnalysed = new Latencies();
        Latencies toRegistered = new Latencies();
        Latencies toNotified = new Latencies();
        for (Doc doc : uploaded) {
            if (doc.analysedNanos != 0) {
                toAnalysed.add(doc.analysedNanos - doc.uploadNanos);
            }
            if (doc.done()) {
                toRegistered.add(doc.registeredNanos - doc.uploadNanos);
                toNotified.add(doc.notifiedNanos - doc.uploadNanos);
            }
        }
        double registeredSeconds = (lastRegistered - start) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("communiques_uploaded", uploaded.size());
        result.put("duplicates", duplicates.get());
        result.put("communiques_fully_registered", uploaded.stream().filter(Doc::done).count());
        result.put("commitments_expected", all);
        result.put("commitments_registered", registered);
        result.put("uploads_per_s", Latencies.round(uploaded.size() / uploadSeconds));
        result.put("seconds_to_all_registered", Latencies.round(registeredSeconds));
        result.put("seconds_to_all_notified", Latencies.round((lastNotified - start) / 1e9));
        double registeredPerSecond = registeredSeconds <= 0 ? 0 : registered / registeredSeconds;
        result.put("commitments_registered_per_s", Latencies.round(registeredPerSecond));
        Object rawInserts = ((Map<?, ?>) raw.get("store")).get("inserts_per_s");
        result.put("registered_fraction_of_raw_inserts", fraction(registeredPerSecond, rawInserts));
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("upload_to_analysed", toAnalysed.summary());
        latency.put("upload_to_all_registered", toRegistered.summary());
        latency.put("upload_to_all_webhooks", toNotified.summary());
        result.put("latency", latency);
        log("%d of %d communiqués fully registered (%d commitments) in %.1f s", uploaded.stream().filter(Doc::done).count(),
                uploaded.size(), registered, registeredSeconds);
        return result;
    }

    /**
     * Uploads one communiqué; an answer 201 (stored) or 200 (already there) is an acknowledgement.
     *
     * @return the answer's status, 0 when there was none
     */
    private int upload(String text, String publisherToken) {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(urls.get("ingestion") + "/api/communiques"))
                    .header("Authorization", "Bearer " + publisherToken).header("Content-Type", "text/plain; charset=UTF-8")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(text)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 201) {
                error("upload " + response.statusCode());
                return response.statusCode();
            }
            String id = json.readTree(response.body()).get("id").asString();
            acks.upload(id);
            docs.computeIfAbsent(id, k -> new Doc()).uploadNanos = sent;
            return response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the upload trickle is stopping
            return 0;
        } catch (Exception e) {
            error("upload " + e.getClass().getSimpleName());
            return 0;
        }
    }

    // ---------------------------------------------------------------- progress

    private Map<String, Object> progress(Map<String, Object> raw, SyntheticCommuniques corpus) throws Exception {
        // this run's commitments only (a targeted platform may register others meanwhile)
        List<Tracked> pool = new ArrayList<>(commitments.values().stream()
                .filter(t -> docs.get(t.documentId) != null && docs.get(t.documentId).uploadNanos != 0).toList());
        pool.sort(Comparator.comparing(t -> t.id));
        java.util.Collections.shuffle(pool, new java.util.Random(42));
        pool.forEach(this::enterPool);
        poolOpen = true;
        List<String> agencyTokens = new ArrayList<>();
        for (int i = 0; i < TOKEN_SUBJECTS; i++) {
            agencyTokens.add(token("loadtest-agency-" + i, List.of("agency"), AGENCY));
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        closing.add(0, producer);
        double rate = options.rateOfRaw() > 0
                ? ((Number) ((Map<?, ?>) raw.get("store")).get("versioned_updates_per_s")).doubleValue() * options.rateOfRaw()
                : options.rate();
        log("progress reports: %.0f/s for %d s over %d commitments (HTTP share %.0f %%)…", rate,
                options.durationSeconds(), pool.size(), options.httpShare() * 100);

        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(options.durationSeconds()).toNanos();
        long sent = 0;
        long sentHttp = 0;
        long starved = 0;
        long completedAtStart = completed.get();
        long announcedAtStart = announced.get();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        FaultInjector faults = null;
        Thread uploads = null;
        if (options.faults() != null) {
            faults = new FaultInjector(platform, options.faults(), receiverFailing);
            faults.start(start, Duration.ofSeconds(options.durationSeconds()));
            uploads = startUploadTrickle(corpus);
        }
        for (long i = 0; ; i++) {
            long due = start + i * interval;
            // with faults, the load goes on until the last fault's target is ready again, and a little after
            if (due >= end && (faults == null || faults.finished() && due >= faults.finishedNanos() + AFTER_LAST_FAULT.toNanos())) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Tracked tracked = idle.poll();
            if (tracked == null) {
                starved++;
                continue;
            }
            String target;
            long version;
            long now = System.nanoTime();
            UUID eventId = UUID.randomUUID();
            synchronized (tracked) {
                target = NEXT.get(tracked.status);
                tracked.expected = target;
                tracked.inFlight = eventId;
                version = tracked.version + 1;
                tracked.sentAtByVersion.put(version, now);
            }
            String token = agencyTokens.get((int) (i % TOKEN_SUBJECTS));
            int percent = (int) (i % 100);
            sent++;
            if (random.nextDouble() < options.httpShare()) {
                sentHttp++;
                pendingHttp.incrementAndGet();
                String body = "{\"eventId\":\"" + eventId + "\",\"agencyId\":\"" + AGENCY + "\",\"status\":\"" + target
                        + "\",\"percentComplete\":" + percent + ",\"note\":\"load test\",\"occurredAt\":\"" + Instant.now() + "\"}";
                http.sendAsync(HttpRequest.newBuilder(URI.create(urls.get("registry") + "/api/commitments/" + tracked.id + "/progress"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, failure) -> {
                            if (failure != null) {
                                refused(tracked, eventId, "http " + failure.getClass().getSimpleName());
                            } else if (response.statusCode() != 200) {
                                refused(tracked, eventId, "http " + response.statusCode());
                            } else {
                                acks.progressOverHttp(eventId.toString(), tracked.id);
                                httpResponse.add(System.nanoTime() - now);
                            }
                            pendingHttp.decrementAndGet();
                        });
            } else {
                EventEnvelope<ProgressReported> event = EventEnvelope.of(eventId, SOURCE,
                        new ProgressReported(tracked.id, AGENCY, target, percent, "load test", List.of(), Instant.now()),
                        Instant.now(), null);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PROGRESS, tracked.id, codec.encode(event));
                record.headers().add("authorization", ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
                producer.send(record, (metadata, failure) -> {
                    if (failure != null) {
                        refused(tracked, eventId, "kafka " + failure.getClass().getSimpleName());
                    } else {
                        acks.progressOnKafka(eventId.toString(), tracked.id, new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset());
                    }
                });
            }
        }
        double window = (System.nanoTime() - start) / 1e9;
        long completedInWindow = completed.get() - completedAtStart;
        long announcedInWindow = announced.get() - announcedAtStart;
        Map<String, Long> lagAtEnd = lastLag;
        log("sent %d reports in %.1f s; draining (up to %d s)…", sent, window, options.drainSeconds());
        if (faults != null) {
            uploads.interrupt();
            uploads.join();
            faults.await();
            faultWindows = faults.windows();
        }
        producer.flush(); // every Kafka report acknowledged or refused before the expected set is taken
        long drainStart = System.nanoTime();
        lastFaultNanos = faults != null && faults.finished() ? faults.finishedNanos() : drainStart;
        invariants = drainAndVerify(drainStart + Duration.ofSeconds(options.drainSeconds()).toNanos(), SettleCap.STARTED_PLATFORM.cap());
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("commitments", pooled.size());
        result.put("commitments_not_assigned", unassigned.get());
        result.put("offered_per_s", Latencies.round(rate));
        result.put("window_s", Latencies.round(window));
        result.put("sent", sent);
        result.put("sent_http", sentHttp);
        result.put("sent_kafka", sent - sentHttp);
        result.put("starved_ticks", starved);
        result.put("refused", errors.get());
        result.put("errors", new LinkedHashMap<>(errorKinds.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()))));
        result.put("sent_per_s", Latencies.round(sent / window));
        double applied = announcedInWindow / window;
        result.put("status_changes_per_s", Latencies.round(applied));
        result.put("webhooks_per_s", Latencies.round(completedInWindow / window));
        Object rawUpdates = ((Map<?, ?>) raw.get("store")).get("versioned_updates_per_s");
        result.put("applied_fraction_of_raw_versioned_updates", fraction(applied, rawUpdates));
        Object rawProduce = ((Map<?, ?>) raw.get("broker")).get("produce_per_s");
        result.put("status_changes_fraction_of_raw_produce", fraction(applied, rawProduce));
        result.put("lag_at_window_end", lagAtEnd);
        result.put("drain_s", Latencies.round(drainSeconds));
        result.put("announced_total", announced.get());
        result.put("webhooks_total", completed.get());
        result.put("lost", invariants.lost());
        result.put("unsettled", inFlight());
        result.put("webhook_duplicates", webhookDuplicates.get());
        result.put("webhooks_resynchronising", resynchronised.get());
        result.put("receiver_failures_answered", receiverFailures.get());
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("report_to_status_change", reportToStatusChange.summary());
        latency.put("report_to_webhook", reportToWebhook.summary());
        latency.put("http_response", httpResponse.summary());
        result.put("latency", latency);
        return result;
    }

    /**
     * Fault mode's uploads: one communiqué every {@link #UPLOAD_INTERVAL} while the progress window lasts, so that
     * faults of ingestion, extraction and the store hit uploads in flight too.
     */
    private Thread startUploadTrickle(SyntheticCommuniques corpus) {
        String publisher = token("loadtest-publisher", List.of("publisher"), null);
        Thread uploader = new Thread(() -> {
            for (int i = options.communiques(); !Thread.currentThread().isInterrupted(); i++) {
                upload(corpus.variant(i), publisher);
                try {
                    Thread.sleep(UPLOAD_INTERVAL.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "upload-trickle");
        uploader.setDaemon(true);
        uploader.start();
        return uploader;
    }

    /**
     * Waits until everything acknowledged has settled (checked every {@link #VERIFY_INTERVAL} once no HTTP report is
     * unanswered), or nothing has settled for {@code cap} ({@link SettleCap}: what is left is unsettled), or
     * {@code hardCap} passes (the hang guard); the last check is the run's verdict. Neither limit is a performance
     * assertion: how long settling took is a figure of the report.
     */
    private Invariants.Result drainAndVerify(long hardCap, Duration cap) throws InterruptedException {
        try (MongoClient client = MongoClients.create(mongo); PublishedStatusChanges published = new PublishedStatusChanges(kafka)) {
            Invariants checker = new Invariants(client, json);
            long lastCheck = System.nanoTime() - VERIFY_INTERVAL.toNanos();
            long lastProgress = System.nanoTime();
            long outstanding = Long.MAX_VALUE;
            while (true) {
                long now = System.nanoTime();
                boolean stalled = now - lastProgress >= cap.toNanos();
                if (pendingHttp.get() == 0 && now - lastCheck >= VERIFY_INTERVAL.toNanos() || now >= hardCap || stalled) {
                    lastCheck = now;
                    Invariants.Result result = verify(checker, published);
                    if (result != null) {
                        if (result.settled()) {
                            settledNanos = now;
                            log("everything settled %.1f s after the last fault", (now - lastFaultNanos) / 1e9);
                            return result;
                        }
                        if (now >= hardCap) {
                            log("%d outstanding when the hard cap (--drain) passed: unsettled", result.outstanding());
                            return result;
                        }
                        if (result.outstanding() < outstanding) {
                            outstanding = result.outstanding();
                            lastProgress = now;
                        } else if (stalled) {
                            log("%d outstanding, nothing settled for %.0f s: unsettled", result.outstanding(), (now - lastProgress) / 1e9);
                            return result;
                        }
                    } else if (now >= hardCap) {
                        throw new IllegalStateException("the stores could not be read to verify the run");
                    }
                }
                Thread.sleep(200);
            }
        }
    }

    /** One check of the invariants; null if the store cannot be read just now. */
    private Invariants.Result verify(Invariants checker, PublishedStatusChanges published) {
        Map<String, Integer> expected = new HashMap<>();
        docs.forEach((id, doc) -> {
            if (doc.uploadNanos != 0) {
                expected.put(id, doc.expected);
            }
        });
        try {
            return checker.check(acks.all(), expected, subscriptionId, Set.copyOf(webhookIds), published.readToEnd(),
                    committedOffsets, faultWindows);
        } catch (RuntimeException e) {
            log("verification: the stores or status-changes not readable (%s)", e.getMessage());
            return null;
        }
    }

    /** Per fault: when, how long until ready again, and the acknowledgements inside its window and what became of them. */
    private List<Map<String, Object>> faultTable() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FaultInjector.FaultWindow window : faultWindows) {
            long[] counts = invariants.perWindow.get(window);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("fault", window.fault.label());
            row.put("injected_at_s", window.injected() ? Latencies.round((window.injectedNanos - window.windowStartNanos) / 1e9) : null);
            row.put("ready_after_s", window.readyNanos == 0 ? null : Latencies.round(window.readyAfterSeconds()));
            row.put("injected_at", window.injected() ? String.valueOf(window.injectedAt) : null);
            row.put("acks_in_window", counts[0]);
            row.put("lost_in_window", counts[1]);
            row.put("store_loss", window.killsStore() ? counts[2] : null);
            row.put("error", window.error);
            rows.add(row);
        }
        return rows;
    }

    private long inFlight() {
        return commitments.values().stream().filter(t -> {
            synchronized (t) {
                return t.expected != null;
            }
        }).count();
    }

    /** Makes a commitment available for reports, once. */
    private void enterPool(Tracked tracked) {
        if (pooled.add(tracked.id)) {
            idle.add(tracked);
        }
    }

    /** A report was refused or failed: its commitment is free again, unless a webhook settled it meanwhile. */
    private void refused(Tracked tracked, UUID report, String kind) {
        error(kind);
        synchronized (tracked) {
            if (!report.equals(tracked.inFlight)) {
                return;
            }
            tracked.expected = null;
            tracked.inFlight = null;
            tracked.sentAtByVersion.remove(tracked.version + 1);
        }
        idle.add(tracked);
    }

    private void error(String kind) {
        errors.incrementAndGet();
        errorKinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    // ---------------------------------------------------------------- observing: Kafka and webhooks

    /** Reads {@code commitments} (analyses) and {@code status-changes} (registrations, applied reports) as they come. */
    private void startObserver() throws InterruptedException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "loadtest-observer-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        java.util.concurrent.CountDownLatch assigned = new java.util.concurrent.CountDownLatch(1);
        Thread observer = new Thread(() -> {
            try {
                consumer.subscribe(List.of(Topics.COMMITMENTS, Topics.STATUS_CHANGES));
                while (!stopping) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    if (!consumer.assignment().isEmpty() && assigned.getCount() > 0) {
                        consumer.assignment().forEach(consumer::position); // fixes "latest" before anything is uploaded
                        assigned.countDown();
                    }
                    long now = System.nanoTime();
                    for (ConsumerRecord<String, byte[]> record : records) {
                        observe(record, now);
                    }
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                // stopping
            } finally {
                consumer.close();
            }
        }, "observer");
        observer.setDaemon(true);
        observer.start();
        closing.add(0, consumer::wakeup);
        if (!assigned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the observer got no partitions of " + Topics.STATUS_CHANGES);
        }
    }

    private void observe(ConsumerRecord<String, byte[]> record, long now) {
        EventEnvelope<? extends EventData> event;
        try {
            event = codec.decode(record.value());
        } catch (RuntimeException e) {
            return;
        }
        if (event.data() instanceof CommuniqueAnalysed analysed) {
            Doc doc = docs.computeIfAbsent(analysed.documentId(), k -> new Doc());
            doc.expected = analysed.commitmentIds().size();
            doc.analysedNanos = now;
        } else if (event.data() instanceof CommitmentStatusChanged change) {
            if (change.from() == null) {
                Doc doc = docs.computeIfAbsent(change.documentId(), k -> new Doc());
                if (change.agencies().contains(AGENCY)) {
                    Tracked tracked = commitments.computeIfAbsent(change.commitmentId(), id -> new Tracked(id, change.documentId()));
                    if (poolOpen && doc.uploadNanos != 0) {
                        enterPool(tracked); // registered from an upload during the progress window (fault mode)
                    }
                } else {
                    unassigned.incrementAndGet();
                }
                doc.registered.incrementAndGet();
                doc.registeredNanos = now;
                return;
            }
            Tracked tracked = commitments.get(change.commitmentId());
            if (tracked == null) {
                return;
            }
            synchronized (tracked) {
                if (change.version() <= tracked.lastAnnounced) {
                    return; // a duplicate (the relay publishes at least once)
                }
                tracked.lastAnnounced = change.version();
                Long sentAt = tracked.sentAtByVersion.get(change.version());
                if (sentAt != null) {
                    reportToStatusChange.add(now - sentAt);
                    announced.incrementAndGet();
                }
            }
        }
    }

    private HttpServer startWebhookReceiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(8, daemon("webhook")));
        server.createContext("/hooks/loadtest", exchange -> {
            long now = System.nanoTime();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
            if (receiverFailing.get()) {
                // fault mode: half 500 (a failure, retried on schedule), half 503 with Retry-After (throttled)
                if (receiverFailures.incrementAndGet() % 2 == 0) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    exchange.sendResponseHeaders(503, -1);
                } else {
                    exchange.sendResponseHeaders(500, -1);
                }
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            webhooksReceived.incrementAndGet();
            if (webhookId != null && !webhookIds.add(webhookId)) {
                webhookDuplicates.incrementAndGet();
                return;
            }
            try {
                onWebhook(json.readTree(body), now);
            } catch (RuntimeException e) {
                error("webhook body " + e.getClass().getSimpleName());
            }
        });
        server.start();
        closing.add(() -> server.stop(0));
        return server;
    }

    private void onWebhook(JsonNode message, long now) {
        if (!"status.changed".equals(message.path("type").asString(""))) {
            return;
        }
        JsonNode data = message.path("data");
        String commitmentId = data.path("commitmentId").asString("");
        if (data.path("from").isNull() || data.path("from").isMissingNode()) {
            Doc doc = docs.get(data.path("documentId").asString(""));
            if (doc != null) {
                doc.notified.incrementAndGet();
                doc.notifiedNanos = now;
            }
            return;
        }
        Tracked tracked = commitments.get(commitmentId);
        if (tracked == null) {
            return;
        }
        long version = data.path("version").asLong(-1);
        String to = data.path("to").asString("");
        boolean done;
        synchronized (tracked) {
            if (version <= tracked.version) {
                return; // older than what we know
            }
            // Normally the report in flight; after a fault also a report whose answer was lost (applied though
            // the client saw an error): either way the commitment's state is now this.
            done = tracked.expected != null && to.equals(tracked.expected);
            Long sentAt = tracked.sentAtByVersion.get(version);
            if (done && sentAt != null) {
                reportToWebhook.add(now - sentAt);
            }
            tracked.status = to;
            tracked.version = version;
            if (done) {
                tracked.expected = null;
                tracked.inFlight = null;
            }
            tracked.sentAtByVersion.keySet().removeIf(v -> v < version - 1); // the observer may still need this one
        }
        if (done) {
            completed.incrementAndGet();
            idle.add(tracked);
        } else {
            resynchronised.incrementAndGet();
        }
    }

    // ---------------------------------------------------------------- lag, CPU and RSS

    private void sampleLoop() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        try (Admin admin = Admin.create(props)) {
            while (!stopping) {
                processes.sample();
                try {
                    Map<String, Long> lag = lag(admin);
                    lastLag = lag;
                    long[] max = lagMaxByPhase.computeIfAbsent(phase, k -> new long[LAG_WATCH.size()]);
                    for (int i = 0; i < LAG_WATCH.size(); i++) {
                        Long value = lag.get(LAG_WATCH.get(i)[0] + "/" + LAG_WATCH.get(i)[1]);
                        if (value != null) {
                            max[i] = Math.max(max[i], value);
                        }
                    }
                } catch (Exception e) {
                    // topics not there yet, or stopping
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private Map<String, Long> lag(Admin admin) throws Exception {
        Map<String, Long> result = new LinkedHashMap<>();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        Map<String, Map<TopicPartition, Long>> offsets = new HashMap<>();
        for (String group : LAG_WATCH.stream().map(w -> w[0]).distinct().toList()) {
            committed.put(group, admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS));
            Map<TopicPartition, Long> groupOffsets = new HashMap<>();
            committed.get(group).forEach((partition, position) -> {
                if (position != null) {
                    groupOffsets.put(partition, position.offset());
                }
            });
            offsets.put(group, groupOffsets);
        }
        committedOffsets.record(Instant.now(), offsets); // read by now: stamped after the answers
        List<String> topics = LAG_WATCH.stream().map(w -> w[1]).distinct().toList();
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(p -> partitions.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        var ends = admin.listOffsets(partitions).all().get(5, TimeUnit.SECONDS);
        for (String[] watch : LAG_WATCH) {
            long lag = 0;
            for (var end : ends.entrySet()) {
                if (end.getKey().topic().equals(watch[1])) {
                    OffsetAndMetadata position = committed.get(watch[0]).get(end.getKey());
                    lag += end.getValue().offset() - (position == null ? 0 : position.offset());
                }
            }
            result.put(watch[0] + "/" + watch[1], lag);
        }
        return result;
    }

    private Map<String, Long> lagMax(String phaseName) {
        Map<String, Long> result = new LinkedHashMap<>();
        long[] max = lagMaxByPhase.get(phaseName);
        for (int i = 0; i < LAG_WATCH.size(); i++) {
            result.put(LAG_WATCH.get(i)[0] + "/" + LAG_WATCH.get(i)[1], max == null ? null : max[i]);
        }
        return result;
    }

    // ---------------------------------------------------------------- targets and helpers

    private Map<String, Object> targets(Map<String, Object> report) {
        Map<?, ?> progress = (Map<?, ?>) report.get("progress");
        Map<?, ?> ingest = (Map<?, ?>) report.get("ingest");
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("applied_fraction_of_raw (target >= 0.70, with bounded lag)", progress.get("applied_fraction_of_raw_versioned_updates"));
        targets.put("p99_report_to_webhook_ms (target <= 50 at half the sustained rate)",
                ((Map<?, ?>) ((Map<?, ?>) progress.get("latency")).get("report_to_webhook")).get("p99_ms"));
        targets.put("seconds_to_register_" + ingest.get("communiques_uploaded") + "_communiques (target <= 30 for 100)",
                ingest.get("seconds_to_all_registered"));
        return targets;
    }

    private static Double fraction(double value, Object raw) {
        return raw instanceof Number number && number.doubleValue() > 0 ? Math.round(value / number.doubleValue() * 1000) / 1000.0 : null;
    }

    private String token(String subject, List<String> roles, String agency) {
        return issuer.token(subject, roles, agency, Duration.ofHours(4));
    }

    private HttpResponse<String> send(String method, String url, String body, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " → "
                    + response.statusCode() + ": " + response.body());
        }
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return null;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
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
        stopping = true;
        for (AutoCloseable closeable : closing) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("closing: " + e);
            }
        }
        httpExecutor.shutdownNow();
    }
}
