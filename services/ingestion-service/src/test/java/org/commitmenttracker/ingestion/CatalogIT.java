package org.commitmenttracker.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Listing: newest first, paginated, filtered by a substring of title or text. */
@UsesTestStack(database = "ingestion-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogIT {
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void listsNewestFirstPageByPageAndFindsBySubstring() throws Exception {
        IngestionClient api = new IngestionClient(port);
        String marker = "Marker" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(IngestionClient.idOf(api.postText("Joint communiqué " + i + " " + marker.toLowerCase() + " " + UUID.randomUUID())));
            Thread.sleep(5); // distinct receivedAt instants
        }

        JsonNode first = json.readTree(api.get("/api/communiques?q=" + marker + "&size=2").body());
        assertThat(first.get("totalItems").asLong()).isEqualTo(3);
        assertThat(first.get("totalPages").asLong()).isEqualTo(2);
        assertThat(idsOf(first)).containsExactly(ids.get(2), ids.get(1));
        assertThat(first.get("items").get(0).has("text")).isFalse();

        JsonNode second = json.readTree(api.get("/api/communiques?q=" + marker + "&size=2&page=1").body());
        assertThat(idsOf(second)).containsExactly(ids.get(0));

        JsonNode all = json.readTree(api.get("/api/communiques").body());
        assertThat(all.get("totalItems").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(idsOf(all).get(0)).isEqualTo(ids.get(2));
    }

    @Test
    void unknownIdsAndBadPagesAreProblems() {
        IngestionClient api = new IngestionClient(port);
        var missing = api.get("/api/communiques/doc-000000000000000000000000");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(missing.body()).contains("No communiqué doc-000000000000000000000000");

        var badSize = api.get("/api/communiques?size=1000");
        assertThat(badSize.statusCode()).isEqualTo(400);
        assertThat(badSize.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    private static List<String> idsOf(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
