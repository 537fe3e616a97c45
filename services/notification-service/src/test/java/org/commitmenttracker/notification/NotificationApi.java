package org.commitmenttracker.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.EventIds;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.testsupport.TestTokens;
import org.commitmenttracker.testsupport.TopicReader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's HTTP API as one subscriber calls it (with a subscriber token whose subject is the subscriber;
 * none for a null subscriber), and events as the registry would publish them.
 */
public final class NotificationApi {
    private static final EventCodec CODEC = new EventCodec();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private final String subscriber;

    public NotificationApi(int port, String subscriber) {
        this.base = "http://127.0.0.1:" + port;
        this.subscriber = subscriber;
    }

    public NotificationApi as(String otherSubscriber) {
        return new NotificationApi(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherSubscriber);
    }

    public HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (subscriber != null) {
            request.header("Authorization", TestTokens.subscriber(subscriber));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a subscription (201 expected) and returns the answer: id, and secret when it has a webhook. */
    public JsonNode subscribe(String body) throws Exception {
        HttpResponse<String> response = send("POST", "/api/subscriptions", body);
        if (response.statusCode() != 201) {
            throw new AssertionError("POST /api/subscriptions → " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /**
     * Pings subscription {@code id} (202 expected, at once) and waits for the result in its delivery log; returns
     * that delivery, {@code state} delivered or dead, with its attempt.
     */
    public JsonNode ping(String id) throws Exception {
        HttpResponse<String> accepted = send("POST", "/api/subscriptions/" + id + "/ping", null);
        if (accepted.statusCode() != 202) {
            throw new AssertionError("POST /api/subscriptions/" + id + "/ping → " + accepted.statusCode() + ": " + accepted.body());
        }
        String delivery = "/api/deliveries/" + json.readTree(accepted.body()).get("deliveryId").asString();
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> get(delivery),
                d -> d.get("state").asString().equalsIgnoreCase("delivered") || d.get("state").asString().equalsIgnoreCase("dead"));
    }

    /** Whether a ping of subscription {@code id} reached the receiver and got a 2xx. */
    public boolean pingDelivered(String id) throws Exception {
        return ping(id).get("state").asString().equalsIgnoreCase("delivered");
    }

    public JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, null);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " → " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    public JsonNode json(String body) {
        return json.readTree(body);
    }

    /** Publishes a status change of {@code commitmentId} to version {@code version} (deterministic event id). */
    public static String publishStatusChange(String commitmentId, String documentId, String from, String to, long version) {
        return publish(Topics.STATUS_CHANGES, EventIds.of("test", commitmentId, Long.toString(version)),
                statusChange(commitmentId, documentId, from, to, version));
    }

    /** A status change of {@code commitmentId} to version {@code version}, as the registry announces it. */
    public static CommitmentStatusChanged statusChange(String commitmentId, String documentId, String from, String to, long version) {
        return new CommitmentStatusChanged(commitmentId, documentId, 1, "支持中俄博览会 — " + commitmentId,
                List.of("CN", "RU"), List.of("trade"), List.of(), List.of(), null, from, to, "test", "test", Instant.now(), version);
    }

    public static String publish(String topic, UUID id, EventData data) {
        return publish(topic, id, data, null);
    }

    /** Publishes {@code data} as an event of the trace {@code traceparent} (a new trace when null). */
    public static String publish(String topic, UUID id, EventData data, String traceparent) {
        TopicReader.write(topic, data.subject(), event(id, data, traceparent));
        return id.toString();
    }

    /** The record value of an event about {@code data} (a new trace when {@code traceparent} is null). */
    public static byte[] event(UUID id, EventData data, String traceparent) {
        return CODEC.encode(EventEnvelope.of(id, "/test", data, Instant.now(), traceparent));
    }
}
