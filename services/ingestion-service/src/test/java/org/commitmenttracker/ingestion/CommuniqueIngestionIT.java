package org.commitmenttracker.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

/** Against the real broker and store: a text upload is stored once and announced once. */
@UsesTestStack(database = "ingestion-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommuniqueIngestionIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private final EventCodec codec = new EventCodec();

    @LocalServerPort
    int port;

    @Test
    void storesTextOnceAndPublishesOneCommuniqueReceived() throws Exception {
        String text = "联合公报 " + UUID.randomUUID() + "\n\n双方商定：\n——加强合作。\n";

        HttpResponse<String> first = postText(text);
        assertThat(first.statusCode()).isEqualTo(201);
        String location = first.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);

        // The same document with other line wraps and blank lines is the same document.
        HttpResponse<String> again = postText(text.replace("\n", "\n\n"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains(id);

        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + location)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"status\":\"ACTIVE\"");

        List<ConsumerRecord<String, byte[]>> announced = TopicReader.readUntil(Topics.COMMUNIQUES,
                        records -> records.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30), Duration.ofSeconds(2))
                .stream().filter(r -> id.equals(r.key())).toList();
        assertThat(announced).hasSize(1);
        EventEnvelope<CommuniqueReceived> event = codec.decode(announced.get(0).value(), CommuniqueReceived.class);
        assertThat(event.type()).isEqualTo("communique.received.v1");
        assertThat(event.subject()).isEqualTo(id);
        assertThat(event.data().text()).isEqualTo(text);
    }

    @Test
    void emptyBodyIsAProblemDetail() throws Exception {
        HttpResponse<String> response = postText("   ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("empty");
    }

    private HttpResponse<String> postText(String text) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/communiques"))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
