package org.commitmenttracker.registry.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

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
import org.bson.Document;
import org.commitmenttracker.devstack.FreePorts;
import org.commitmenttracker.devstack.Infrastructure;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.ProgressReported;
import org.commitmenttracker.events.TimeExpression;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.registry.RegistryApplication;
import org.commitmenttracker.registry.agencies.Agency;
import org.commitmenttracker.registry.agencies.AgencyDirectory;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.DeadlinePolicy;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.commitmenttracker.registry.store.CommitmentStore;
import org.commitmenttracker.registry.RegistryFixtures;
import org.commitmenttracker.testsupport.TestStack;
import org.commitmenttracker.testsupport.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.result.UpdateResult;

/**
 * Load harness of the commitment registry (issue 5, "Performance"). Not a test: a {@code main} that starts its
 * own Kafka broker and document store (devstack {@link Infrastructure}, memory or H2 backend), the real
 * {@link RegistryApplication} context in-process on them, and then, in one run:
 * <ol>
 *   <li>seeds 10,000 commitments (100 documents × 100) with agencies assigned, through {@link CommitmentStore};</li>
 *   <li>measures the store's raw rate for the registry's write: read by id + {@code updateOne} on
 *   {@code {_id, version}} with {@code $set} of the document and {@code $push} of one outbox entry, on a copy
 *   of the collection, with the driver, N threads;</li>
 *   <li>pre-produces M {@code progress.reported.v1} records on {@code progress} (binding stopped), starts the
 *   binding and measures the applied rate (group {@code registry} lag back to 0, or all expected
 *   {@code commitment.status-changed.v1} seen on {@code status-changes} if that comes first: the registry commits
 *   offsets once a second) and the announced rate (all status changes seen);</li>
 *   <li>paces status-moving reports at half the applied rate and measures report produced → status change
 *   consumed latency, after {@code latencySettleSeconds} at that rate (the store is still collecting the backlog's
 *   garbage when the pace starts), and over the whole paced period as well;</li>
 *   <li>times {@code GET /api/commitments/{id}} and filtered list queries over HTTP.</li>
 * </ol>
 * Prints a table and writes it (markdown) to {@code -Dbench.out}. Settings: {@code -Dbench.backend=memory|h2},
 * {@code -Dbench.commitments}, {@code -Dbench.reports}, {@code -Dbench.rawUpdates}, {@code -Dbench.rawThreads=1,4},
 * {@code -Dbench.latencySeconds}, {@code -Dbench.latencySettleSeconds} (20), {@code -Dbench.latencyRate} (reports/s
 * instead of half the applied rate),
 * {@code -Dbench.props="key=value;key=value"} (extra properties of the registry
 * context, e.g. the consumer concurrency). See docs/performance.md, section "Commitment registry".
 * <p>As in production, every progress record carries its agency's token (header {@code authorization}) and
 * every HTTP request a reader's, signed by the {@link TestTokens} key the registry context trusts.
 */
public final class RegistryLoadBenchmark {
    static final String DATABASE = "registry-bench";
    static final String BINDING = "applyProgress-in-0";
    static final String GROUP = "registry";
    static final List<String> PARTIES = List.of("CN", "RU", "US", "FR", "DE", "GB", "JP", "IN", "BR", "ZA", "KZ", "ID",
            "TR", "SA", "MX");
    static final List<String> TOPICS = List.of("trade", "energy", "climate", "health", "security", "finance",
            "digital", "agriculture", "transport", "education", "culture", "space", "science", "tourism", "customs",
            "investment", "water", "nuclear", "arctic", "migration");
    static final List<String> ORGANISATIONS = List.of("UN", "WTO", "SCO", "BRICS", "G20", "IAEA", "WHO", "ASEAN",
            "APEC", "EAEU");
    static final List<String> INSTRUMENTS = List.of("memorandum of understanding", "intergovernmental agreement",
            "joint action plan", "road map", "working group", "joint commission");
    static final int AGENCIES = 20;

    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();
    private final StringBuilder notes = new StringBuilder();
    private final Random random = new Random(20261125);
    private final EventCodec codec = new EventCodec();

    private Infrastructure infrastructure;
    private ConfigurableApplicationContext registry;
    private MongoClient mongo;
    private String bootstrap;
    private String mongoUri;
    private int httpPort;

    private List<String> ids;
    private final Map<String, List<String>> assigned = new HashMap<>();
    private final Map<String, Integer> statusStep = new HashMap<>(); // 0 PLEDGED, then IN_PROGRESS/STALLED alternating
    private final Map<String, Integer> reportsOn = new HashMap<>();

    /** Report sequence number → nanoTime of send / receipt of its status change (0 = not yet). */
    private long[] sentAt;
    private long[] changedAt;
    /** Wall-clock ms per report: sent, applied (the change's changedAt), published (the change record's timestamp). */
    private long[] sentWall;
    private long[] appliedWall;
    private long[] publishedWall;
    private final AtomicInteger changesSeen = new AtomicInteger();
    private int nextSeq;
    private Thread listener;

    public static void main(String[] args) throws Exception {
        RegistryLoadBenchmark benchmark = new RegistryLoadBenchmark();
        int status = 0;
        try {
            benchmark.run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        } finally {
            benchmark.close();
        }
        System.exit(status);
    }

    static String setting(String name, String fallback) {
        return System.getProperty("bench." + name, fallback);
    }

    static int intSetting(String name, int fallback) {
        return Integer.parseInt(setting(name, String.valueOf(fallback)));
    }

    void run() throws Exception {
        String backend = setting("backend", "memory");
        int commitments = intSetting("commitments", 10_000);
        int reports = intSetting("reports", 30_000);
        int rawUpdates = intSetting("rawUpdates", 20_000);
        int latencySeconds = intSetting("latencySeconds", 20);
        int settleSeconds = intSetting("latencySettleSeconds", 20);
        List<Integer> rawThreads = Arrays.stream(setting("rawThreads", "1,4").split(",")).map(String::trim)
                .map(Integer::valueOf).toList();
        Map<String, String> extra = extraProperties(setting("props", ""));

        settings.put("backend", backend);
        settings.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        settings.put("cpu", cpuModel());
        settings.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        settings.put("load at start", loadAverage());
        settings.put("registry properties", extra.isEmpty() ? "(defaults)" : extra.toString());

        startInfrastructure(backend);
        startRegistry(extra);
        mongo = MongoClients.create(mongoUri);

        phase("seed");
        seed(commitments);
        int warmup = intSetting("warmupReports", 60_000);
        sentAt = new long[warmup + reports + 200_000];
        changedAt = new long[sentAt.length];
        sentWall = new long[sentAt.length];
        appliedWall = new long[sentAt.length];
        publishedWall = new long[sentAt.length];
        startStatusChangeListener();
        if (warmup > 0) {
            // Unwarmed, the JIT's compiler threads took 8.6 of the registry JVM's 20.3 CPU-s while the backlog was
            // applied (14.8 s of 36 in a 60,000-report warm-up, 3.3 of 13 after it): measure the steady state a
            // running registry is in, as JMH would.
            phase("warm-up");
            progressThroughKafka(warmup, 0, false);
            settings.put("warm-up", "%,d reports applied through Kafka before the raw and measured phases".formatted(warmup));
        }
        // The raw rate on the documents as the measured backlog finds them: every report adds a history entry, and
        // the store's cost of an update grows with the document (it copies the whole document).
        phase("raw store");
        double raw = rawStoreRate(rawUpdates, rawThreads);
        phase("progress through Kafka");
        double applied = progressThroughKafka(reports, raw, true);
        phase("latency");
        double latencyRate = Double.parseDouble(setting("latencyRate", "0")); // reports/s; 0: half the applied rate
        latency(latencyRate > 0 ? latencyRate : applied / 2, settleSeconds, latencySeconds,
                latencyRate > 0 ? "fixed rate" : "half the applied rate");
        phase("lookups");
        lookups(intSetting("lookups", 2_000));
        phase("queries");
        queries(intSetting("queriesPerShape", 25));
        settings.put("load at end", loadAverage());
        report();
    }

    // ---------------------------------------------------------------- infrastructure and the registry context

    void startInfrastructure(String backend) throws IOException {
        work = Files.createTempDirectory("registry-bench-");
        Path h2 = "h2".equals(backend) ? work.resolve("store/registry.h2") : null;
        long t = System.nanoTime();
        infrastructure = Infrastructure.start(TestStack.projectRoot(), work, FreePorts.next(), FreePorts.next(),
                FreePorts.next(), h2);
        bootstrap = infrastructure.kafkaBootstrapServers();
        mongoUri = infrastructure.mongoUri(DATABASE);
        log("Kafka %s, store %s (%s) up in %.1f s; logs in %s", bootstrap, mongoUri, backend, secondsSince(t),
                infrastructure.broker().logFile().getParent());
    }

    /** The benchmark's working directory: the broker's and store's data and logs, the registry's access log. */
    private Path work;

    void startRegistry(Map<String, String> extra) {
        System.setProperty("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        System.setProperty("MONGODB_URI", mongoUri);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        // Tokens (HTTP and the progress records' header) are TestTokens', as in the integration tests.
        properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location",
                "file:" + TestTokens.publicKeyFile().toAbsolutePath());
        properties.put("tracker.deadlines.initial-delay", "1h");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.put("spring.cloud.stream.bindings." + BINDING + ".consumer.auto-startup", "false");
        // The server's own time per request (%D: microseconds, from reading the request to the response written),
        // beside what the harness's HTTP client observes.
        properties.put("server.tomcat.accesslog.enabled", "true");
        properties.put("server.tomcat.accesslog.directory", work.resolve("access").toString());
        properties.put("server.tomcat.accesslog.prefix", "access");
        properties.put("server.tomcat.accesslog.suffix", ".log");
        properties.put("server.tomcat.accesslog.rotate", "false");
        properties.put("server.tomcat.accesslog.buffered", "false");
        properties.put("server.tomcat.accesslog.pattern", "%m %U %s %D");
        properties.putAll(extra);
        long t = System.nanoTime();
        // System properties: above application.yml and service-defaults.yml (default properties would be below them).
        properties.forEach((key, value) -> System.setProperty(key, value.toString()));
        registry = new SpringApplicationBuilder(RegistryApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("benchmarkExcludes",
                        new TestClassesExcluded()))
                .run();
        httpPort = Integer.parseInt(registry.getEnvironment().getProperty("local.server.port"));
        log("registry context up on :%d in %.1f s", httpPort, secondsSince(t));
    }

    /** Keeps the test sources' {@code @TestConfiguration} classes out of the registry's component scan. */
    static final class TestClassesExcluded extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName())
                    || reader.getClassMetadata().getClassName().startsWith(RegistryLoadBenchmark.class.getPackageName());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TestClassesExcluded;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    void close() {
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (registry != null) {
            try {
                registry.close();
            } catch (RuntimeException e) {
                log("closing the registry: %s", e);
            }
        }
        if (mongo != null) {
            mongo.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    // ---------------------------------------------------------------- 1. seed

    void seed(int count) throws Exception {
        AgencyDirectory directory = registry.getBean(AgencyDirectory.class);
        List<String> agencies = new ArrayList<>();
        for (int a = 0; a < AGENCIES; a++) {
            String id = "agency-%02d".formatted(a);
            directory.save(new Agency(id, "Agency " + a, PARTIES.get(a % PARTIES.size()), "desk" + a + "@example.org"));
            agencies.add(id);
        }
        CommitmentStore store = registry.getBean(CommitmentStore.class);
        DeadlinePolicy policy = registry.getBean(DeadlinePolicy.class);
        int perDocument = 100;
        int documents = (count + perDocument - 1) / perDocument;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Commitment> all = new ArrayList<>(count);
        ids = new ArrayList<>(count);
        for (int d = 0; d < documents; d++) {
            String documentId = "doc-%024x".formatted(random.nextLong() & Long.MAX_VALUE);
            LocalDate documentDate = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(365 * 11));
            String title = "Joint Statement on Comprehensive Partnership No. " + (d + 1);
            for (int o = 1; o <= perDocument && all.size() < count; o++) {
                String id = "cmt-%032x".formatted(random.nextLong() & Long.MAX_VALUE);
                List<String> parties = pick(PARTIES, 2 + random.nextInt(2));
                List<String> topics = pick(TOPICS, 1 + random.nextInt(2));
                List<String> organisations = random.nextInt(3) == 0 ? pick(ORGANISATIONS, 1) : List.of();
                List<String> instruments = pick(INSTRUMENTS, 1);
                List<TimeExpression> times = new ArrayList<>();
                int milestones = random.nextInt(10) < 8 ? 1 + random.nextInt(2) : 0;
                for (int m = 0; m < milestones; m++) {
                    LocalDate end = today.plusDays(60 + random.nextInt(365 * 10));
                    times.add(new TimeExpression("by " + end.getYear(), null, end, false));
                }
                if (random.nextInt(5) == 0) {
                    times.add(new TimeExpression("in " + documentDate.getYear(), null, documentDate, true));
                }
                String text = "The Parties will deepen cooperation in %s through the %s, with %s, and report on "
                        .formatted(String.join(" and ", topics), instruments.get(0), String.join(", ", parties))
                        + "progress%s (commitment %d of %s).".formatted(times.isEmpty() ? "" : " " + times.get(0).text(),
                        o, documentId);
                ExtractedFacts facts = new ExtractedFacts(documentId, title, documentDate, o % 7 == 0 ? "narrative" : "bullet",
                        1 + (o - 1) / 15, o, text, parties, instruments, organisations, topics, times, "bench-1");
                Instant now = Instant.now();
                Commitment registered = Commitment.register(id, facts, Commitment.EXTRACTION,
                        "extracted from " + documentId, UUID.randomUUID().toString(), Set.of(), policy, now).next();
                List<String> agencyIds = pick(agencies, 1 + random.nextInt(2));
                Commitment withAgencies = registered.assign(agencyIds, "operator:bench", now).next();
                all.add(withAgencies);
                ids.add(id);
                assigned.put(id, withAgencies.agencies());
                statusStep.put(id, 0);
            }
        }
        long t = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int part = 0; part < 4; part++) {
            int from = part * all.size() / 4;
            int to = (part + 1) * all.size() / 4;
            done.add(pool.submit(() -> all.subList(from, to).forEach(c -> {
                if (!store.insert(c, List.of())) {
                    throw new IllegalStateException("duplicate " + c.id());
                }
            })));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = secondsSince(t);
        long stored = mongo.getDatabase(DATABASE).getCollection(CommitmentStore.COLLECTION).countDocuments();
        log("seeded %d commitments (%d documents, %d agencies) in %.1f s (%.0f inserts/s); %d stored", count,
                documents, AGENCIES, seconds, count / seconds, stored);
        row("seed: commitments inserted through CommitmentStore.insert (4 threads)", "%,d in %.1f s = %,.0f/s"
                .formatted(count, seconds, count / seconds), "", "");
    }

    <T> List<T> pick(List<T> from, int n) {
        List<T> copy = new ArrayList<>(from);
        Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, n));
    }

    // ---------------------------------------------------------------- 2. raw store rate

    double rawStoreRate(int updates, List<Integer> threadCounts) throws Exception {
        MongoCollection<Document> source = mongo.getDatabase(DATABASE).getCollection(CommitmentStore.COLLECTION);
        MongoCollection<Document> raw = mongo.getDatabase(DATABASE).getCollection("raw_commitments");
        raw.drop();
        raw.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
        List<Document> batch = new ArrayList<>();
        for (Document d : source.find()) {
            batch.add(d);
            if (batch.size() == 500) {
                raw.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            raw.insertMany(batch);
        }
        // An outbox entry the size of a real CommitmentStatusChanged envelope.
        String payload = new String(codec.encode(EventEnvelope.of(UUID.randomUUID(), "/services/commitment-registry",
                new org.commitmenttracker.events.CommitmentStatusChanged("cmt-0", "doc-0", 2,
                        "The Parties will deepen cooperation in trade and energy through the joint action plan, with CN, RU, and report on progress by 2030.",
                        List.of("CN", "RU"), List.of("trade", "energy"), List.of("UN"), List.of("agency-01"),
                        LocalDate.of(2030, 12, 31), "PLEDGED", "IN_PROGRESS", "b123456", "agency:agency-01",
                        Instant.now(), 3L), Instant.now(), null)), StandardCharsets.UTF_8);
        double best = 0;
        warmUpRaw(raw, payload, Math.min(2_000, updates / 5));
        for (int threads : threadCounts) {
            long cpu0 = processCpu();
            long store0 = childCpu(infrastructure.store().pid());
            AtomicLong conflicts = new AtomicLong();
            long t = System.nanoTime();
            runRawUpdates(raw, payload, updates, threads, conflicts);
            double seconds = secondsSince(t);
            double rate = updates / seconds;
            best = Math.max(best, rate);
            log("raw store: %d versioned updates, %d thread(s): %.1f s = %.0f writes/s (%d conflicts retried); "
                    + "CPU s: harness %.1f, store %.1f", updates, threads, seconds, rate, conflicts.get(),
                    (processCpu() - cpu0) / 1e9, (childCpu(infrastructure.store().pid()) - store0) / 100.0);
            row("raw store: find by _id + updateOne {_id, version} $set of the changed fields and outbox + $push history, %d thread(s)".formatted(threads),
                    "%,.0f writes/s".formatted(rate), "", "%,d updates, %.1f s, load %s".formatted(updates, seconds, loadAverage()));
        }
        int andUpdates = intSetting("rawAndUpdates", 500);
        if (andUpdates > 0) {
            long store0 = childCpu(infrastructure.store().pid());
            long t = System.nanoTime();
            Random r = new Random(7);
            for (int i = 0; i < andUpdates; i++) {
                String id = ids.get(r.nextInt(ids.size()));
                while (!rawUpdate(raw, id, payload, true)) {
                    Thread.onSpinWait();
                }
            }
            double seconds = secondsSince(t);
            log("raw store, same update with the filter as {$and: [{_id}, {version}]}: %.0f writes/s, store CPU %.1f ms per write",
                    andUpdates / seconds, (childCpu(infrastructure.store().pid()) - store0) * 10.0 / andUpdates);
            row("(contrast) the same update with the filter written as {$and: [{_id}, {version}]}, 1 thread",
                    "%,.0f writes/s".formatted(andUpdates / seconds), "",
                    "%,d updates; store CPU %.1f ms per write: the embedded store scans the collection for this shape"
                            .formatted(andUpdates, (childCpu(infrastructure.store().pid()) - store0) * 10.0 / andUpdates));
        }
        // The copy's 10,000 documents would otherwise stay in the store's heap for the rest of the run: a store
        // holding twice the data collects garbage for longer, and the registry's phases would pay for it.
        raw.drop();
        return best;
    }

    void warmUpRaw(MongoCollection<Document> raw, String payload, int updates) throws Exception {
        runRawUpdates(raw, payload, updates, 2, new AtomicLong());
    }

    void runRawUpdates(MongoCollection<Document> raw, String payload, int updates, int threads, AtomicLong conflicts)
            throws Exception {
        AtomicInteger remaining = new AtomicInteger(updates);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            long seed = random.nextLong();
            futures.add(pool.submit(() -> {
                Random r = new Random(seed);
                while (remaining.getAndDecrement() > 0) {
                    String id = ids.get(r.nextInt(ids.size()));
                    while (!rawUpdate(raw, id, payload)) {
                        conflicts.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    /** The registry's write, without the registry: read by id, next state, versioned update with an outbox entry. */
    static boolean rawUpdate(MongoCollection<Document> raw, String id, String payload) {
        return rawUpdate(raw, id, payload, false);
    }

    static boolean rawUpdate(MongoCollection<Document> raw, String id, String payload, boolean explicitAnd) {
        Document current = raw.find(Filters.eq("_id", id)).first();
        long version = ((Number) current.get("version")).longValue();
        // The write a progress report makes (CommitmentStore: only what changed): $set of the fields a report
        // changes, the evidence list with the new link, $push of one history entry, and one outbox entry. The outbox
        // is set rather than pushed: nothing trims it here as the relay does there, and a growing outbox would make
        // every raw write dearer than the registry's.
        Date now = new Date();
        String evidence = "https://example.org/evidence/raw/" + UUID.randomUUID();
        List<String> evidenceUrls = new ArrayList<>(current.getList("evidenceUrls", String.class, List.of()));
        evidenceUrls.add(evidence);
        Document outbox = new Document("eventId", UUID.randomUUID().toString()).append("topic", Topics.STATUS_CHANGES)
                .append("key", id).append("payload", payload);
        Document set = new Document("status", "IN_PROGRESS").append("percentComplete", 40).append("evidenceUrls", evidenceUrls)
                .append("lastReportAt", now).append("updatedAt", now).append("version", version + 1)
                .append("outbox", List.of(outbox));
        Document entry = new Document("at", now).append("kind", "progress").append("status", "IN_PROGRESS")
                .append("from", "PLEDGED").append("to", "IN_PROGRESS").append("actor", "agency:agency-01")
                .append("cause", "raw").append("eventId", UUID.randomUUID().toString()).append("percentComplete", 40)
                .append("evidenceUrls", List.of(evidence));
        org.bson.conversions.Bson filter = explicitAnd
                ? Filters.and(Filters.eq("_id", id), Filters.eq("version", version)) // {$and: [...]}: not index-served
                : new Document("_id", id).append("version", version); // as CommitmentStore writes it
        UpdateResult result = raw.updateOne(filter, new Document("$set", set)
                .append("$push", new Document("history", new Document("$each", List.of(entry)))));
        return result.getMatchedCount() == 1;
    }

    // ---------------------------------------------------------------- 3. progress through Kafka

    /** A report on commitment {@code id}: a status move (IN_PROGRESS ↔ STALLED) or percent-only. */
    private final Map<String, String> agencyTokens = new ConcurrentHashMap<>();
    private static final String READER = TestTokens.bearer("benchmark-reader", List.of("reader"), null);

    ProducerRecord<String, byte[]> nextReport(String id, boolean statusMove, Instant occurredAt, int seq) {
        int step = statusStep.get(id);
        String status = null;
        if (statusMove) {
            status = step % 2 == 0 ? "IN_PROGRESS" : "STALLED";
            statusStep.put(id, step + 1);
        }
        int n = reportsOn.merge(id, 1, Integer::sum);
        List<String> agencies = assigned.get(id);
        String agency = agencies.get(seq % agencies.size());
        ProgressReported data = new ProgressReported(id, agency, status, statusMove ? null : Math.min(100, 10 * n),
                "b" + seq, List.of("https://agency.example.org/" + agency + "/reports/" + seq), occurredAt);
        byte[] value = codec.encode(EventEnvelope.of(UUID.randomUUID(), "/agencies/" + agency, data, occurredAt, null));
        // Each agency system signs in once and sends its token with every record.
        return RegistryFixtures.progressRecord(id, value, agencyTokens.computeIfAbsent(agency, TestTokens::agency));
    }

    /** Applies a backlog of {@code count} reports; {@code measured}: recorded in the report (else a warm-up, the binding stopped after). */
    double progressThroughKafka(int count, double rawRate, boolean measured) throws Exception {
        List<String> order = new ArrayList<>(ids);
        Collections.shuffle(order, random);
        Instant base = Instant.now().minusSeconds(600);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(count);
        int expectedChanges = 0;
        for (int i = 0; i < count; i++) {
            String id = order.get(i % order.size());
            int round = i / order.size();
            boolean move = round % 2 == 0; // move, percent-only, move, ...: half the reports change the status
            if (move) {
                expectedChanges++;
            }
            records.add(nextReport(id, move, base.plusMillis(i / 50), nextSeq++));
        }
        long t0 = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer(5)) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
        log("produced %d progress reports (%d status moves) in %.1f s, binding stopped", count, expectedChanges,
                secondsSince(t0));
        Map<TopicPartition, Long> ends = endOffsets(Topics.PROGRESS);
        int changesBefore = changesSeen.get();
        long cpu0 = processCpu();
        long store0 = childCpu(infrastructure.store().pid());
        long broker0 = childCpu(infrastructure.broker().pid());
        Sampler sampler = new Sampler();
        String load0 = loadAverage();

        Map<String, Long> threadCpu0 = threadCpuByGroup();
        long start = System.nanoTime();
        registry.getBean(BindingsLifecycleController.class).changeState(BINDING, BindingsLifecycleController.State.STARTED);
        sampler.start();
        long appliedAt = 0;
        long announcedAt = 0;
        long deadline = start + Duration.ofMinutes(10).toNanos();
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline && (appliedAt == 0 || announcedAt == 0)) {
                if (appliedAt == 0 && lag(admin, ends) == 0) {
                    appliedAt = System.nanoTime();
                    sampler.stop();
                }
                if (announcedAt == 0 && changesSeen.get() - changesBefore >= expectedChanges) {
                    announcedAt = System.nanoTime();
                }
                Thread.sleep(50);
            }
        }
        sampler.stop();
        if (appliedAt == 0 || announcedAt == 0) {
            throw new IllegalStateException("progress not applied within 10 minutes: " + (changesSeen.get() - changesBefore)
                    + " of " + expectedChanges + " status changes seen");
        }
        double lagSeconds = (appliedAt - start) / 1e9;
        double announcedSeconds = (announcedAt - start) / 1e9;
        // Offsets are committed once a second: the last status change seen can tell that all reports were applied
        // before the lag does (a report is applied before its change is announced).
        double appliedSeconds = Math.min(lagSeconds, announcedSeconds);
        double applied = count / appliedSeconds;
        double wall = Math.max(appliedSeconds, announcedSeconds);
        double harnessCpu = (processCpu() - cpu0) / 1e9;
        double storeCpu = (childCpu(infrastructure.store().pid()) - store0) / 100.0;
        double brokerCpu = (childCpu(infrastructure.broker().pid()) - broker0) / 100.0;
        log("applied %d reports in %.1f s = %.0f reports/s (%.0f%% of raw %.0f/s); all %d status changes seen after %.1f s, lag 0 after %.1f s",
                count, appliedSeconds, applied, 100 * applied / rawRate, rawRate, expectedChanges, announcedSeconds, lagSeconds);
        log("CPU during the phase (%.1f s wall, 2 cores = %.1f core-s): registry+harness JVM %.1f s, store %.1f s, broker %.1f s; load %s → %s",
                wall, 2 * wall, harnessCpu, storeCpu, brokerCpu, load0, loadAverage());
        Map<String, Long> threadCpu = threadCpuByGroup();
        threadCpu.replaceAll((group, ticks) -> ticks - threadCpu0.getOrDefault(group, 0L));
        StringBuilder byThread = new StringBuilder();
        threadCpu.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> byThread.append("%s %.1f s; ".formatted(e.getKey(), e.getValue() / 100.0)));
        log("JVM CPU by thread (OS threads, names without numbers): %s", byThread);
        if (!measured) {
            registry.getBean(BindingsLifecycleController.class).changeState(BINDING, BindingsLifecycleController.State.STOPPED);
            return applied;
        }
        notes.append("\nJVM CPU by thread while applying the backlog (OS thread names, numbers folded): ").append(byThread).append("\n");
        row("progress.reported.v1 applied through Kafka (backlog of %,d, %d%% status moves)".formatted(count,
                        100 * expectedChanges / count),
                "%,.0f reports/s = %.0f%% of raw".formatted(applied, 100 * applied / rawRate), "≥ 70 % of raw",
                "lag 0 after %.1f s (offsets committed every second); all %,d status changes consumed after %.1f s (%,.0f/s)"
                        .formatted(lagSeconds, expectedChanges, announcedSeconds, expectedChanges / announcedSeconds));
        notes.append("\nCPU while applying the backlog (%.1f s wall, %.1f core-seconds available): registry JVM (with the harness) %.1f s, document store %.1f s, Kafka broker %.1f s; load average %s → %s.\n"
                .formatted(wall, 2 * wall, harnessCpu, storeCpu, brokerCpu, load0, loadAverage()));
        notes.append(sampler.summary());
        return applied;
    }

    /** Polls the status-changes topic from its end, recording when each report's change (cause = b{seq}) arrives. */
    void startStatusChangeListener() throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(1);
        listener = new Thread(() -> {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
                List<TopicPartition> partitions = consumer.partitionsFor(Topics.STATUS_CHANGES, Duration.ofSeconds(30))
                        .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                ready.countDown();
                byte[] marker = "\"cause\":\"b".getBytes(StandardCharsets.UTF_8);
                while (!Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                        long now = System.nanoTime();
                        int seq = seqOf(record.value(), marker);
                        if (seq >= 0 && seq < changedAt.length && changedAt[seq] == 0) {
                            changedAt[seq] = now;
                            publishedWall[seq] = record.timestamp();
                            appliedWall[seq] = changedAtOf(record.value());
                            changesSeen.incrementAndGet();
                        }
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // stopping
            }
        }, "bench-status-changes");
        listener.setDaemon(true);
        listener.start();
        ready.await();
    }

    static int seqOf(byte[] value, byte[] marker) {
        outer:
        for (int i = 0; i + marker.length < value.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (value[i + j] != marker[j]) {
                    continue outer;
                }
            }
            int seq = 0;
            for (int k = i + marker.length; k < value.length && value[k] >= '0' && value[k] <= '9'; k++) {
                seq = seq * 10 + (value[k] - '0');
            }
            return seq;
        }
        return -1;
    }

    // ---------------------------------------------------------------- 4. latency at half the applied rate

    void latency(double rate, int settleSeconds, int seconds, String pace) throws Exception {
        int count = (int) (rate * (settleSeconds + seconds));
        List<String> order = new ArrayList<>(ids);
        Collections.shuffle(order, random);
        int firstSeq = nextSeq;
        long intervalNanos = (long) (1e9 / rate);
        String load0 = loadAverage();
        try (KafkaProducer<String, byte[]> producer = producer(1)) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                String id = order.get(i % order.size());
                int seq = nextSeq++;
                ProducerRecord<String, byte[]> record = nextReport(id, true, Instant.now(), seq);
                long due = start + i * intervalNanos;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(Math.min(wait, 200_000));
                }
                sentAt[seq] = System.nanoTime();
                sentWall[seq] = System.currentTimeMillis();
                producer.send(record);
            }
            producer.flush();
            log("paced %d status-moving reports at %.0f/s over %.1f s", count, rate, secondsSince(start));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && !allSeen(firstSeq, nextSeq)) {
            Thread.sleep(100);
        }
        // The settling period is left out (at least the first 2 s, at most a tenth, without one): right after the
        // backlog the store is still collecting its garbage, and the target is about the half rate itself.
        int skip = settleSeconds > 0 ? (int) (rate * settleSeconds) : (int) Math.min(count / 10, rate * 2);
        List<Long> latencies = new ArrayList<>();
        List<Long> whole = new ArrayList<>();
        int missing = 0;
        for (int seq = firstSeq; seq < nextSeq; seq++) {
            if (changedAt[seq] == 0) {
                missing += seq >= firstSeq + skip ? 1 : 0;
            } else {
                whole.add(changedAt[seq] - sentAt[seq]);
                if (seq >= firstSeq + skip) {
                    latencies.add(changedAt[seq] - sentAt[seq]);
                }
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] wholeSorted = whole.stream().mapToLong(Long::longValue).sorted().toArray();
        log("latency report → status change over %d reports after %d s settling (%d missing): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                sorted.length, settleSeconds, missing, ms(pct(sorted, 50)), ms(pct(sorted, 95)), ms(pct(sorted, 99)), ms(sorted[sorted.length - 1]));
        String wholePeriod = "over the whole paced period (settling included): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms"
                .formatted(ms(pct(wholeSorted, 50)), ms(pct(wholeSorted, 95)), ms(pct(wholeSorted, 99)));
        log("latency %s", wholePeriod);
        // Where the time goes (wall clock, ms): to the registry's apply, from it to the relay's send, then to the harness.
        List<Long> toApplied = new ArrayList<>();
        List<Long> toPublished = new ArrayList<>();
        List<Long> toConsumed = new ArrayList<>();
        List<Long> sentToPublished = new ArrayList<>();
        for (int seq = firstSeq + skip; seq < nextSeq; seq++) {
            if (changedAt[seq] != 0 && appliedWall[seq] != 0) {
                sentToPublished.add(publishedWall[seq] - sentWall[seq]);
                toApplied.add(appliedWall[seq] - sentWall[seq]);
                toPublished.add(publishedWall[seq] - appliedWall[seq]);
                toConsumed.add(sentWall[seq] + (changedAt[seq] - sentAt[seq]) / 1_000_000 - publishedWall[seq]);
            }
        }
        String csv = setting("latencyCsv", "");
        if (!csv.isEmpty()) { // one line per report, to see whether the tail is steady queueing or periodic stalls
            StringBuilder lines = new StringBuilder("sent_wall_ms,to_applied_ms,to_published_ms,total_ms\n");
            for (int seq = firstSeq; seq < nextSeq; seq++) { // settling included
                if (changedAt[seq] != 0) {
                    lines.append(sentWall[seq]).append(',').append(appliedWall[seq] - sentWall[seq]).append(',')
                            .append(publishedWall[seq] - sentWall[seq]).append(',')
                            .append((changedAt[seq] - sentAt[seq]) / 1_000_000).append('\n');
                }
            }
            Files.writeString(Path.of(csv), lines);
        }
        String stages = "sent → applied %s; applied → published (bulk write, relay) %s; published → consumed %s (p50/p95/p99 ms)"
                .formatted(percentiles(toApplied), percentiles(toPublished), percentiles(toConsumed));
        log("latency by stage: %s", stages);
        notes.append("\nReport → status change at %,.0f/s, by stage: %s; %s.\n".formatted(rate, stages, wholePeriod));
        // The measure ends when the change is published: the relay's send, the record's timestamp (the same
        // host's clock as the harness's send). The row after it adds the hop to a consumer.
        long[] published = sentToPublished.stream().mapToLong(Long::longValue).sorted().toArray();
        row("report produced → commitment.status-changed.v1 published (the record's timestamp), paced at %,.0f/s".formatted(rate),
                "p50 %d ms, p95 %d ms, p99 %d ms".formatted(pct(published, 50), pct(published, 95), pct(published, 99)),
                "p99 ≤ 50 ms", "the same %,d reports, wall clock in ms".formatted(published.length));
        row("report produced → commitment.status-changed.v1 consumed, paced at %,.0f/s (%s)".formatted(rate, pace),
                "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms".formatted(ms(pct(sorted, 50)), ms(pct(sorted, 95)), ms(pct(sorted, 99))),
                "p99 ≤ 50 ms", "%,d reports over %d s after %d s at the same pace (%,d skipped), max %.1f ms, %d missing; load %s → %s"
                        .formatted(sorted.length, seconds, settleSeconds, skip, ms(sorted[sorted.length - 1]), missing, load0,
                                loadAverage()));
    }

    static String percentiles(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? "-" : "%d/%d/%d".formatted(pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
    }

    /** The {@code changedAt} of a status change's payload, epoch ms (0 if absent). */
    static long changedAtOf(byte[] value) {
        String json = new String(value, StandardCharsets.UTF_8);
        int at = json.indexOf("\"changedAt\":\"");
        if (at < 0) {
            return 0;
        }
        int start = at + "\"changedAt\":\"".length();
        return Instant.parse(json.substring(start, json.indexOf('"', start))).toEpochMilli();
    }

    boolean allSeen(int from, int to) {
        for (int seq = from; seq < to; seq++) {
            if (changedAt[seq] == 0) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- 5. lookups and queries over HTTP

    void lookups(int count) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // Until the lookup path (Tomcat, security, mapping, JSON) is compiled, its times are the JIT's: with 2,000
        // warm-up lookups the server's p95 was 2.8-3.8 ms, with 10,000 1.8 ms.
        for (int i = 0, warmup = intSetting("lookupWarmup", Math.max(10_000, count)); i < warmup; i++) {
            get(http, "/api/commitments/" + ids.get(random.nextInt(ids.size())));
        }
        long[] times = new long[count];
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            String path = "/api/commitments/" + ids.get(random.nextInt(ids.size()));
            long t = System.nanoTime();
            bytes += get(http, path).length();
            times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        long[] server = serverMicros(path -> path.startsWith("/api/commitments/cmt-"), count);
        // The store's part: the same point read with the driver.
        MongoCollection<Document> commitments = mongo.getDatabase(DATABASE).getCollection(CommitmentStore.COLLECTION);
        long[] store = new long[count];
        for (int i = 0; i < count; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            long t = System.nanoTime();
            commitments.find(Filters.eq("_id", id)).first();
            store[i] = System.nanoTime() - t;
        }
        Arrays.sort(store);
        log("GET /api/commitments/{id}: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (avg %d bytes); in the server (Tomcat's access log) p50 %.2f ms, p95 %.2f ms, p99 %.2f ms; driver find by _id p50 %.2f ms, p95 %.2f ms",
                ms(pct(times, 50)), ms(pct(times, 95)), ms(pct(times, 99)), bytes / count, pct(server, 50) / 1e3,
                pct(server, 95) / 1e3, pct(server, 99) / 1e3, ms(pct(store, 50)), ms(pct(store, 95)));
        row("GET /api/commitments/{id}, sequential, as the harness's client sees it", "p50 %.2f ms, p95 %.2f ms".formatted(ms(pct(times, 50)), ms(pct(times, 95))),
                "p95 ≤ 2 ms", "%,d lookups, p99 %.2f ms, %,d bytes each; JDK HttpClient in the registry's JVM; load %s"
                        .formatted(count, ms(pct(times, 99)), bytes / count, loadAverage()));
        row("GET /api/commitments/{id}, the same requests in the server", "p50 %.2f ms, p95 %.2f ms".formatted(pct(server, 50) / 1e3, pct(server, 95) / 1e3),
                "p95 ≤ 2 ms", "Tomcat's access log (%%D, request read to response written), p99 %.2f ms; of which the store (driver find by _id): p50 %.2f ms, p95 %.2f ms"
                        .formatted(pct(server, 99) / 1e3, ms(pct(store, 50)), ms(pct(store, 95))));
    }

    /** The server's times (µs, sorted) of the last {@code count} GETs of a path {@code path} accepts, from the access log. */
    long[] serverMicros(java.util.function.Predicate<String> path, int count) throws IOException {
        List<Long> micros = new ArrayList<>();
        try (var files = Files.list(work.resolve("access"))) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] fields = line.split(" ");
                    if (fields.length == 4 && "GET".equals(fields[0]) && path.test(fields[1]) && "200".equals(fields[2])) {
                        micros.add(Long.parseLong(fields[3]));
                    }
                }
            }
        }
        if (micros.size() < count) {
            throw new IllegalStateException("the access log holds " + micros.size() + " lookups, fewer than the " + count + " measured");
        }
        return micros.subList(micros.size() - count, micros.size()).stream().mapToLong(Long::longValue).sorted().toArray();
    }

    void queries(int perShape) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, java.util.function.Supplier<String>> shapes = new LinkedHashMap<>();
        shapes.put("status", () -> "status=" + (random.nextBoolean() ? "IN_PROGRESS" : "STALLED"));
        shapes.put("topic", () -> "topic=" + TOPICS.get(random.nextInt(TOPICS.size())));
        shapes.put("party", () -> "party=" + PARTIES.get(random.nextInt(PARTIES.size())));
        shapes.put("section", () -> "section=" + (1 + random.nextInt(7)));
        shapes.put("dueBefore", () -> "dueBefore=" + LocalDate.now(ZoneOffset.UTC).plusYears(1 + random.nextInt(4)));
        shapes.put("status+topic", () -> "status=IN_PROGRESS&topic=" + TOPICS.get(random.nextInt(TOPICS.size())));
        shapes.put("party+section", () -> "party=" + PARTIES.get(random.nextInt(PARTIES.size())) + "&section=" + (1 + random.nextInt(7)));
        shapes.put("topic+dueBefore", () -> "topic=" + TOPICS.get(random.nextInt(TOPICS.size())) + "&dueBefore="
                + LocalDate.now(ZoneOffset.UTC).plusYears(3));
        shapes.put("status+party+dueBefore, sort=due", () -> "status=STALLED&party=" + PARTIES.get(random.nextInt(PARTIES.size()))
                + "&dueBefore=" + LocalDate.now(ZoneOffset.UTC).plusYears(5) + "&sort=due");
        shapes.put("agency, sort=updated", () -> "agency=agency-%02d&sort=updated".formatted(random.nextInt(AGENCIES)));
        for (var shape : shapes.values()) {
            for (int i = 0; i < 3; i++) {
                get(http, "/api/commitments?size=50&" + shape.get());
            }
        }
        List<Long> all = new ArrayList<>();
        StringBuilder perShapeText = new StringBuilder();
        for (var shape : shapes.entrySet()) {
            long[] times = new long[perShape];
            for (int i = 0; i < perShape; i++) {
                String path = "/api/commitments?size=50&" + shape.getValue().get();
                long t = System.nanoTime();
                get(http, path);
                times[i] = System.nanoTime() - t;
                all.add(times[i]);
            }
            Arrays.sort(times);
            perShapeText.append("%s %.0f/%.0f; ".formatted(shape.getKey(), ms(pct(times, 50)), ms(pct(times, 95))));
            log("GET /api/commitments?%s: p50 %.1f ms, p95 %.1f ms", shape.getKey(), ms(pct(times, 50)), ms(pct(times, 95)));
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] server = serverMicros("/api/commitments"::equals, sorted.length);
        log("GET /api/commitments?<filters>: p50 %.1f ms, p95 %.1f ms; in the server (Tomcat's access log) p50 %.1f ms, p95 %.1f ms",
                ms(pct(sorted, 50)), ms(pct(sorted, 95)), pct(server, 50) / 1e3, pct(server, 95) / 1e3);
        row("GET /api/commitments?<filters>&size=50, the same requests in the server",
                "p50 %.1f ms, p95 %.1f ms".formatted(pct(server, 50) / 1e3, pct(server, 95) / 1e3), "p95 ≤ 50 ms",
                "Tomcat's access log (%%D)");
        row("GET /api/commitments?<filters>&size=50 (10 shapes), sequential",
                "p50 %.1f ms, p95 %.1f ms".formatted(ms(pct(sorted, 50)), ms(pct(sorted, 95))), "p95 ≤ 50 ms",
                "%,d queries; p50/p95 ms per shape: %s load %s".formatted(sorted.length, perShapeText, loadAverage()));
    }

    String get(HttpClient http, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Authorization", READER).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    // ---------------------------------------------------------------- where the consumer's time goes

    /** Samples the binder's consumer threads and the outbox workers every 20 ms and tallies what they are doing. */
    static final class Sampler {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final Map<String, Map<String, Integer>> tallies = new ConcurrentHashMap<>();
        private final Map<Long, Long> cpuAtStart = new ConcurrentHashMap<>();
        private final Map<Long, String> names = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean();
        private Thread thread;
        private long startNanos;
        private long stopNanos;

        void start() {
            running.set(true);
            startNanos = System.nanoTime();
            thread = new Thread(() -> {
                // Only the threads of interest, every 20 ms: a full dump every few ms would stall the JVM (safepoints).
                long[] ids = new long[0];
                for (int round = 0; running.get(); round++) {
                    if (round % 50 == 0) { // threads may start late (the binding's containers)
                        ids = Thread.getAllStackTraces().keySet().stream().filter(t -> groupOf(t.getName()) != null)
                                .mapToLong(Thread::getId).toArray();
                    }
                    for (ThreadInfo info : threads.getThreadInfo(ids, Integer.MAX_VALUE)) {
                        if (info == null) {
                            continue;
                        }
                        String group = groupOf(info.getThreadName());
                        if (group == null) {
                            continue;
                        }
                        names.put(info.getThreadId(), info.getThreadName());
                        cpuAtStart.computeIfAbsent(info.getThreadId(), threads::getThreadCpuTime);
                        tallies.computeIfAbsent(group, g -> new ConcurrentHashMap<>())
                                .merge(classify(info), 1, Integer::sum);
                    }
                    LockSupport.parkNanos(20_000_000);
                }
            }, "bench-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            if (running.compareAndSet(true, false)) {
                stopNanos = System.nanoTime();
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        static String groupOf(String name) {
            if (name.contains("-C-")) {
                return "consumer " + name;
            }
            if (name.startsWith("outbox-worker-")) {
                return "outbox relay workers";
            }
            return null;
        }

        static String classify(ThreadInfo info) {
            StackTraceElement[] stack = info.getStackTrace();
            String operation = "other";
            for (StackTraceElement frame : stack) {
                String c = frame.getClassName();
                String m = frame.getMethodName();
                if (c.endsWith("AgencyDirectory") && m.equals("contains")) {
                    operation = "agency lookup (AgencyDirectory.contains)";
                    break;
                } else if (c.endsWith("CommitmentStore") && (m.equals("find") || m.equals("findAll"))) {
                    operation = "read (CommitmentStore.find, findAll: one $in per poll)";
                    break;
                } else if (c.endsWith("CommitmentStore") && (m.equals("update") || m.equals("updateAll")
                        || m.equals("toDocument"))) {
                    operation = "versioned write (CommitmentStore.update, updateAll: one bulk per poll)";
                    break;
                } else if (c.endsWith("ProgressConsumer") && m.equals("sender")) {
                    operation = "verifying the record's token (JwtDecoder)";
                    break;
                } else if (c.endsWith("ProgressConsumer")) {
                    operation = "listener (ProgressConsumer: validation, dead letters)";
                    break;
                } else if (c.endsWith("CommitmentEvents")) {
                    operation = "building events (CommitmentEvents)";
                    break;
                } else if (c.endsWith("OutboxRelay") && m.equals("publish")) {
                    operation = "relay publish";
                    break;
                } else if (c.startsWith("org.commitmenttracker.registry.lifecycle")) {
                    operation = "domain (Commitment.report)";
                    break;
                } else if (c.endsWith("EventCodec")) {
                    operation = "decoding the event";
                    break;
                } else if (c.startsWith("org.apache.kafka.clients.consumer") && m.equals("poll")) {
                    operation = "Kafka poll (waiting for records)";
                    break;
                } else if (c.startsWith("org.apache.kafka.clients.consumer") && m.contains("commit")) {
                    operation = "offset commit";
                    break;
                } else if (c.startsWith("java.util.concurrent.ThreadPoolExecutor") && m.equals("getTask")) {
                    operation = "idle (waiting for work)";
                    break;
                } else if (c.startsWith("org.springframework.kafka.listener")) {
                    operation = "listener container";
                }
            }
            String top = stack.length == 0 ? "" : stack[0].getClassName() + "." + stack[0].getMethodName();
            boolean io = top.startsWith("sun.nio.ch") || top.contains("SocketDispatcher") || top.contains("Net.poll")
                    || top.startsWith("java.net.Socket") || top.contains("EPoll") || top.contains("NioSocketImpl")
                    || info.getThreadState() == Thread.State.WAITING || info.getThreadState() == Thread.State.TIMED_WAITING;
            return operation + (io ? " — waiting (socket / future)" : " — on CPU");
        }

        /**
         * The binder's consumer threads of the other bindings (commitments, communiqués) only wait in poll: they are
         * left out; the busy ones (the progress binding's) are merged into one group.
         */
        String summary() {
            StringBuilder out = new StringBuilder();
            double wall = (stopNanos - startNanos) / 1e9;
            Map<String, Map<String, Integer>> groups = new TreeMap<>();
            List<String> busy = new ArrayList<>();
            for (var thread : tallies.entrySet()) {
                String group = thread.getKey();
                if (group.startsWith("consumer ")) {
                    int total = thread.getValue().values().stream().mapToInt(Integer::intValue).sum();
                    int polling = thread.getValue().entrySet().stream().filter(e -> e.getKey().startsWith("Kafka poll"))
                            .mapToInt(Map.Entry::getValue).sum();
                    if (polling > 0.97 * total) {
                        continue;
                    }
                    busy.add(group.substring("consumer ".length()));
                }
                thread.getValue().forEach((k, v) -> groups.computeIfAbsent(thread.getKey().startsWith("consumer ")
                        ? "progress binding consumer thread(s)" : thread.getKey(), g -> new TreeMap<>()).merge(k, v, Integer::sum));
            }
            out.append("\nBusy consumer threads: ").append(busy).append('\n');
            for (var group : groups.entrySet()) {
                int total = group.getValue().values().stream().mapToInt(Integer::intValue).sum();
                double cpu = 0;
                int count = 0;
                for (var id : cpuAtStart.entrySet()) {
                    String name = names.get(id.getKey());
                    String of = groupOf(name);
                    if (of != null && of.startsWith("consumer ")) {
                        of = busy.contains(name) ? "progress binding consumer thread(s)" : null;
                    }
                    if (group.getKey().equals(of)) {
                        long now = threads.getThreadCpuTime(id.getKey());
                        if (now > 0) {
                            cpu += (now - id.getValue()) / 1e9;
                        }
                        count++;
                    }
                }
                out.append("\n%s (%d thread(s), %.1f CPU-s in %.1f s), share of %d stack samples:\n".formatted(
                        group.getKey(), count, cpu, wall, total));
                group.getValue().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .limit(12)
                        .forEach(e -> out.append("- %s: %.0f %%\n".formatted(e.getKey(), 100.0 * e.getValue() / total)));
            }
            return out.toString();
        }
    }

    // ---------------------------------------------------------------- helpers

    KafkaProducer<String, byte[]> producer(int lingerMs) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(lingerMs));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }

    Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    static long lag(Admin admin, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata position = committed.get(end.getKey());
            lag += end.getValue() - (position == null ? 0 : position.offset());
        }
        return lag;
    }

    static Map<String, String> extraProperties(String spec) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String pair : spec.split(";")) {
            if (!pair.isBlank()) {
                int eq = pair.indexOf('=');
                properties.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return properties;
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** This JVM's CPU per group of threads (OS thread name with digits folded: GC, JIT, Kafka, lanes…), in clock ticks. */
    static Map<String, Long> threadCpuByGroup() {
        Map<String, Long> byGroup = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "N");
                    byGroup.merge(name, cpuTicks(stat), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            return byGroup;
        }
        return byGroup;
    }

    /** utime + stime from a /proc {@code stat} line (process or thread), in clock ticks (1/100 s). */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** utime + stime of a process, in clock ticks (1/100 s), from /proc. */
    static long childCpu(long pid) {
        try {
            return cpuTicks(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    void phase(String name) {
        log("---- %s (load %s)", name, loadAverage());
    }

    void row(String what, String figure, String target, String detail) {
        table.add(new String[] {what, figure, target, detail});
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %tT] %s%n", new Date(), format.formatted(args));
    }

    void report() throws IOException {
        StringBuilder md = new StringBuilder();
        settings.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n| measurement | figure | target | detail |\n| --- | --- | --- | --- |\n");
        for (String[] r : table) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        md.append(notes);
        System.out.println("\n==================== registry load benchmark ====================\n" + md);
        String out = setting("out", null);
        if (out != null) {
            Files.writeString(Path.of(out), md.toString());
            log("written to %s", out);
        }
    }
}
