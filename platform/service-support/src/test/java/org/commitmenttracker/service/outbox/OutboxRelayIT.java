package org.commitmenttracker.service.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.commitmenttracker.testsupport.TestStack;
import org.commitmenttracker.testsupport.TopicReader;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/** The relay against the real broker and store: bursts are published once each, in order per document. */
@UsesTestStack(database = "outbox-relay-it")
class OutboxRelayIT {
    private static final int DOCUMENTS = 600;
    private static final int EVENTS_PER_DOCUMENT = 3;
    /** Documents written again and again, {@link #ROUNDS} times, while their earlier events are being published. */
    private static final int BUSY_DOCUMENTS = 40;
    private static final int ROUNDS = 25;
    private static final int PARTITIONS = 3;
    private final String collection = "aggregates_" + UUID.randomUUID().toString().replace("-", "");
    private final String topic = "outbox-relay-it-" + UUID.randomUUID();
    private MongoClient client;
    private MongoTemplate mongo;
    private final List<DefaultKafkaProducerFactory<String, byte[]>> producers = new ArrayList<>();

    /**
     * The topic exists, every partition with its leader, before the relay publishes: as the services create theirs
     * at start-up. Left to the broker's auto-creation, a loaded machine kept a new partition without a leader for
     * over 30 s, past the relay's send timeout, and the test then measured topic creation.
     */
    @BeforeEach
    void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
                return description.partitions().size() == PARTITIONS
                        && description.partitions().stream().allMatch(partition -> partition.leader() != null);
            });
        }
    }

    @BeforeEach
    void connect() {
        client = MongoClients.create(TestStack.get().mongoUri("outbox-relay-it"));
        mongo = new MongoTemplate(client, "outbox-relay-it");
    }

    @AfterEach
    void close() {
        producers.forEach(DefaultKafkaProducerFactory::destroy);
        client.close();
    }

    @Test
    void aBurstOfWritesIsPublishedOnceEachInOrderPerDocument() throws InterruptedException {
        OutboxRelay relay = relay(TestStack.get().kafkaBootstrapServers(), Duration.ofSeconds(30));
        List<Document> documents = new ArrayList<>();
        for (int d = 0; d < DOCUMENTS; d++) {
            documents.add(aggregate("agg-" + d));
        }
        mongo.getCollection(collection).insertMany(documents);
        documents.forEach(document -> relay.publishSoon(collection, document.get("_id")));

        assertAggregatesPublishedOnceEachInOrder(relay);
        relay.destroy();
    }

    /** Writes land while their document is being published: each event once, in order, none left behind. */
    @Test
    void documentsWrittenAgainWhilePublishedArePublishedAgainAfterwardsOnceEachInOrder() throws InterruptedException {
        OutboxRelay relay = relay(TestStack.get().kafkaBootstrapServers(), Duration.ofSeconds(30));
        List<String> ids = emptyAggregates(BUSY_DOCUMENTS);
        for (int round = 0; round < ROUNDS; round++) {
            for (String id : ids) {
                Document event = new Document("eventId", id + "-" + round).append("topic", topic).append("key", id)
                        .append("payload", id + "/" + round);
                mongo.getCollection(collection).updateOne(new Document("_id", id),
                        new Document("$push", new Document(OutboxRelay.FIELD, event)));
            }
            relay.publishSoon(collection, ids); // while earlier ROUNDS are still in flight
            relay.sweep(); // and the sweep claims what no worker has: it must not publish anything twice either
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> relay.backlog() == 0);
        Map<String, List<String>> byKey = byKey(TopicReader.readUntil(topic, records -> records.size() >= BUSY_DOCUMENTS * ROUNDS,
                Duration.ofSeconds(60), Duration.ofSeconds(2)));
        assertThat(byKey).hasSize(BUSY_DOCUMENTS);
        List<String> expected = new ArrayList<>();
        byKey.forEach((key, events) -> {
            expected.clear();
            for (int round = 0; round < ROUNDS; round++) {
                expected.add(key + "/" + round);
            }
            assertThat(events).as(key).containsExactlyElementsOf(expected);
        });
        assertThat(relay.publishedCount()).isEqualTo((long) BUSY_DOCUMENTS * ROUNDS);
        relay.destroy();
    }

    @Test
    void unacknowledgedEventsStayForTheSweepAndAreThenPublishedOnce() throws InterruptedException {
        OutboxRelay down = relay("127.0.0.1:" + unusedPort(), Duration.ofSeconds(2));
        mongo.getCollection(collection).insertMany(List.of(aggregate("agg-a"), aggregate("agg-b")));
        assertThat(down.sweep()).isZero();
        assertThat(down.backlog()).isEqualTo(2);
        assertThat(down.failedSinceLastSweep()).as("a failed sweep asks for the next one").isTrue();

        OutboxRelay up = relay(TestStack.get().kafkaBootstrapServers(), Duration.ofSeconds(30));
        // A loaded machine may see the first send time out (the broker still creating the topic): the events then
        // wait for the next sweep, which is what sweeps are for.
        int published = 0;
        for (int sweep = 0; sweep < 5 && published < 2 * EVENTS_PER_DOCUMENT; sweep++) {
            published += up.sweep();
        }
        assertThat(published).isEqualTo(2 * EVENTS_PER_DOCUMENT);
        assertThat(up.sweep()).isZero();
        assertThat(up.failedSinceLastSweep()).as("a clean sweep leaves the next to the idle interval").isFalse();
        assertThat(TopicReader.readUntil(topic, records -> records.size() >= 2 * EVENTS_PER_DOCUMENT,
                Duration.ofSeconds(30), Duration.ofSeconds(2))).hasSize(2 * EVENTS_PER_DOCUMENT);
        down.destroy();
        up.destroy();
    }

    @Test
    void aSendRefusedAtOnceKeepsOnlyItsOwnDocumentForTheSweep() throws InterruptedException {
        DefaultKafkaProducerFactory<String, byte[]> factory = producerFactory(TestStack.get().kafkaBootstrapServers(),
                Duration.ofSeconds(30));
        KafkaTemplate<String, byte[]> refusing = new KafkaTemplate<>(factory) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(String topic, String key, byte[] data) {
                if (key.equals("agg-too-large")) {
                    throw new KafkaException("Send failed"); // as KafkaTemplate does when the producer refuses at once
                }
                return super.send(topic, key, data);
            }
        };
        OutboxPublisher publisher = new OutboxPublisher(mongo, refusing, Duration.ofSeconds(30));
        mongo.getCollection(collection).insertMany(List.of(aggregate("agg-fine"), aggregate("agg-too-large")));

        assertThatThrownBy(() -> publisher.publish(collection, List.of("agg-fine", "agg-too-large")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 of 2 documents");
        assertThat(publisher.backlog(collection)).isEqualTo(1);
        assertThat(TopicReader.readUntil(topic, records -> records.size() >= EVENTS_PER_DOCUMENT, Duration.ofSeconds(30),
                Duration.ofSeconds(2))).extracting(ConsumerRecord::key).containsOnly("agg-fine").hasSize(EVENTS_PER_DOCUMENT);
    }

    /** Inserts {@code count} aggregates with nothing in their outbox; their ids. */
    private List<String> emptyAggregates(int count) {
        List<String> ids = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            ids.add("busy-" + d);
            mongo.getCollection(collection).insertOne(new Document("_id", "busy-" + d).append(OutboxRelay.FIELD, List.of()));
        }
        return ids;
    }

    /** Once nothing is pending: each of the {@link #DOCUMENTS} aggregates' events was published once, in order. */
    private void assertAggregatesPublishedOnceEachInOrder(OutboxRelay relay) {
        await().atMost(Duration.ofSeconds(120)).until(() -> relay.backlog() == 0);
        assertThat(relay.publishedCount()).isEqualTo((long) DOCUMENTS * EVENTS_PER_DOCUMENT);
        Map<String, List<String>> byKey = byKey(TopicReader.readUntil(topic,
                records -> records.size() >= DOCUMENTS * EVENTS_PER_DOCUMENT, Duration.ofSeconds(60), Duration.ofSeconds(2)));
        assertThat(byKey).hasSize(DOCUMENTS);
        byKey.forEach((key, events) -> assertThat(events).as(key)
                .containsExactly(key + "/event-0", key + "/event-1", key + "/event-2"));
    }

    private static Map<String, List<String>> byKey(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new,
                Collectors.mapping(r -> new String(r.value(), StandardCharsets.UTF_8), Collectors.toList())));
    }

    private Document aggregate(String id) {
        List<Document> outbox = new ArrayList<>();
        for (int n = 0; n < EVENTS_PER_DOCUMENT; n++) {
            outbox.add(new Document("eventId", id + "-" + n).append("topic", topic).append("key", id)
                    .append("payload", id + "/event-" + n));
        }
        return new Document("_id", id).append(OutboxRelay.FIELD, outbox);
    }

    /** Producer timeouts within {@code sendTimeout}: a busy machine still publishes, a missing broker fails fast. */
    private OutboxRelay relay(String bootstrapServers, Duration sendTimeout) {
        return new OutboxRelay(mongo, new KafkaTemplate<>(producerFactory(bootstrapServers, sendTimeout)), List.of(collection),
                4, sendTimeout, Duration.ofSeconds(1));
    }

    private DefaultKafkaProducerFactory<String, byte[]> producerFactory(String bootstrapServers, Duration sendTimeout) {
        int timeout = (int) sendTimeout.toMillis();
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout / 2, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout / 2), new StringSerializer(), new ByteArraySerializer());
        producers.add(factory);
        return factory;
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
