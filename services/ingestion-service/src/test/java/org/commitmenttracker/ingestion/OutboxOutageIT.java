package org.commitmenttracker.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.ingestion.communique.Communique;
import org.commitmenttracker.service.outbox.OutboxRelay;
import org.commitmenttracker.testsupport.TestStack;
import org.commitmenttracker.testsupport.TopicReader;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publish step is dead: this service instance points at a Kafka port where nothing listens. Uploads still
 * succeed and are stored with their pending event, readiness stays UP and reports the backlog, and once a
 * relay that reaches the real broker runs over the same database, the event is published exactly once.
 */
@UsesTestStack(database = "ingestion-outage-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxOutageIT {
    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void unreachableKafka(DynamicPropertyRegistry registry) {
        String nowhere = "127.0.0.1:" + unusedPort();
        registry.add("spring.kafka.bootstrap-servers", () -> nowhere);
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> nowhere);
        registry.add("spring.kafka.admin.operation-timeout", () -> "1s");
        registry.add("spring.kafka.producer.properties.max.block.ms", () -> "500");
    }

    @Test
    void uploadsSurviveAKafkaOutageAndArePublishedOnceWhenItReturns() {
        IngestionClient api = new IngestionClient(port);
        var created = api.postText("Communiqué during a Kafka outage " + UUID.randomUUID());
        assertThat(created.statusCode()).isEqualTo(201);
        String id = IngestionClient.idOf(created);

        assertThat(api.get("/api/communiques/" + id).statusCode()).isEqualTo(200);
        assertThat(pendingEventsOf(id)).hasSize(1);

        JsonNode readiness = readiness();
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.at("/components/outbox/details/pendingDocuments").asLong()).isEqualTo(1);
        assertThat(readiness.at("/components").propertyNames()).doesNotContain("binders", "kafka");

        DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        OutboxRelay recovered = new OutboxRelay(mongo, new KafkaTemplate<>(producers), List.of(Communique.COLLECTION), 1,
                Duration.ofSeconds(10), Duration.ofSeconds(1));
        try {
            assertThat(recovered.sweep()).isEqualTo(1);
            assertThat(recovered.sweep()).isZero();
        } finally {
            producers.destroy();
        }

        assertThat(pendingEventsOf(id)).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(readiness().at("/components/outbox/details/pendingDocuments").asLong()).isZero());
        long published = TopicReader.readUntil(Topics.COMMUNIQUES, records -> records.stream().anyMatch(r -> id.equals(r.key())),
                Duration.ofSeconds(30), Duration.ofSeconds(3)).stream().filter(r -> id.equals(r.key())).count();
        assertThat(published).isEqualTo(1);
    }

    private List<Document> pendingEventsOf(String id) {
        Document stored = mongo.getCollection(Communique.COLLECTION).find(new Document("_id", id)).first();
        assertThat(stored).isNotNull();
        return stored.getList(OutboxRelay.FIELD, Document.class, List.of());
    }

    /** The probe Kubernetes calls: on the management port, without a token. */
    private JsonNode readiness() {
        var response = new IngestionClient(managementPort, null).get("/actuator/health/readiness");
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
