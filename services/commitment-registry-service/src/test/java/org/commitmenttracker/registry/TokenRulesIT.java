package org.commitmenttracker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.registry.RegistryFixtures.addAgency;
import static org.commitmenttracker.registry.RegistryFixtures.addCommitment;
import static org.commitmenttracker.registry.RegistryFixtures.assign;
import static org.commitmenttracker.registry.RegistryFixtures.json;
import static org.commitmenttracker.registry.RegistryFixtures.progressRecord;
import static org.commitmenttracker.registry.RegistryFixtures.publish;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.ProgressReported;
import org.commitmenttracker.testsupport.Http;
import org.commitmenttracker.testsupport.TestTokens;
import org.commitmenttracker.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The one token decoder (HTTP and Kafka) against genuine tokens, signed by the trusted issuer, that are still not
 * access tokens to the platform: without expiry, without subject, for another audience, ID tokens. And Kafka's
 * tokens judged at the record's send time within the grace (tracker.security.jwt.record-grace, 30 min), so a
 * consumer running behind does not dead-letter what was valid when sent.
 */
@RegistryIT
class TokenRulesIT {
    private static final String RS256_JWT = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    private final EventCodec codec = new EventCodec();

    @LocalServerPort
    int port;

    @Test
    void genuineTokensThatAreNotAccessTokensToThePlatformAre401() {
        long now = Instant.now().getEpochSecond();
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("no exp", claims("reader-x", TestTokens.audience(), now - 10, null, ""));
        refused.put("no sub", claims(null, TestTokens.audience(), now - 10, now + 600, ""));
        refused.put("no aud", claims("reader-x", null, now - 10, now + 600, ""));
        refused.put("another audience", claims("reader-x", "another-client", now - 10, now + 600, ""));
        refused.put("ID token by claim", claims("reader-x", TestTokens.audience(), now - 10, now + 600, ",\"typ\":\"ID\""));
        for (Map.Entry<String, String> token : refused.entrySet()) {
            HttpResponse<String> answer = Http.local(port).as(TestTokens.signed(RS256_JWT, token.getValue())).get("/api/commitments");
            assertThat(answer.statusCode()).as(token.getKey()).isEqualTo(401);
        }
        String idTokenHeader = "{\"alg\":\"RS256\",\"typ\":\"id_token\"}";
        assertThat(Http.local(port).as(TestTokens.signed(idTokenHeader, claims("reader-x", TestTokens.audience(), now - 10, now + 600, "")))
                .get("/api/commitments").statusCode()).as("ID token by header").isEqualTo(401);

        for (String header : List.of(RS256_JWT, "{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}", "{\"alg\":\"RS256\"}")) {
            HttpResponse<String> accepted = Http.local(port).as(TestTokens.signed(header,
                    claims("reader-x", TestTokens.audience(), now - 10, now + 600, ",\"typ\":\"Bearer\""))).get("/api/commitments");
            assertThat(accepted.statusCode()).as("an access token, header " + header).isEqualTo(200);
        }
    }

    /**
     * The same decoder on Kafka: a progress record carrying a genuine agency token without expiry, without subject,
     * for another audience or an ID token is dead-lettered as not valid and reports nothing, while the same report
     * with an access token is applied.
     */
    @Test
    void genuineTokensThatAreNotAccessTokensAreDeadLetteredFromKafka() {
        Http operator = RegistryFixtures.operator(port);
        addAgency(operator, "mofcom");
        String commitmentId = addCommitment(operator, "doc-token-kafka", null);
        assign(operator, commitmentId, "mofcom");
        long now = Instant.now().getEpochSecond();
        String agency = ",\"roles\":[\"agency\"],\"agency_id\":\"mofcom\"";
        String subject = "agency-system-mofcom";
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("no exp", TestTokens.signed(RS256_JWT, claims(subject, TestTokens.audience(), now - 10, null, agency)));
        refused.put("no sub", TestTokens.signed(RS256_JWT, claims(null, TestTokens.audience(), now - 10, now + 600, agency)));
        refused.put("another audience", TestTokens.signed(RS256_JWT, claims(subject, "another-client", now - 10, now + 600, agency)));
        refused.put("ID token by claim", TestTokens.signed(RS256_JWT,
                claims(subject, TestTokens.audience(), now - 10, now + 600, agency + ",\"typ\":\"ID\"")));
        refused.put("ID token by header", TestTokens.signed("{\"alg\":\"RS256\",\"typ\":\"id_token\"}",
                claims(subject, TestTokens.audience(), now - 10, now + 600, agency)));
        Map<String, String> eventIds = new LinkedHashMap<>();
        List<ProducerRecord<String, byte[]>> records = new java.util.ArrayList<>();
        Instant sentAt = Instant.now();
        for (Map.Entry<String, String> token : refused.entrySet()) {
            String eventId = UUID.randomUUID().toString();
            eventIds.put(token.getKey(), eventId);
            records.add(record(commitmentId, eventId, token.getValue(), sentAt));
        }
        String accepted = UUID.randomUUID().toString();
        records.add(record(commitmentId, accepted, TestTokens.signed(RS256_JWT,
                claims(subject, TestTokens.audience(), now - 10, now + 600, agency)), sentAt));
        publish(records);

        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil("progress.registry.dlq",
                found -> eventIds.values().stream().allMatch(id -> found.stream().anyMatch(r -> holds(r, id))),
                Duration.ofSeconds(60), Duration.ofSeconds(1));
        for (Map.Entry<String, String> refusedOne : eventIds.entrySet()) {
            assertThat(dead.stream().filter(r -> holds(r, refusedOne.getValue())).map(r ->
                    new String(r.headers().lastHeader("x-exception-message").value(), StandardCharsets.UTF_8)))
                    .as(refusedOne.getKey()).singleElement().asString().contains("token is not valid");
        }
        assertThat(dead).noneMatch(r -> holds(r, accepted));
        JsonNode stored = json(operator.get("/api/commitments/" + commitmentId));
        assertThat(stored.get("history").valueStream().filter(h -> h.get("kind").asString().startsWith("progress"))
                .map(h -> h.get("eventId").asString())).containsExactly(accepted);
    }

    @Test
    void aKafkaTokenIsJudgedAtTheRecordsSendTimeWithinTheGrace() {
        Http operator = RegistryFixtures.operator(port);
        addAgency(operator, "mofcom");
        String commitmentId = addCommitment(operator, "doc-token-time", null);
        assign(operator, commitmentId, "mofcom");
        Instant now = Instant.now();
        // Expired 10 minutes ago, sent 15 minutes ago while valid: a consumer that lagged behind must still apply it.
        String lagged = UUID.randomUUID().toString();
        String laggedToken = agencyToken("mofcom", now.minusSeconds(1800), now.minusSeconds(600));
        // Expired 2 hours ago, claiming to be sent 3 hours ago: beyond the grace, whatever the record says.
        String stale = UUID.randomUUID().toString();
        String staleToken = agencyToken("mofcom", now.minusSeconds(4 * 3600), now.minusSeconds(2 * 3600));
        publish(List.of(
                record(commitmentId, stale, staleToken, now.minusSeconds(3 * 3600)),
                record(commitmentId, lagged, laggedToken, now.minusSeconds(900))));

        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil("progress.registry.dlq",
                records -> records.stream().anyMatch(r -> holds(r, stale)), Duration.ofSeconds(60), Duration.ofSeconds(1));
        assertThat(dead.stream().filter(r -> holds(r, stale)).map(r ->
                new String(r.headers().lastHeader("x-exception-message").value(), StandardCharsets.UTF_8)))
                .singleElement().asString().contains("token is not valid");
        assertThat(dead).noneMatch(r -> holds(r, lagged));
        JsonNode stored = json(operator.get("/api/commitments/" + commitmentId));
        assertThat(stored.get("history").valueStream().filter(h -> h.get("kind").asString().startsWith("progress"))
                .map(h -> h.get("eventId").asString())).containsExactly(lagged);
    }

    private static String agencyToken(String agency, Instant issuedAt, Instant expiresAt) {
        return TestTokens.signed(RS256_JWT, claims("agency-system-" + agency, TestTokens.audience(), issuedAt.getEpochSecond(),
                expiresAt.getEpochSecond(), ",\"roles\":[\"agency\"],\"agency_id\":\"" + agency + "\""));
    }

    /** The claims of a token of the trusted issuer; {@code null} leaves a claim out; {@code more} starts with a comma. */
    private static String claims(String subject, String audience, long issuedAt, Long expiresAt, String more) {
        StringBuilder claims = new StringBuilder("{\"iss\":\"").append(TestTokens.issuer()).append("\",\"iat\":").append(issuedAt);
        if (subject != null) {
            claims.append(",\"sub\":\"").append(subject).append('"');
        }
        if (audience != null) {
            claims.append(",\"aud\":\"").append(audience).append('"');
        }
        if (expiresAt != null) {
            claims.append(",\"exp\":").append(expiresAt);
        }
        if (!more.contains("\"roles\"")) {
            claims.append(",\"roles\":[\"reader\"]");
        }
        return claims.append(more).append('}').toString();
    }

    private ProducerRecord<String, byte[]> record(String commitmentId, String eventId, String authorization, Instant sentAt) {
        ProducerRecord<String, byte[]> record = progressRecord(commitmentId, codec.encode(EventEnvelope.of(UUID.fromString(eventId),
                "/agency/mofcom", new ProgressReported(commitmentId, "mofcom", "IN_PROGRESS", 10, "report " + eventId, List.of(),
                        sentAt), sentAt, null)), authorization);
        return new ProducerRecord<>(record.topic(), null, sentAt.toEpochMilli(), record.key(), record.value(), record.headers());
    }

    private static boolean holds(ConsumerRecord<String, byte[]> record, String marker) {
        return new String(record.value(), StandardCharsets.UTF_8).contains(marker);
    }
}
