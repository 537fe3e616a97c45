package org.commitmenttracker.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commitmenttracker.events.CommuniqueReceived;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.testsupport.TopicReader;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Against the real broker and store: text and JSON uploads are stored once and announced once. */
@UsesTestStack(database = "ingestion-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommuniqueIngestionIT {
    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void storesTextOnceAndPublishesOneCommuniqueReceived() {
        IngestionClient api = new IngestionClient(port);
        String text = "联合公报 " + UUID.randomUUID() + "\n\n双方商定：\n——加强合作。\n";

        var first = api.postText(text);
        assertThat(first.statusCode()).isEqualTo(201);
        String id = IngestionClient.idOf(first);

        // The same document with other line wraps and blank lines is the same document.
        var again = api.postText(text.replace("\n", "\n\n"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains(id);

        var read = api.get("/api/communiques/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"status\":\"ACTIVE\"");

        EventEnvelope<CommuniqueReceived> event = onlyReceivedEventOf(id);
        assertThat(event.type()).isEqualTo("communique.received.v1");
        assertThat(event.data().text()).isEqualTo(text);
    }

    @Test
    void aPlainTextUploadIsListedAndAnnouncedWithTheTitleItsTextStates() {
        IngestionClient api = new IngestionClient(port);
        String seed = TestDocuments.seed();

        var created = api.postText(seed);
        assertThat(created.statusCode()).isIn(200, 201);
        String id = IngestionClient.idOf(created);

        String expected = "中俄总理第二十七次定期会晤联合公报";
        assertThat(json.readTree(api.get("/api/communiques/" + id).body()).get("title").asString()).isEqualTo(expected);
        assertThat(api.get("/api/communiques?q=" + java.net.URLEncoder.encode("定期会晤联合公报", StandardCharsets.UTF_8)).body())
                .contains("\"title\":\"" + expected + "\"");
        if (created.statusCode() == 201) {
            assertThat(onlyReceivedEventOf(id).data().title()).isEqualTo(expected);
        }
    }

    @Test
    void aTitleTheUploaderGivesIsKeptOverTheOneTheTextStates() {
        IngestionClient api = new IngestionClient(port);
        String text = "Joint Statement on Trade " + UUID.randomUUID() + "\n\nThe two sides will hold talks in 2027.\n";
        var created = api.post("application/json", json.writeValueAsString(java.util.Map.of("text", text, "title",
                "Statement as filed")).getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = IngestionClient.idOf(created);
        assertThat(json.readTree(api.get("/api/communiques/" + id).body()).get("title").asString()).isEqualTo("Statement as filed");

        var untitled = api.postText(text.replace("2027", "2028"));
        assertThat(json.readTree(api.get("/api/communiques/" + IngestionClient.idOf(untitled)).body()).get("title").asString())
                .startsWith("Joint Statement on Trade ");
    }

    @Test
    void theUploadersTraceContinuesIntoTheEvent() {
        IngestionClient api = new IngestionClient(port);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var created = api.postText("联合公报 " + UUID.randomUUID() + "\n——加强合作。\n", "00-" + traceId + "-00f067aa0ba902b7-01");
        assertThat(created.statusCode()).isEqualTo(201);
        // The response names the request's own span, a child of the caller's.
        assertThat(created.headers().firstValue("traceparent")).hasValueSatisfying(span ->
                assertThat(span).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain("00f067aa0ba902b7"));

        assertThat(onlyReceivedEventOf(IngestionClient.idOf(created)).traceparent()).startsWith("00-" + traceId + "-");
    }

    @Test
    void anUploadWithoutTraceStartsOneThatTheEventContinues() {
        IngestionClient api = new IngestionClient(port);
        var created = api.postText("联合公报 " + UUID.randomUUID() + "\n——加强合作。\n");
        String span = created.headers().firstValue("traceparent").orElseThrow();
        assertThat(span).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");

        assertThat(onlyReceivedEventOf(IngestionClient.idOf(created)).traceparent()).startsWith(span.substring(0, 36));
    }

    /** A text close to the 2 MB limit still reaches Kafka: the event carries the whole text (topics accept 8 MiB). */
    @Test
    void aLargeTextIsAnnouncedWhole() {
        IngestionClient api = new IngestionClient(port);
        StringBuilder text = new StringBuilder("联合公报 " + UUID.randomUUID() + "\n\n双方商定：\n");
        while (text.length() * 3 < 1_800_000) { // about 1.8 MB of UTF-8
            text.append("——双方将继续深化务实合作，推动两国关系发展。\n");
        }
        var created = api.postText(text.toString());
        assertThat(created.statusCode()).isEqualTo(201);

        EventEnvelope<CommuniqueReceived> event = onlyReceivedEventOf(IngestionClient.idOf(created));
        assertThat(event.data().text()).hasSize(text.length());
    }

    @Test
    void jsonCarriesMetadataIntoTheRecordAndTheEvent() {
        IngestionClient api = new IngestionClient(port);
        String text = "Совместное коммюнике " + UUID.randomUUID() + "\nСтороны договорились:\n— расширять торговлю.";
        String body = json.writeValueAsString(java.util.Map.of("text", text, "title", "Совместное коммюнике",
                "language", "ru", "sourceUrl", "https://example.org/communique", "publishedOn", "2022-11-30"));

        var created = api.post("application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode record = json.readTree(created.body());
        assertThat(record.get("title").asString()).isEqualTo("Совместное коммюнике");
        assertThat(record.get("language").asString()).isEqualTo("ru");
        assertThat(record.get("publishedOn").asString()).isEqualTo("2022-11-30");

        EventEnvelope<CommuniqueReceived> event = onlyReceivedEventOf(IngestionClient.idOf(created));
        assertThat(event.data().title()).isEqualTo("Совместное коммюнике");
        assertThat(event.data().sourceUrl()).isEqualTo("https://example.org/communique");
        assertThat(event.data().publishedOn()).isEqualTo(LocalDate.of(2022, 11, 30));
        assertThat(event.data().text()).isEqualTo(text);
    }

    @Test
    void legacyChineseTextIsConvertedAndItsOriginalBytesKept() {
        IngestionClient api = new IngestionClient(port);
        String text = TestDocuments.TRADITIONAL_CHINESE + UUID.randomUUID() + "\n";
        byte[] big5 = text.getBytes(java.nio.charset.Charset.forName("Big5"));

        var created = api.post("text/plain", big5);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = IngestionClient.idOf(created);
        assertThat(json.readTree(api.get("/api/communiques/" + id).body()).get("text").asString()).isEqualTo(text);

        var original = api.getBytes("/api/communiques/" + id + "/original");
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(big5);
        assertThat(original.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain").containsIgnoringCase("charset=Big5"));
    }

    private EventEnvelope<CommuniqueReceived> onlyReceivedEventOf(String id) {
        List<ConsumerRecord<String, byte[]>> announced = TopicReader.readUntil(Topics.COMMUNIQUES,
                        records -> records.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30), Duration.ofSeconds(2))
                .stream().filter(r -> id.equals(r.key())).toList();
        assertThat(announced).hasSize(1);
        EventEnvelope<CommuniqueReceived> event = codec.decode(announced.get(0).value(), CommuniqueReceived.class);
        assertThat(event.subject()).isEqualTo(id);
        return event;
    }
}
