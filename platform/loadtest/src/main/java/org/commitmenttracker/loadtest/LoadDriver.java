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
import org.commitmenttracker.devstack.FreePorts;
import org.commitmenttracker.devstack.Infrastructure;
import org.commitmenttracker.devstack.LocalIssuer;
import org.commitmenttracker.devstack.ManagedProcess;
import org.commitmenttracker.devstack.ServiceProcess;
import org.commitmenttracker.devstack.ServiceSpec;
import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.CommuniqueAnalysed;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.ProgressReported;
import org.commitmenttracker.events.Topics;

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
    private final Map<String, Running> services = new ConcurrentHashMap<>();
    private Map<String, String> faultEnvironment;
    private Path faultPublicKey;
    private final Map<String, Object> fault = new ConcurrentHashMap<>();

    record Running(ServiceSpec spec, ManagedProcess process, ServiceProcess.Ports ports) {
    }

    // what the observer, the webhook receiver and the senders share
    private final Map<String, Doc> docs = new ConcurrentHashMap<>();
    private final Map<String, Tracked> commitments = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Tracked> idle = new ConcurrentLinkedQueue<>();
    private final Set<String> webhookIds = ConcurrentHashMap.newKeySet();
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
                    + " [--target ingestion=URL,extraction=URL,registry=URL,notification=URL --kafka H:P --mongo URI --jwt-dir DIR]");
            System.exit(2);
            return;
        }
        Map<String, Object> report = run(options);
        System.exit(((Number) ((Map<?, ?>) report.get("progress")).get("lost")).longValue() == 0 ? 0 : 1);
    }

    /** One whole run: the report, also printed and written to {@code options.out()}. */
    public static Map<String, Object> run(LoadOptions options) throws Exception {
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
        Map<String, Object> ingest = ingest(new SyntheticCommuniques(
                Files.readString(options.corpusDir().resolve("zh-cn-ru-pm27-2022.txt")), runId), raw);
        ingest.put("processes", processes.endPhase());
        ingest.put("lag_max", lagMax("ingest"));
        report.put("ingest", ingest);

        // 4. progress reports at the chosen rate
        phase = "progress";
        processes.startPhase();
        Map<String, Object> progress = progress(raw);
        progress.put("processes", processes.endPhase());
        progress.put("lag_max", lagMax("progress"));
        report.put("progress", progress);

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
        Infrastructure infrastructure = Infrastructure.start(options.projectRoot(), out, FreePorts.next(), FreePorts.next(),
                FreePorts.next(), options.store().equals("h2") ? out.resolve("store/loadtest.h2") : null);
        closing.add(infrastructure);
        processes.track("kafka", infrastructure.broker().pid());
        processes.track("store", infrastructure.store().pid());
        kafka = infrastructure.kafkaBootstrapServers();
        mongo = infrastructure.mongoUri("").replaceAll("/+$", "");
        Map<String, String> env = Map.of(
                "TRACKER_NOTIFICATION_SECRETS_KEY", LocalIssuer.newSecretsKey(),
                "TRACKER_WEBHOOKS_ALLOW_INSECURE_LOOPBACK", "true",
                "TRACKER_DEADLINES_INITIAL_DELAY", "1h",
                "TRACKER_SECURITY_RATE_LIMIT_WRITES_PER_SECOND", "100000");
        faultEnvironment = env;
        faultPublicKey = publicKey;
        Map<ManagedProcess, ServiceProcess.Ports> started = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            ServiceProcess.Ports ports = new ServiceProcess.Ports(FreePorts.next(), FreePorts.next());
            ManagedProcess process = ServiceProcess.start(options.servicesRoot(), spec, ports, kafka, mongo, publicKey,
                    out.resolve("logs"), env);
            closing.add(0, process); // services stop before the broker and the store
            started.put(process, ports);
            services.put(spec.database(), new Running(spec, process, ports));
            urls.put(spec.database(), "http://127.0.0.1:" + ports.api());
            processes.track(spec.database(), process.pid());
        }
        log("starting the four services…");
        started.forEach((process, ports) -> ServiceProcess.awaitReady(process, ports, Duration.ofSeconds(240)));
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
        expect(send("POST", urls.get("notification") + "/api/subscriptions",
                "{\"name\":\"loadtest " + runId + "\",\"webhookUrl\":\"http://127.0.0.1:" + receiverPort + "/hooks/loadtest\"}",
                subscriber), 201);
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
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(urls.get("ingestion") + "/api/communiques"))
                                .header("Authorization", "Bearer " + publisher).header("Content-Type", "text/plain; charset=UTF-8")
                                .POST(HttpRequest.BodyPublishers.ofString(texts.get(i))).build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            duplicates.incrementAndGet();
                        } else if (response.statusCode() != 201) {
                            error("upload " + response.statusCode());
                            continue;
                        }
                        String id = json.readTree(response.body()).get("id").asString();
                        docs.computeIfAbsent(id, k -> new Doc()).uploadNanos = sent;
                    } catch (Exception e) {
                        error("upload " + e.getClass().getSimpleName());
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

    // ---------------------------------------------------------------- progress

    private Map<String, Object> progress(Map<String, Object> raw) throws Exception {
        // this run's commitments only (a targeted platform may register others meanwhile)
        List<Tracked> pool = new ArrayList<>(commitments.values().stream()
                .filter(t -> docs.get(t.documentId) != null && docs.get(t.documentId).uploadNanos != 0).toList());
        pool.sort(Comparator.comparing(t -> t.id));
        java.util.Collections.shuffle(pool, new java.util.Random(42));
        idle.addAll(pool);
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
        long faultAt = options.faultService() == null ? Long.MAX_VALUE : start + Duration.ofSeconds(options.faultAtSeconds()).toNanos();
        Thread faultThread = null;
        for (long i = 0; ; i++) {
            long due = start + i * interval;
            if (due >= end) {
                break;
            }
            if (due >= faultAt && faultThread == null) {
                faultThread = new Thread(() -> killAndRestart(options.faultService(), start), "fault");
                faultThread.setDaemon(true);
                faultThread.start();
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
                                httpResponse.add(System.nanoTime() - now);
                            }
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
                    }
                });
            }
        }
        double window = (System.nanoTime() - start) / 1e9;
        long completedInWindow = completed.get() - completedAtStart;
        long announcedInWindow = announced.get() - announcedAtStart;
        Map<String, Long> lagAtEnd = lastLag;
        log("sent %d reports in %.1f s; draining (up to %d s)…", sent, window, options.drainSeconds());
        if (faultThread != null) {
            faultThread.join(Duration.ofSeconds(300).toMillis());
        }
        long drainStart = System.nanoTime();
        long drainDeadline = drainStart + Duration.ofSeconds(options.drainSeconds()).toNanos();
        while (System.nanoTime() < drainDeadline && inFlight() > 0) {
            Thread.sleep(50);
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        long lost = inFlight();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("commitments", pool.size());
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
        result.put("lost", lost);
        result.put("webhook_duplicates", webhookDuplicates.get());
        result.put("webhooks_resynchronising", resynchronised.get());
        if (options.faultService() != null) {
            result.put("fault", new LinkedHashMap<>(new java.util.TreeMap<>(fault)));
        }
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("report_to_status_change", reportToStatusChange.summary());
        latency.put("report_to_webhook", reportToWebhook.summary());
        latency.put("http_response", httpResponse.summary());
        result.put("latency", latency);
        return result;
    }

    /** Fault mode: SIGKILL the service (no shutdown hooks, nothing flushed) and start it again on the same ports. */
    private void killAndRestart(String name, long windowStart) {
        Running running = services.get(name);
        long killed = System.nanoTime();
        fault.put("service", name);
        fault.put("killed_at_s", Latencies.round((killed - windowStart) / 1e9));
        log("fault: SIGKILL %s (pid %d)", name, running.process().pid());
        ProcessHandle.of(running.process().pid()).ifPresent(handle -> {
            handle.destroyForcibly();
            handle.onExit().join();
        });
        long refusedBefore = errors.get();
        ManagedProcess restarted = ServiceProcess.start(options.servicesRoot(), running.spec(), running.ports(), kafka, mongo,
                faultPublicKey, options.out().resolve("logs"), faultEnvironment);
        closing.add(0, restarted);
        processes.track(name + "-restarted", restarted.pid());
        try {
            ServiceProcess.awaitReady(restarted, running.ports(), Duration.ofSeconds(240));
            long ready = System.nanoTime();
            fault.put("ready_again_after_s", Latencies.round((ready - killed) / 1e9));
            fault.put("refused_while_down", errors.get() - refusedBefore);
            services.put(name, new Running(running.spec(), restarted, running.ports()));
            log("fault: %s ready again after %.1f s", name, (ready - killed) / 1e9);
        } catch (RuntimeException e) {
            fault.put("restart_failed", String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private long inFlight() {
        return commitments.values().stream().filter(t -> {
            synchronized (t) {
                return t.expected != null;
            }
        }).count();
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
                    commitments.computeIfAbsent(change.commitmentId(), id -> new Tracked(id, change.documentId()));
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

    private static Map<String, Long> lag(Admin admin) throws Exception {
        Map<String, Long> result = new LinkedHashMap<>();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        for (String group : LAG_WATCH.stream().map(w -> w[0]).distinct().toList()) {
            committed.put(group, admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS));
        }
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
