package org.commitmenttracker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.testsupport.TopicReader;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Against the real broker and store: a status change becomes one alert per matching subscription. */
@UsesTestStack(database = "notification-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatusChangeAlertIT {
    private final EventCodec codec = new EventCodec();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void recordsOneAlertPerMatchingSubscriptionEvenWhenRedelivered() throws Exception {
        String documentId = "doc-" + UUID.randomUUID();
        String matching = createSubscription("{\"name\":\"pledges\",\"documentIds\":[\"" + documentId + "\"],\"statuses\":[\"PLEDGED\"]}");
        String other = createSubscription("{\"name\":\"done\",\"documentIds\":[\"" + documentId + "\"],\"statuses\":[\"COMPLETED\"]}");

        CommitmentStatusChanged change = new CommitmentStatusChanged("cmt-1", documentId, 2, "支持。", List.of("CN"),
                List.of(), List.of(), List.of(), null, null, "PLEDGED", "extracted", "extraction", Instant.now(), 1);
        byte[] event = codec.encode(EventEnvelope.of(UUID.randomUUID(), "/test", change, Instant.now(), null));
        TopicReader.write(Topics.STATUS_CHANGES, "cmt-1", event);
        TopicReader.write(Topics.STATUS_CHANGES, "cmt-1", event);

        await().atMost(Duration.ofSeconds(30)).until(() -> alertsOf(matching).contains("registered as PLEDGED"));
        Thread.sleep(1000); // give the redelivered copy time to arrive
        assertThat(alertsOf(matching).split("\"eventId\"")).hasSize(2); // exactly one alert
        assertThat(alertsOf(other)).isEqualTo("[]");
    }

    @Test
    void anUnknownStatusIsRejectedWithAProblem() throws Exception {
        HttpResponse<String> response = post("{\"name\":\"x\",\"statuses\":[\"DONE\"]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Unknown status");
    }

    private String createSubscription(String json) throws Exception {
        HttpResponse<String> response = post(json);
        assertThat(response.statusCode()).isEqualTo(201);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private HttpResponse<String> post(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/subscriptions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String alertsOf(String subscriptionId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/subscriptions/"
                + subscriptionId + "/alerts")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
