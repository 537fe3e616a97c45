package org.commitmenttracker.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

/** The launcher starts a real broker and store that clients use, and the H2 store keeps data across a clean restart. */
class InfrastructureIT {
    private static final Path PROJECT_ROOT = Path.of(System.getProperty("project.root", "../..")).toAbsolutePath();

    @TempDir
    Path workDir;

    @Test
    void brokerRoundTripsRecordsAndStoreKeepsDataAcrossRestart() throws Exception {
        int kafkaPort = FreePorts.next();
        int controllerPort = FreePorts.next();
        int storePort = FreePorts.next();
        Path storeFile = workDir.resolve("store/data.h2");

        try (Infrastructure infrastructure = Infrastructure.start(PROJECT_ROOT, workDir, kafkaPort, controllerPort, storePort, storeFile)) {
            assertThat(roundTrip(infrastructure.kafkaBootstrapServers())).containsExactly("hello");
            try (MongoClient client = MongoClients.create(infrastructure.mongoUri("probe"))) {
                client.getDatabase("probe").getCollection("things").insertOne(new Document("_id", "a").append("n", 1));
            }
        }

        try (Infrastructure restarted = Infrastructure.start(PROJECT_ROOT, workDir, kafkaPort, controllerPort, storePort, storeFile);
             MongoClient client = MongoClients.create(restarted.mongoUri("probe"))) {
            Document found = client.getDatabase("probe").getCollection("things").find(new Document("_id", "a")).first();
            assertThat(found).isNotNull();
            assertThat(found.getInteger("n")).isEqualTo(1);
            assertThat(roundTrip(restarted.kafkaBootstrapServers())).containsExactly("hello", "hello");
        }
    }

    /** Fault mode's operations: SIGKILL and restart in place, SIGSTOP/SIGCONT, and a paused node still stops on close. */
    @Test
    void killedNodesComeBackInPlaceAndAPausedOneStillStops() throws Exception {
        Path storeFile = workDir.resolve("store/data.h2");
        ManagedProcess pausedBroker;
        try (Infrastructure infrastructure = Infrastructure.start(PROJECT_ROOT, workDir, FreePorts.next(), FreePorts.next(),
                FreePorts.next(), storeFile)) {
            assertThat(roundTrip(infrastructure.kafkaBootstrapServers())).containsExactly("hello");
            try (MongoClient client = MongoClients.create(infrastructure.mongoUri("probe"))) {
                client.getDatabase("probe").getCollection("things").insertOne(new Document("_id", "a"));
                Thread.sleep(2_000); // H2 commits about once a second: what is older survives a SIGKILL

                infrastructure.store().kill();
                infrastructure.restartStore();
                assertThat(client.getDatabase("probe").getCollection("things").find(new Document("_id", "a")).first()).isNotNull();

                infrastructure.store().pause();
                infrastructure.store().resume();
                assertThat(client.getDatabase("probe").getCollection("things").countDocuments()).isEqualTo(1);
            }

            infrastructure.broker().kill();
            infrastructure.restartBroker();
            assertThat(roundTrip(infrastructure.kafkaBootstrapServers())).containsExactly("hello", "hello");

            pausedBroker = infrastructure.broker();
            pausedBroker.pause();
        }
        assertThat(pausedBroker.isAlive()).isFalse();
    }

    /**
     * A store killed in the middle of versioned writes comes back with every write it acknowledged, and with its unique
     * index agreeing with its documents: each document is found by {@code {_id, version}} at the version it was
     * recovered with. (A commit falling between
     * a write's document and its index entry would leave that document unreachable by versioned updates for good.)
     */
    @Test
    void aStoreKilledDuringWritesKeepsWhatItAcknowledgedAndItsIndexMatchesItsDocuments() throws Exception {
        Path storeFile = workDir.resolve("store/data.h2");
        int documents = 50;
        try (Infrastructure infrastructure = Infrastructure.start(PROJECT_ROOT, workDir, FreePorts.next(), FreePorts.next(),
                FreePorts.next(), storeFile)) {
            try (MongoClient client = MongoClients.create(infrastructure.mongoUri("probe"))) {
                MongoCollection<Document> things = client.getDatabase("probe").getCollection("things");
                things.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
                for (int i = 0; i < documents; i++) {
                    things.insertOne(new Document("_id", "d" + i).append("version", 0L));
                }
            }
            Map<String, Long> lastAcknowledged = new java.util.HashMap<>();
            for (int kill = 0; kill < 4; kill++) {
                // The writers' own client gives up a few seconds after the kill instead of the driver's 30 s.
                try (MongoClient client = MongoClients.create(infrastructure.mongoUri("probe") + "?serverSelectionTimeoutMS=3000")) {
                    MongoCollection<Document> things = client.getDatabase("probe").getCollection("things");
                    AtomicBoolean writing = new AtomicBoolean(true);
                    AtomicLong written = new AtomicLong();
                    Map<String, Long> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
                    List<Thread> writers = new ArrayList<>();
                    for (int w = 0; w < 2; w++) {
                        int first = w;
                        Thread writer = new Thread(() -> {
                            for (long n = 0; writing.get(); n++) {
                                String id = "d" + ((first + 2 * n) % documents);
                                try {
                                    Document stored = things.find(Filters.eq("_id", id)).first();
                                    long version = stored.getLong("version");
                                    if (things.updateOne(new Document("_id", id).append("version", version),
                                            Updates.combine(Updates.set("version", version + 1), Updates.set("pad", "x".repeat(200))))
                                            .getMatchedCount() == 1) {
                                        acknowledged.merge(id, version + 1, Math::max);
                                    }
                                    written.incrementAndGet();
                                } catch (RuntimeException killed) {
                                    return;
                                }
                            }
                        });
                        writer.start();
                        writers.add(writer);
                    }
                    // Kill mid-stream, some way into H2's one-second commit cycle (a different point each round).
                    long guard = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (written.get() < 100 && System.nanoTime() < guard) {
                        Thread.sleep(20);
                    }
                    assertThat(written.get()).as("writes before kill %d", kill).isGreaterThanOrEqualTo(100);
                    Thread.sleep(300 + 350L * kill);
                    infrastructure.store().kill();
                    writing.set(false);
                    for (Thread writer : writers) {
                        writer.join();
                    }
                    lastAcknowledged.putAll(acknowledged);
                }
                infrastructure.restartStore();
                try (MongoClient client = MongoClients.create(infrastructure.mongoUri("probe"))) {
                    MongoCollection<Document> things = client.getDatabase("probe").getCollection("things");
                    for (int i = 0; i < documents; i++) {
                        Document stored = things.find(Filters.eq("_id", "d" + i)).first();
                        assertThat(stored).as("d%d after kill %d", i, kill).isNotNull();
                        assertThat(stored.getLong("version")).as("d%d keeps every write acknowledged before kill %d", i, kill)
                                .isGreaterThanOrEqualTo(lastAcknowledged.getOrDefault("d" + i, 0L));
                        assertThat(things.find(new Document("_id", "d" + i).append("version", stored.getLong("version"))).first())
                                .as("d%d at version %d, by the unique index, after kill %d", i, stored.getLong("version"), kill)
                                .isNotNull();
                    }
                }
            }
        }
    }

    private static List<String> roundTrip(String bootstrap) {
        Properties producerProps = new Properties();
        producerProps.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            producer.send(new ProducerRecord<>("probe", "k", "hello")).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Properties consumerProps = new Properties();
        consumerProps.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
            consumer.subscribe(List.of("probe"));
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                records.forEach(r -> values.add(r.value()));
                if (!values.isEmpty() && records.isEmpty()) {
                    break;
                }
            }
            return values;
        }
    }
}
