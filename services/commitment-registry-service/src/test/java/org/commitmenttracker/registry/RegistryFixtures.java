package org.commitmenttracker.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.testsupport.Http;
import org.commitmenttracker.testsupport.TestStack;
import org.commitmenttracker.testsupport.TestTokens;
import org.commitmenttracker.testsupport.TopicReader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Setting up commitments and agencies through the registry's own API, as an operator would. */
public final class RegistryFixtures {
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The progress record header with the sending agency's token. */
    public static final String AUTHORIZATION = "authorization";
    static final String OPERATOR = TestTokens.bearer("operator");

    private RegistryFixtures() {
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** A new commitment added by hand, due on {@code dueDate} (or without a due date when null). */
    public static String addCommitment(Http http, String documentId, String dueDate) {
        HttpResponse<String> response = http.post("/api/commitments", """
                {"documentId":"%s","section":2,"text":"双方将加强合作 %s。","parties":["CN","RU"],"topics":["trade"],
                 "dueDate":%s,"reason":"test fixture"}""".formatted(documentId, UUID.randomUUID(),
                dueDate == null ? "null" : "\"" + dueDate + "\""));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asString();
    }

    public static void addAgency(Http http, String id) {
        HttpResponse<String> response = http.put("/api/agencies/" + id,
                "{\"name\":\"Agency " + id + "\",\"country\":\"CN\",\"contact\":\"desk@example.org\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    public static void assign(Http http, String commitmentId, String... agencies) {
        HttpResponse<String> response = http.put("/api/commitments/" + commitmentId + "/agencies",
                JSON.writeValueAsString(agencies));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /**
     * A new commitment of {@code documentId} assigned to agency mofcom, with agencies mofcom and minek registered
     * (minek to report on a commitment it does not hold).
     */
    static String commitmentAssignedToMofcom(Http operator, String documentId) {
        addAgency(operator, "mofcom");
        addAgency(operator, "minek");
        String commitmentId = addCommitment(operator, documentId, null);
        assign(operator, commitmentId, "mofcom");
        return commitmentId;
    }

    /** The status changes announced for commitment {@code id}, once at least {@code expected} of them are there. */
    static List<CommitmentStatusChanged> statusChangesOf(String id, int expected) {
        EventCodec codec = new EventCodec();
        return TopicReader.readUntil(Topics.STATUS_CHANGES,
                        records -> records.stream().filter(r -> id.equals(r.key())).count() >= expected,
                        Duration.ofSeconds(60), Duration.ofSeconds(2)).stream()
                .filter(r -> id.equals(r.key()))
                .map(r -> codec.decode(r.value(), CommitmentStatusChanged.class).data()).toList();
    }

    /** The API as an operator. */
    static Http operator(int port) {
        return Http.local(port).as(OPERATOR);
    }

    /** The API as the system of agency {@code agencyId}. */
    static Http agency(int port, String agencyId) {
        return Http.local(port).as(TestTokens.agency(agencyId));
    }

    /** A progress record on {@code progress} carrying {@code authorization} (null: no header). */
    public static ProducerRecord<String, byte[]> progressRecord(String key, byte[] value, String authorization) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PROGRESS, key, value);
        if (authorization != null) {
            record.headers().add(AUTHORIZATION, authorization.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /** Writes records with their headers, each acknowledged by the broker. */
    public static void publish(List<ProducerRecord<String, byte[]>> records) {
        Properties props = new Properties();
        props.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(8 * 1024 * 1024)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            records.forEach(record -> sent.add(producer.send(record)));
            for (Future<RecordMetadata> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("The broker did not take a test record", e);
        }
    }

    static String report(String eventId, String agency, String status, Integer percent, Instant occurredAt) {
        return """
                {"eventId":"%s","agencyId":"%s","status":%s,"percentComplete":%s,"note":"report %s",
                 "evidenceUrls":["https://example.org/evidence/%s"],"occurredAt":"%s"}""".formatted(eventId, agency,
                status == null ? "null" : "\"" + status + "\"", percent, eventId, eventId, occurredAt);
    }
}
