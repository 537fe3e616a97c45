package org.commitmenttracker.ingestion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commitmenttracker.testsupport.TestTokens;

/** The ingestion API as a user's program sees it, over HTTP, with a bearer token. */
public final class IngestionClient {
    /** An editorial system's token: it uploads and reads back. */
    public static final String PUBLISHER = TestTokens.bearer("test-newsroom", List.of("publisher", "reader"), null);
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;
    private final String authorization;

    public IngestionClient(int port) {
        this(port, PUBLISHER);
    }

    /** A client sending {@code authorization} as its Authorization header (null: none). */
    public IngestionClient(int port, String authorization) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = authorization;
    }

    public HttpResponse<String> postText(String text) {
        return post("text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> post(String contentType, byte[] body) {
        return send(upload(contentType, body));
    }

    /** A text upload continuing the caller's W3C trace. */
    public HttpResponse<String> postText(String text, String traceparent) {
        return send(upload("text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8))
                .header("traceparent", traceparent));
    }

    /** A text upload as an explicit new version of the stored communiqué {@code versionOf}. */
    public HttpResponse<String> postTextAsVersionOf(String text, String versionOf) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/communiques?versionOf=" + versionOf))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder upload(String contentType, byte[] body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/communiques")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** A multipart/form-data upload of one file, with optional metadata fields. */
    public HttpResponse<String> postFile(String fileName, String contentType, byte[] content, Map<String, String> fields) {
        String boundary = "----ingestion-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(authorized(HttpRequest.newBuilder(URI.create(base + path)).GET()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(authorized(request).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id at the end of a 201's Location header. */
    public static String idOf(HttpResponse<?> created) {
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
