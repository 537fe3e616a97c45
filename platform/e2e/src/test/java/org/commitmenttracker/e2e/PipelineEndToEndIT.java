package org.commitmenttracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commitmenttracker.e2e.RunningPlatform.Service;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.testsupport.ConsumerGroups;
import org.commitmenttracker.testsupport.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.JsonNode;

/**
 * The whole pipeline as an operator runs it: four service jars, the real broker and store. The seed
 * communiqué goes in over HTTP; its commitments (the 90 agreed bullets among them) must come out in the
 * registry and as alerts, exactly once, through duplicate uploads and a replay of every event.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndIT {
    private static final Path SEED = Path.of(System.getProperty("corpus.dir", "../../../shared/corpus"))
            .resolve("zh-cn-ru-pm27-2022.txt");
    private static final int SEED_BULLETS = 90;
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(120);

    private static final String SUBSCRIBER = "e2e-subscriber";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RunningPlatform platform;
    private static URI notificationBase;
    private static String subscriptionId;
    private static String documentId;
    private static int extracted;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void theSeedCommuniqueReachesTheRegistryAndSubscribersExactlyOnce() throws Exception {
        var anonymous = platform.post(Service.NOTIFICATION, "/api/subscriptions", "application/json", "{\"name\":\"everything\"}");
        assertThat(anonymous.statusCode()).isEqualTo(401); // subscriptions belong to the subscriber named in X-Subscriber-Id
        notificationBase = anonymous.uri().resolve("/");
        var subscription = HTTP.send(HttpRequest.newBuilder(notification("/api/subscriptions"))
                .header("Content-Type", "application/json").header("X-Subscriber-Id", SUBSCRIBER)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"everything\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(subscription.statusCode()).isEqualTo(201);
        subscriptionId = platform.json(subscription.body()).get("id").asString();

        var upload = platform.post(Service.INGESTION, "/api/communiques", "text/plain; charset=UTF-8", Files.readString(SEED));
        assertThat(upload.statusCode()).isEqualTo(201);
        documentId = platform.json(upload.body()).get("id").asString();

        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.exists(Service.EXTRACTION, "/api/analyses/" + documentId));
        extracted = platform.get(Service.EXTRACTION, "/api/analyses/" + documentId).get("commitments").size();
        assertThat(extracted).isGreaterThanOrEqualTo(SEED_BULLETS);
        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> registryTotal() == extracted && alerts().size() == extracted);

        Set<String> ids = new HashSet<>();
        List<String> bullets = new ArrayList<>();
        for (JsonNode commitment : registryPage().get("items")) {
            ids.add(commitment.get("id").asString());
            assertThat(commitment.get("status").asString()).isEqualTo("PLEDGED");
            assertThat(commitment.get("version").asLong()).isEqualTo(1);
            if ("bullet".equals(commitment.get("facts").get("kind").asString())) {
                bullets.add(commitment.get("facts").get("text").asString());
            }
        }
        assertThat(ids).hasSize(extracted);
        assertThat(bullets).hasSize(SEED_BULLETS).doesNotHaveDuplicates().contains("支持举办第七届中俄博览会。");
    }

    @Test
    @Order(2)
    void postingTheSameDocumentAgainCreatesNothing() throws Exception {
        var again = platform.post(Service.INGESTION, "/api/communiques", "text/plain; charset=UTF-8", Files.readString(SEED));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(platform.json(again.body()).get("id").asString()).isEqualTo(documentId);

        List<ConsumerRecord<String, byte[]>> announced = TopicReader.readAll(Topics.COMMUNIQUES, Duration.ofSeconds(2));
        assertThat(announced.stream().filter(r -> documentId.equals(r.key()))).hasSize(1);
        assertThat(registryTotal()).isEqualTo(extracted);
        assertThat(alerts()).hasSize(extracted);
    }

    @Test
    @Order(3)
    void replayingEveryEventOfTheRunChangesNoStoredState() throws Exception {
        String registryBefore = registryPage().toString();
        String alertsBefore = alerts().toString();
        String analysisBefore = platform.get(Service.EXTRACTION, "/api/analyses/" + documentId).toString();

        // As consumers restarted before committing their offsets would see it: every event, again.
        for (String topic : List.of(Topics.COMMUNIQUES, Topics.COMMITMENTS, Topics.STATUS_CHANGES)) {
            List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(topic, Duration.ofSeconds(2));
            assertThat(records).isNotEmpty();
            TopicReader.write(topic, records);
        }
        ConsumerGroups.awaitCaughtUp("extraction", Topics.COMMUNIQUES, PIPELINE_TIMEOUT);
        ConsumerGroups.awaitCaughtUp("registry", Topics.COMMITMENTS, PIPELINE_TIMEOUT);
        ConsumerGroups.awaitCaughtUp("notification", Topics.STATUS_CHANGES, PIPELINE_TIMEOUT);

        assertThat(registryPage().toString()).isEqualTo(registryBefore);
        assertThat(alerts().toString()).isEqualTo(alertsBefore);
        assertThat(platform.get(Service.EXTRACTION, "/api/analyses/" + documentId).toString()).isEqualTo(analysisBefore);
    }

    private static JsonNode registryPage() throws Exception {
        return platform.get(Service.REGISTRY, "/api/commitments?documentId=" + documentId + "&size=500");
    }

    private static long registryTotal() throws Exception {
        return registryPage().get("total").asLong();
    }

    /** Subscriptions and their alerts belong to the subscriber named in X-Subscriber-Id. */
    private static JsonNode alerts() throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(notification("/api/subscriptions/" + subscriptionId + "/alerts?limit=10000"))
                .header("X-Subscriber-Id", SUBSCRIBER).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return platform.json(response.body());
    }

    private static URI notification(String path) {
        return notificationBase.resolve(path);
    }
}
