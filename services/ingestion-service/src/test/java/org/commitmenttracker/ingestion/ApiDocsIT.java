package org.commitmenttracker.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API is described by OpenAPI and browsable in Swagger UI. */
@UsesTestStack(database = "ingestion-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocsIT {
    @LocalServerPort
    int port;

    @Test
    void openApiListsEveryEndpoint() {
        var response = new IngestionClient(port).get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = JsonMapper.builder().build().readTree(response.body()).get("paths");
        assertThat(paths.get("/api/communiques").has("post")).isTrue();
        assertThat(paths.get("/api/communiques").has("get")).isTrue();
        assertThat(paths.get("/api/communiques/{id}").has("get")).isTrue();
        assertThat(paths.get("/api/communiques/{id}").has("delete")).isTrue();
        assertThat(paths.get("/api/communiques/{id}/original").has("get")).isTrue();
        assertThat(paths.at("/~1api~1communiques/post/requestBody/content").propertyNames())
                .contains("text/plain", "application/json", "multipart/form-data");
    }

    @Test
    void swaggerUiIsServed() {
        var response = new IngestionClient(port).get("/swagger-ui.html");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Swagger UI");
    }
}
