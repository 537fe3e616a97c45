package org.commitmenttracker.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import org.commitmenttracker.testsupport.Http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Setting up commitments and agencies through the registry's own API, as an operator would. */
final class RegistryFixtures {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private RegistryFixtures() {
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** A new commitment added by hand, due on {@code dueDate} (or without a due date when null). */
    static String addCommitment(Http http, String documentId, String dueDate) {
        HttpResponse<String> response = http.post("/api/commitments", """
                {"documentId":"%s","section":2,"text":"双方将加强合作 %s。","parties":["CN","RU"],"topics":["trade"],
                 "dueDate":%s,"reason":"test fixture"}""".formatted(documentId, UUID.randomUUID(),
                dueDate == null ? "null" : "\"" + dueDate + "\""));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asString();
    }

    static void addAgency(Http http, String id) {
        HttpResponse<String> response = http.put("/api/agencies/" + id,
                "{\"name\":\"Agency " + id + "\",\"country\":\"CN\",\"contact\":\"desk@example.org\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    static void assign(Http http, String commitmentId, String... agencies) {
        HttpResponse<String> response = http.put("/api/commitments/" + commitmentId + "/agencies",
                JSON.writeValueAsString(agencies));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    static String report(String eventId, String agency, String status, Integer percent, Instant occurredAt) {
        return """
                {"eventId":"%s","agencyId":"%s","status":%s,"percentComplete":%s,"note":"report %s",
                 "evidenceUrls":["https://example.org/evidence/%s"],"occurredAt":"%s"}""".formatted(eventId, agency,
                status == null ? "null" : "\"" + status + "\"", percent, eventId, eventId, occurredAt);
    }
}
