package org.commitmenttracker.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for tests that talk to a service as its users do. */
public final class Http {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    public Http(String base) {
        this(base, null);
    }

    private Http(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static Http local(int port) {
        return new Http("http://127.0.0.1:" + port);
    }

    /** The same client sending {@code Authorization: authorization} (see {@link TestTokens}). */
    public Http as(String authorization) {
        return new Http(base, authorization);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET whose answer is kept as bytes (a PDF, a file to download). */
    public HttpResponse<byte[]> getBytes(String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers, HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, String json) {
        return send("POST", path, "application/json", json, Map.of());
    }

    public HttpResponse<String> put(String path, String json) {
        return send("PUT", path, "application/json", json, Map.of());
    }

    public HttpResponse<String> patch(String path, String json) {
        return send("PATCH", path, "application/json", json, Map.of());
    }

    public HttpResponse<String> send(String method, String path, String contentType, String body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)), headers, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, Map<String, String> headers, HttpResponse.BodyHandler<T> body) {
        if (authorization != null && !headers.containsKey("Authorization")) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
