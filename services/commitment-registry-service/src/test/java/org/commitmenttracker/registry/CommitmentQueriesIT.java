package org.commitmenttracker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.registry.RegistryFixtures.addAgency;
import static org.commitmenttracker.registry.RegistryFixtures.addCommitment;
import static org.commitmenttracker.registry.RegistryFixtures.assign;
import static org.commitmenttracker.registry.RegistryFixtures.json;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.commitmenttracker.events.CommuniqueWithdrawn;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.testsupport.Http;
import org.commitmenttracker.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/** Filters, summary, CSV export, corrections and withdrawal, as analysts use them. */
@RegistryIT
class CommitmentQueriesIT {
    @LocalServerPort
    int port;

    private Http http;
    private String documentId;

    @BeforeEach
    void setUp() {
        http = RegistryFixtures.operator(port);
        documentId = "doc-q-" + UUID.randomUUID();
    }

    @Test
    void filtersSortsSummarisesAndExports() {
        addAgency(http, "customs");
        String soon = addCommitment(http, documentId, LocalDate.now().plusDays(10).toString());
        String later = addCommitment(http, documentId, LocalDate.now().plusDays(400).toString());
        String undated = addCommitment(http, documentId, null);
        assign(http, later, "customs");

        JsonNode dueSoon = json(http.get("/api/commitments?documentId=" + documentId + "&dueBefore="
                + LocalDate.now().plusDays(30) + "&sort=due"));
        assertThat(dueSoon.get("total").asLong()).isEqualTo(1);
        assertThat(dueSoon.get("items").get(0).get("id").asString()).isEqualTo(soon);

        JsonNode byAgency = json(http.get("/api/commitments?documentId=" + documentId + "&agency=customs"));
        assertThat(byAgency.get("items").valueStream().map(i -> i.get("id").asString())).containsExactly(later);

        JsonNode byDue = json(http.get("/api/commitments?documentId=" + documentId + "&sort=due&size=2"));
        assertThat(byDue.get("total").asLong()).isEqualTo(3);
        assertThat(byDue.get("items").valueStream().map(i -> i.get("id").asString())).hasSize(2);
        assertThat(byDue.get("items").get(0).has("history")).isFalse(); // a list item is read without its history
        assertThat(byDue.get("items").get(0).get("facts").get("text").asString()).contains("加强合作");
        JsonNode secondPage = json(http.get("/api/commitments?documentId=" + documentId + "&sort=due&size=2&page=1"));
        assertThat(secondPage.get("items")).hasSize(1);
        assertThat(secondPage.has("total")).isFalse(); // counted on the first page, or when asked
        assertThat(json(http.get("/api/commitments?documentId=" + documentId + "&sort=due&size=2&page=1&total=true"))
                .get("total").asLong()).isEqualTo(3);

        JsonNode byText = json(http.get("/api/commitments?documentId=" + documentId + "&q=加强合作&topic=trade&party=RU"));
        assertThat(byText.get("total").asLong()).isEqualTo(3);

        JsonNode summary = json(http.get("/api/commitments/summary?documentId=" + documentId));
        assertThat(summary.get("overall").get("byStatus").get("PLEDGED").asLong()).isEqualTo(3);
        // Pledged today, in a communiqué without a date or a period: not yet assessed (no −1.00 on day one).
        assertThat(summary.get("overall").get("compliance").isNull()).isTrue();
        assertThat(summary.get("overall").get("assessed").asLong()).isZero();
        assertThat(summary.get("byAgency").get("customs").get("total").asLong()).isEqualTo(1);
        assertThat(summary.get("bySection").get("2").get("total").asLong()).isEqualTo(3);

        HttpResponse<String> csv = http.get("/api/commitments/export.csv?documentId=" + documentId);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("id,documentId,section");
        assertThat(csv.body()).contains(soon, later, undated);

        assertThat(http.get("/api/commitments?sort=sideways").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/commitments?size=100000").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/commitments?status=DONE").statusCode()).isEqualTo(400);
    }

    @Test
    void correctionsAreRecordedWithWhoAndWhyAndOperatorsCanCancel() {
        String id = addCommitment(http, documentId, null);
        // The actor in history is the token's subject; a header cannot name someone else.
        Http analyst = Http.local(port).as(org.commitmenttracker.testsupport.TestTokens.bearer("analyst:li", List.of("operator"), null));
        HttpResponse<String> corrected = analyst.send("PATCH", "/api/commitments/" + id, "application/json",
                "{\"section\":7,\"topics\":[\"regional\"],\"reason\":\"belongs to part 7\"}", java.util.Map.of("X-Actor", "someone-else"));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        JsonNode view = json(corrected);
        assertThat(view.get("facts").get("section").asInt()).isEqualTo(7);
        JsonNode last = view.get("history").get(view.get("history").size() - 1);
        assertThat(last.get("actor").asString()).isEqualTo("analyst:li");
        assertThat(last.get("cause").asString()).contains("belongs to part 7");

        HttpResponse<String> noReason = http.patch("/api/commitments/" + id, "{\"section\":3}");
        assertThat(noReason.statusCode()).isEqualTo(400);

        HttpResponse<String> cancelled = http.post("/api/commitments/" + id + "/status",
                "{\"status\":\"CANCELLED\",\"reason\":\"overtaken by events\"}");
        assertThat(json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        HttpResponse<String> reopened = http.post("/api/commitments/" + id + "/status",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"try\"}");
        assertThat(reopened.statusCode()).isEqualTo(409);
        assertThat(json(reopened).get("detail").asString()).contains("CANCELLED is final");
    }

    @Test
    void aWithdrawnCommuniqueWithdrawsItsCommitmentsAndKeepsTheirHistory() {
        String first = addCommitment(http, documentId, null);
        String second = addCommitment(http, documentId, null);
        EventCodec codec = new EventCodec();
        TopicReader.write(Topics.COMMUNIQUES, documentId, codec.encode(EventEnvelope.of(UUID.randomUUID(), "/test",
                new CommuniqueWithdrawn(documentId, "uploaded by mistake", "analyst:li", Instant.now()), Instant.now(), null)));

        await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                json(http.get("/api/commitments/" + second)).get("status").asString().equals("WITHDRAWN"));
        JsonNode withdrawn = json(http.get("/api/commitments/" + first));
        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("history")).hasSize(2);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        HttpResponse<String> docs = http.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/commitments/{id}/progress", "/api/commitments/summary",
                "/api/commitments/export.csv", "/api/agencies/{id}", "/api/commitments/{id}/agencies");
    }
}
