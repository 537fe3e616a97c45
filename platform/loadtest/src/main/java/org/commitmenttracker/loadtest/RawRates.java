package org.commitmenttracker.loadtest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

/**
 * The raw limits of the store and the broker on this machine, for the pipeline's write pattern, measured in the same
 * run on scratch data: document inserts, versioned updates on {@code {_id, version}} (with the compound unique
 * index, as the registry writes), and produce (acks=all) / consume of 1 KB records.
 */
final class RawRates {
    private static final String PAYLOAD = "x".repeat(1024);

    private RawRates() {
    }

    record Store(double insertsPerS, double versionedUpdatesPerS, int threads) {
    }

    /** @param consumePerS null when nothing was consumed */
    record Broker(double producePerS, Double consumePerS, int recordBytes) {
    }

    static Store store(String mongoUri, int threads, Duration each) throws InterruptedException {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            var database = client.getDatabase("loadtest_raw");
            database.drop();
            MongoCollection<Document> collection = database.getCollection("raw");
            collection.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            // inserts: documents the size of a registered commitment (about 2 KB with its first history entry)
            List<List<String>> ids = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                ids.add(Collections.synchronizedList(new ArrayList<>()));
            }
            long inserted = runFor(threads, each, (thread, i) -> {
                String id = "raw-" + thread + "-" + i;
                collection.insertOne(new Document("_id", id).append("version", 1L).append("status", "PLEDGED")
                        .append("text", PAYLOAD).append("history", List.of(new Document("at", Instant.now().toString())
                                .append("note", PAYLOAD))).append("outbox", List.of()));
                ids.get(thread).add(id);
            });
            double insertsPerSecond = Latencies.round(inserted / (double) each.toSeconds());
            // versioned updates: each thread owns its documents, so every update matches (no conflicts)
            List<Map<String, Long>> versions = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Map<String, Long> owned = new LinkedHashMap<>();
                ids.get(t).forEach(id -> owned.put(id, 1L));
                versions.add(owned);
            }
            long updated = runFor(threads, each, (thread, i) -> {
                List<String> owned = ids.get(thread);
                String id = owned.get((int) (i % owned.size()));
                long version = versions.get(thread).get(id);
                var outcome = collection.updateOne(new Document("_id", id).append("version", version),
                        Updates.combine(Updates.set("version", version + 1), Updates.set("status", i % 2 == 0 ? "IN_PROGRESS" : "STALLED"),
                                Updates.set("updatedAt", Instant.now().toString()), Updates.set("text", PAYLOAD)));
                if (outcome.getModifiedCount() != 1) {
                    throw new IllegalStateException("versioned update of " + id + " matched nothing");
                }
                versions.get(thread).put(id, version + 1);
            });
            database.drop();
            return new Store(insertsPerSecond, Latencies.round(updated / (double) each.toSeconds()), threads);
        }
    }

    static Broker broker(String bootstrap, Duration each) throws Exception {
        String topic = "loadtest-raw-" + Long.toHexString(System.nanoTime());
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            Properties producerProps = new Properties();
            producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
            byte[] record = PAYLOAD.getBytes();
            AtomicLong acked = new AtomicLong();
            long sent = 0;
            double producePerSecond;
            Double consumePerSecond;
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer())) {
                long end = System.nanoTime() + each.toNanos();
                long start = System.nanoTime();
                while (System.nanoTime() < end) {
                    producer.send(new ProducerRecord<>(topic, "k" + (sent % 1000), record), (metadata, error) -> {
                        if (error == null) {
                            acked.incrementAndGet();
                        }
                    });
                    sent++;
                }
                producer.flush();
                double seconds = (System.nanoTime() - start) / 1e9;
                producePerSecond = Latencies.round(acked.get() / seconds);
            }
            Properties consumerProps = new Properties();
            consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "loadtest-raw");
            consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(topic));
                long consumed = 0;
                long first = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (consumed < acked.get() && System.nanoTime() < deadline) {
                    int count = consumer.poll(Duration.ofMillis(200)).count();
                    if (count > 0 && first == 0) {
                        first = System.nanoTime();
                    }
                    consumed += count;
                }
                double seconds = first == 0 ? 0 : (System.nanoTime() - first) / 1e9;
                consumePerSecond = seconds == 0 ? null : Latencies.round(consumed / seconds);
            }
            client.deleteTopics(List.of(topic)).all().get();
            client.deleteConsumerGroups(List.of("loadtest-raw")).all().get();
            return new Broker(producePerSecond, consumePerSecond, record.length);
        }
    }

    interface Step {
        void run(int thread, long iteration) throws Exception;
    }

    /** Runs {@code step} in {@code threads} threads for {@code duration}; the number of steps done. */
    private static long runFor(int threads, Duration duration, Step step) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(threads);
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    for (long i = 0; System.nanoTime() < end; i++) {
                        step.run(thread, i);
                        done.incrementAndGet();
                    }
                } catch (Throwable e) {
                    errors.add(e);
                } finally {
                    finished.countDown();
                }
            }, "raw-" + t);
            worker.start();
        }
        finished.await();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("raw measurement failed", errors.get(0));
        }
        return done.get();
    }
}
