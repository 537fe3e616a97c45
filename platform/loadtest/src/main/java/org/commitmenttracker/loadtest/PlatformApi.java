package org.commitmenttracker.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.commitmenttracker.devstack.LocalIssuer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform's HTTP APIs as the driver calls them: JSON bodies written by the JSON library, tokens of the local issuer. */
final class PlatformApi implements AutoCloseable {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, String> urls;
    private final LocalIssuer issuer;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService executor = Executors.newFixedThreadPool(4, Threads.daemon("http"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** @param urls base URL by service: ingestion, extraction, registry, notification */
    PlatformApi(Map<String, String> urls, LocalIssuer issuer) {
        this.urls = Map.copyOf(urls);
        this.issuer = issuer;
    }

    String token(String subject, List<String> roles, String agency) {
        return issuer.token(subject, roles, agency, Duration.ofHours(4));
    }

    /** Sends {@code body} as JSON; the answer's JSON, or an error naming the request if the status is not {@code status}. */
    JsonNode call(String method, String service, String path, Object body, String token, int status) throws Exception {
        HttpResponse<String> response = http.send(request(service, path, token, "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException(method + " " + response.request().uri() + " → " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    }

    /** A GET's answer body; an error naming the request if it is not 200. */
    String get(String service, String pathAndQuery, String token) throws Exception {
        HttpResponse<String> response = http.send(request(service, pathAndQuery, token, "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + response.request().uri() + " → " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    /** Uploads a communiqué's text; the answer as it came (201 stored, 200 already there). */
    HttpResponse<String> upload(String text, String token) throws Exception {
        return http.send(request("ingestion", "/api/communiques", token, "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a progress report without waiting for the answer. */
    CompletableFuture<HttpResponse<Void>> reportProgress(String commitmentId, Object report, String token) {
        return http.sendAsync(request("registry", "/api/commitments/" + commitmentId + "/progress", token, "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(report))).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    JsonNode parse(String body) {
        return json.readTree(body);
    }

    private HttpRequest.Builder request(String service, String path, String token, String contentType) {
        return HttpRequest.newBuilder(URI.create(urls.get(service) + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
