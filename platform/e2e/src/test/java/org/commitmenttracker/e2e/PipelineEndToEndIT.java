package org.commitmenttracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commitmenttracker.e2e.RunningPlatform.Service;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.testsupport.ConsumerGroups;
import org.commitmenttracker.testsupport.TestTokens;
import org.commitmenttracker.testsupport.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * The whole pipeline as an operator runs it: four service jars, the real broker and store. The seed
 * communiqué goes in over HTTP; its commitments (the 90 agreed bullets among them) must come out in the
 * registry and as alerts, exactly once, through duplicate uploads and a replay of every event.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndIT {
    private static final Path SEED = Path.of(System.getProperty("samples.dir", "../../samples"))
            .resolve("zh-cn-ru-pm27-2022.txt");
    private static final int SEED_BULLETS = 90;
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(120);

    private static final String SUBSCRIBER = TestTokens.subscriber("e2e-subscriber");
    private static final String PUBLISHER = TestTokens.bearer("e2e-newsroom", List.of("publisher"), null);
    private static final EventCodec CODEC = new EventCodec();

    private static RunningPlatform platform;
    private static HttpServer webhookReceiver;
    private static final List<String> webhookTraceparents = new CopyOnWriteArrayList<>();
    private static String subscriptionId;
    private static String documentId;
    private static String uploadTraceId;
    private static int extracted;

    @BeforeAll
    static void startPlatform() throws Exception {
        webhookReceiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhookReceiver.createContext("/hooks/e2e", exchange -> {
            exchange.getRequestBody().readAllBytes();
            webhookTraceparents.add(exchange.getRequestHeaders().getFirst("traceparent"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhookReceiver.start();
        platform = RunningPlatform.start();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
        webhookReceiver.stop(0);
    }

    @Test
    @Order(1)
    void theSeedCommuniqueReachesTheRegistryAndSubscribersExactlyOnce() throws Exception {
        String everything = "{\"name\":\"everything\",\"webhookUrl\":\"http://127.0.0.1:"
                + webhookReceiver.getAddress().getPort() + "/hooks/e2e\"}";
        var anonymous = platform.post(Service.NOTIFICATION, "/api/subscriptions", "application/json", everything, null);
        assertThat(anonymous.statusCode()).isEqualTo(401); // subscriptions belong to the token's subject
        var subscription = platform.post(Service.NOTIFICATION, "/api/subscriptions", "application/json", everything, SUBSCRIBER);
        assertThat(subscription.statusCode()).isEqualTo(201);
        subscriptionId = platform.json(subscription.body()).get("id").asString();

        var upload = platform.post(Service.INGESTION, "/api/communiques", "text/plain; charset=UTF-8", Files.readString(SEED),
                PUBLISHER);
        assertThat(upload.statusCode()).isEqualTo(201);
        documentId = platform.json(upload.body()).get("id").asString();
        uploadTraceId = upload.headers().firstValue("traceparent").orElseThrow().substring(3, 35);

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

    /** One trace from the upload through every hop: each event and webhook the document caused continues it. */
    @Test
    @Order(2)
    void everyEventAndWebhookTheUploadCausedCarriesItsTraceId() {
        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> !webhookTraceparents.isEmpty());
        assertThat(webhookTraceparents).allSatisfy(traceparent ->
                assertThat(traceparent).as("webhook traceparent").startsWith("00-" + uploadTraceId + "-"));
        for (String topic : List.of(Topics.COMMUNIQUES, Topics.COMMITMENTS, Topics.STATUS_CHANGES)) {
            List<EventEnvelope<?>> caused = TopicReader.readAll(topic, Duration.ofSeconds(2)).stream()
                    .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(documentId))
                    .<EventEnvelope<?>>map(r -> CODEC.decode(r.value())).toList();
            assertThat(caused).as("events on %s", topic).isNotEmpty()
                    .allSatisfy(event -> assertThat(event.traceparent()).as("%s %s", event.type(), event.id())
                            .startsWith("00-" + uploadTraceId + "-"));
        }
    }

    @Test
    @Order(3)
    void postingTheSameDocumentAgainCreatesNothing() throws Exception {
        var again = platform.post(Service.INGESTION, "/api/communiques", "text/plain; charset=UTF-8", Files.readString(SEED),
                PUBLISHER);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(platform.json(again.body()).get("id").asString()).isEqualTo(documentId);

        List<ConsumerRecord<String, byte[]>> announced = TopicReader.readAll(Topics.COMMUNIQUES, Duration.ofSeconds(2));
        assertThat(announced.stream().filter(r -> documentId.equals(r.key()))).hasSize(1);
        assertThat(registryTotal()).isEqualTo(extracted);
        assertThat(alerts()).hasSize(extracted);
    }

    @Test
    @Order(4)
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
        ConsumerGroups.awaitCaughtUp("registry-commitments", Topics.COMMITMENTS, PIPELINE_TIMEOUT);
        ConsumerGroups.awaitCaughtUp("notification-status-changes", Topics.STATUS_CHANGES, PIPELINE_TIMEOUT);

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

    /** Subscriptions and their alerts belong to the subscriber who created them. */
    private static JsonNode alerts() throws Exception {
        return platform.get(Service.NOTIFICATION, "/api/subscriptions/" + subscriptionId + "/alerts?limit=10000", SUBSCRIBER);
    }
}
