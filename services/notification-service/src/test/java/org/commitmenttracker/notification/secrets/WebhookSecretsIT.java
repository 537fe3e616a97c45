package org.commitmenttracker.notification.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.commitmenttracker.notification.NotificationApi;
import org.commitmenttracker.notification.NotificationApplication;
import org.commitmenttracker.notification.WebhookReceiver;
import org.commitmenttracker.notification.subscriptions.Subscription;
import org.commitmenttracker.notification.subscriptions.SubscriptionStore;
import org.commitmenttracker.notification.webhook.WebhookSecret;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Webhook signing secrets at rest and in logs: the store holds them encrypted (current and previous), they
 * still sign, secrets stored in plain text before are encrypted at start-up, and neither a secret nor a bearer
 * token is ever logged, even at debug level. (The test configuration of the other ITs: one shared context.)
 */
@UsesTestStack(database = "notification-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class WebhookSecretsIT {
    private static final String[] CHATTY = {"org.springframework.web", "org.springframework.security",
            "org.springframework.data.mongodb.core", "org.commitmenttracker", "org.apache.hc.client5"};

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SubscriptionStore store;

    @Autowired
    SecretCipher cipher;

    @Test
    void theStoreHoldsSecretsEncryptedAndTheyStillSign() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            NotificationApi api = new NotificationApi(port, "partner-" + UUID.randomUUID());
            JsonNode created = api.subscribe("{\"name\":\"sealed\",\"commitmentIds\":[\"cmt-none\"],\"webhookUrl\":\""
                    + receiver.url("/") + "\"}");
            String id = created.get("id").asString();
            String first = created.get("secret").asString();
            assertThat(first).startsWith(WebhookSecret.PREFIX);
            assertNotStored(id, first);

            String second = api.json(api.send("POST", "/api/subscriptions/" + id + "/rotate-secret", null).body())
                    .get("secret").asString();
            assertNotStored(id, first);
            assertNotStored(id, second);
            Document webhook = raw(id).get("webhook", Document.class);
            // Both in the grace period, both sealed, and they open to what the subscriber was shown.
            assertThat(cipher.open(webhook.getString("sealedSecret"))).isEqualTo(second);
            assertThat(cipher.open(webhook.getString("sealedPreviousSecret"))).isEqualTo(first);

            receiver.trust(first);
            assertThat(api.pingDelivered(id))
                    .isTrue();
            receiver.trust(second);
            assertThat(api.pingDelivered(id))
                    .isTrue();
            assertThat(receiver.received()).hasSize(2).allMatch(WebhookReceiver.Received::signatureValid);
        }
    }

    @Test
    void secretsStoredInPlainTextBeforeAreEncryptedAtStartUp() throws Exception {
        NotificationApi api = new NotificationApi(port, "legacy-" + UUID.randomUUID());
        String id = api.subscribe("{\"name\":\"legacy\",\"commitmentIds\":[\"cmt-none\"],"
                + "\"webhookUrl\":\"http://127.0.0.1:9/legacy\"}").get("id").asString();
        // As a subscription was stored before secrets were encrypted at rest.
        String secret = WebhookSecret.generate();
        String previous = WebhookSecret.generate();
        mongo.getCollection(Subscription.COLLECTION).updateOne(new Document("_id", id), new Document("$set",
                new Document("webhook", new Document("url", "http://127.0.0.1:9/legacy").append("secret", secret)
                        .append("previousSecret", previous).append("previousSecretExpiresAt", Date.from(Instant.now())))));

        store.afterPropertiesSet(); // what a start does

        assertNotStored(id, secret);
        assertNotStored(id, previous);
        Document webhook = raw(id).get("webhook", Document.class);
        assertThat(webhook.keySet()).doesNotContain("secret", "previousSecret");
        assertThat(cipher.open(webhook.getString("sealedSecret"))).isEqualTo(secret);
        assertThat(cipher.open(webhook.getString("sealedPreviousSecret"))).isEqualTo(previous);
        assertThat(store.find(id)).hasValueSatisfying(s -> assertThat(s.webhook().sealedSecret()).startsWith("v1:"));
    }

    @Test
    void neitherSecretsNorTokensAreLoggedEvenAtDebugLevel(CapturedOutput output) throws Exception {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        Map<String, LogLevel> before = new java.util.HashMap<>();
        for (String logger : CHATTY) {
            before.put(logger, logging.getLoggerConfiguration(logger) == null ? null
                    : logging.getLoggerConfiguration(logger).getConfiguredLevel());
            logging.setLogLevel(logger, LogLevel.DEBUG);
        }
        String subscriber = "partner-" + UUID.randomUUID();
        String documentId = "doc-" + UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            NotificationApi api = new NotificationApi(port, subscriber);
            JsonNode created = api.subscribe("{\"name\":\"logged\",\"documentIds\":[\"" + documentId + "\"],\"webhookUrl\":\""
                    + receiver.url("/") + "\"}");
            String id = created.get("id").asString();
            String first = created.get("secret").asString();
            String second = api.json(api.send("POST", "/api/subscriptions/" + id + "/rotate-secret", null).body())
                    .get("secret").asString();
            receiver.trust(first, second);
            api.ping(id);
            NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1);
            // The ping is a delivery of its own: the log then holds the ping and the alert.
            await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/deliveries?state=delivered&subscriptionId=" + id).size() == 2);
            api.send("GET", "/api/subscriptions/" + id, null);

            String logged = output.getAll();
            assertThat(logged).as("debug logging was on").contains("/api/subscriptions");
            for (String secret : new String[]{first, second}) {
                assertThat(logged).doesNotContain(secret).doesNotContain(secret.substring(WebhookSecret.PREFIX.length()));
            }
            // No token at all (each request above carried a fresh one): no JWT, no bearer header.
            assertThat(logged).doesNotContainPattern("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.")
                    .doesNotContain("Bearer ey");
            assertThat(receiver.received()).isNotEmpty().allMatch(WebhookReceiver.Received::signatureValid);
        } finally {
            before.forEach(logging::setLogLevel);
        }
    }

    @Test
    void withoutAUsableKeyTheServiceRefusesToStartAndSaysWhy(CapturedOutput output) {
        for (String[] key : new String[][]{{"", "is not set"}, {"not base64!", "is not base64"},
                {"c2hvcnQ=", "decodes to 5 bytes; AES-256 needs 32"}}) {
            assertThatThrownBy(() -> new SpringApplicationBuilder(NotificationApplication.class).run("--server.port=0",
                    "--management.server.port=0", "--tracker.notification.secrets-key=" + key[0],
                    "--spring.cloud.stream.bindings.alertOnStatusChange-in-0.group=no-key",
                    "--spring.cloud.stream.bindings.alertOnDeadline-in-0.group=no-key"))
                    .as(key[1]).hasRootCauseInstanceOf(InvalidSecretsKeyException.class)
                    .rootCause().hasMessageContaining(key[1]);
            assertThat(output.getAll()).contains("TRACKER_NOTIFICATION_SECRETS_KEY (tracker.notification.secrets-key) " + key[1],
                    "Set TRACKER_NOTIFICATION_SECRETS_KEY to the base64 of 32 random bytes");
        }
    }

    private void assertNotStored(String id, String secret) {
        String document = raw(id).toJson();
        assertThat(document).doesNotContain(secret).doesNotContain(secret.substring(WebhookSecret.PREFIX.length()));
        assertThat(document).doesNotContain(WebhookSecret.PREFIX);
    }

    private Document raw(String id) {
        return mongo.getCollection(Subscription.COLLECTION).find(new Document("_id", id)).first();
    }
}
