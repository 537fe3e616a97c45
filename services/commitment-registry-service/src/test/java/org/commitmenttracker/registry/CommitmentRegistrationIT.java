package org.commitmenttracker.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.commitmenttracker.events.CommitmentExtracted;
import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.TimeExpression;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Against the real broker and store: extracted commitments are registered once and announced once. */
@RegistryIT
class CommitmentRegistrationIT {
    private final EventCodec codec = new EventCodec();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void registersACommitmentOnceAsPledgedAndAnnouncesItOnce() throws Exception {
        String commitmentId = "cmt-it-" + UUID.randomUUID();
        CommitmentExtracted extracted = new CommitmentExtracted(commitmentId, "doc-it", "公报", LocalDate.of(2022, 12, 5),
                "bullet", 7, 1, "双方将于2023年举行会晤。", List.of("CN", "RU"), List.of(), List.of(), List.of("regional"),
                List.of(new TimeExpression("2023年", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), false)), "1");
        byte[] event = codec.encode(EventEnvelope.of(UUID.randomUUID(), "/test", extracted, Instant.now(), null));
        TopicReader.write(Topics.COMMITMENTS, commitmentId, event);
        TopicReader.write(Topics.COMMITMENTS, commitmentId, event); // redelivered

        List<EventEnvelope<CommitmentStatusChanged>> changes = TopicReader.readUntil(Topics.STATUS_CHANGES,
                        records -> records.stream().anyMatch(r -> commitmentId.equals(r.key())), Duration.ofSeconds(60),
                        Duration.ofSeconds(3))
                .stream().filter(r -> commitmentId.equals(r.key()))
                .map(r -> codec.decode(r.value(), CommitmentStatusChanged.class)).toList();
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).data().from()).isNull();
        assertThat(changes.get(0).data().to()).isEqualTo("PLEDGED");
        assertThat(changes.get(0).data().dueDate()).isEqualTo(LocalDate.of(2023, 12, 31));

        HttpResponse<String> stored = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/commitments/" + commitmentId)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).contains("\"status\":\"PLEDGED\"", "\"version\":1", "\"kind\":\"registered\"");
    }

    @Test
    void anUnknownCommitmentIsA404Problem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/commitments/nope")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
