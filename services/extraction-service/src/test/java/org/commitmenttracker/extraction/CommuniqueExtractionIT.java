package org.commitmenttracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.commitmenttracker.events.CommitmentExtracted;
import org.commitmenttracker.events.CommuniqueAnalysed;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.CommuniqueReceived;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.InvalidEventException;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.testsupport.DeadLetters;
import org.commitmenttracker.testsupport.TestTokens;
import org.commitmenttracker.testsupport.TopicReader;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Against the real broker and store: a received communiqué becomes stored commitments and their events. */
@UsesTestStack(database = "extraction-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommuniqueExtractionIT {
    private static final Path SAMPLES = Path.of(System.getProperty("samples.dir", "../../samples"));
    private static final int SEED_BULLETS = 90;
    private static final String READER = TestTokens.bearer("reader");
    private final EventCodec codec = new EventCodec();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void extractsTheSeedOnceEvenWhenTheCommuniqueIsRedelivered() throws Exception {
        String documentId = "doc-it-" + UUID.randomUUID();
        byte[] event = codec.encode(EventEnvelope.of(UUID.randomUUID(), "/test", new CommuniqueReceived(documentId,
                "hash", null, "zh", null, null, Files.readString(SAMPLES.resolve("zh-cn-ru-pm27-2022.txt")),
                Instant.now(), null), Instant.now(), null));
        TopicReader.write(Topics.COMMUNIQUES, documentId, event);
        TopicReader.write(Topics.COMMUNIQUES, documentId, event); // redelivery

        List<EventData> published = TopicReader.readUntil(Topics.COMMITMENTS,
                        records -> ofDocument(records, documentId).stream().anyMatch(r -> new String(r.value(),
                                StandardCharsets.UTF_8).contains("communique.analysed.v1")), Duration.ofSeconds(60), Duration.ofSeconds(3))
                .stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(documentId))
                .map(r -> (EventData) codec.decode(r.value()).data()).toList();
        List<CommitmentExtracted> extracted = published.stream().filter(CommitmentExtracted.class::isInstance)
                .map(CommitmentExtracted.class::cast).toList();
        List<CommuniqueAnalysed> analysed = published.stream().filter(CommuniqueAnalysed.class::isInstance)
                .map(CommuniqueAnalysed.class::cast).toList();
        assertThat(extracted.stream().filter(e -> e.kind().equals("bullet"))).hasSize(SEED_BULLETS);
        assertThat(extracted).extracting(CommitmentExtracted::commitmentId).doesNotHaveDuplicates();
        assertThat(analysed).hasSize(1); // the redelivered communiqué produced nothing new
        assertThat(analysed.get(0).commitmentIds()).containsExactlyInAnyOrderElementsOf(
                extracted.stream().map(CommitmentExtracted::commitmentId).toList());

        HttpResponse<String> analysis = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/analyses/" + documentId)).header("Authorization", READER).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(analysis.statusCode()).isEqualTo(200);
        assertThat(analysis.body()).contains("支持举办第七届中俄博览会。");
    }

    @Test
    void aDocumentWithoutCommitmentsIsRecordedWithTheReason() throws Exception {
        String documentId = "doc-empty-" + UUID.randomUUID();
        TopicReader.write(Topics.COMMUNIQUES, documentId, codec.encode(EventEnvelope.of(UUID.randomUUID(), "/test",
                new CommuniqueReceived(documentId, "hash", "新闻", "zh", null, null,
                        "新华社北京11月30日电 两国总理积极评价了合作成果。", Instant.now(), null), Instant.now(), null)));

        HttpResponse<String> analysis = null;
        for (int i = 0; i < 120 && (analysis == null || analysis.statusCode() != 200); i++) {
            Thread.sleep(250);
            analysis = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/analyses/" + documentId))
                    .header("Authorization", READER).build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(analysis.statusCode()).isEqualTo(200);
        assertThat(analysis.body()).contains("\"commitments\":[]", "\"noCommitmentReason\":\"No agreement cue");
    }

    /** The record's bytes reach the codec as they are: a JSON array is no event, not an empty record. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"specversion\":\"1.0\",\"type\":\"no.such.type.v1\"} | Unknown event type 'no.such.type.v1'",
            "[]                                                      | not a JSON object"})
    void anInvalidEventIsDeadLetteredWithTheReason(String value, String reasonPart) {
        String key = "bad-" + UUID.randomUUID();
        TopicReader.write(Topics.COMMUNIQUES, key, value.getBytes(StandardCharsets.UTF_8));

        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil("communiques.extraction.dlq",
                records -> records.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(60), Duration.ZERO)
                .stream().filter(r -> key.equals(r.key())).toList();
        assertThat(dead).hasSize(1);
        Header reason = dead.get(0).headers().lastHeader("x-exception-message");
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains(reasonPart);
    }

    /** Fuzz: every hostile variant of a communiqué event that is not a valid event is dead-lettered with its reason. */
    @Test
    void everyHostileCommuniqueEventIsDeadLetteredWithItsReason() throws Exception {
        String documentId = "doc-hostile-" + UUID.randomUUID();
        String valid = new String(codec.encode(EventEnvelope.of(UUID.randomUUID(), "/test", new CommuniqueReceived(documentId,
                "hash", "公报", "zh", null, null, "双方商定：\n——支持举办博览会。", Instant.now(), null), Instant.now(), null)),
                StandardCharsets.UTF_8);
        // A huge title or text is still a well-typed communiqué: analysed, not refused (the codec's test covers which).
        Map<String, String> keys = DeadLetters.sendRefusedVariants(Topics.COMMUNIQUES, valid, codec::decode,
                InvalidEventException.class);
        assertThat(keys).hasSizeGreaterThan(40);

        DeadLetters.assertDeadLettered("communiques.extraction.dlq", keys, Duration.ofSeconds(120));
    }

    /** Operators scale on consumer lag: the binder's per-group lag gauge is on the Prometheus endpoint. */
    @Test
    void consumerLagIsExposedForPrometheus() throws Exception {
        HttpResponse<String> metrics = null;
        for (int i = 0; i < 120 && (metrics == null || !metrics.body().contains("spring_cloud_stream_binder_kafka_offset")); i++) {
            Thread.sleep(250);
            metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(metrics.body()).containsPattern("spring_cloud_stream_binder_kafka_offset\\{[^}]*group=\"extraction\"[^}]*topic=\"communiques\"");
    }

    private static List<ConsumerRecord<String, byte[]>> ofDocument(List<ConsumerRecord<String, byte[]>> records, String documentId) {
        return records.stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(documentId)).toList();
    }
}
