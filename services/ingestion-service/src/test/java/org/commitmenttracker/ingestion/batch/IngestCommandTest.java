package org.commitmenttracker.ingestion.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code ingest DIR} against a local server that answers as a busy or stalled service would: a busy answer (503 or
 * 429 with {@code Retry-After}) is not a rejection until the attempts are spent, and a stalled upload stops the import
 * instead of blocking it.
 */
class IngestCommandTest {
    /** Waits capped to 50 ms whatever the server asks, so the test does not sleep for its Retry-After. */
    private static final IngestCommand.Patience QUICK = new IngestCommand.Patience(Duration.ofSeconds(2), 3,
            Duration.ofMillis(50), Duration.ofMillis(50));

    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer server;

    @AfterEach
    void stop() {
        released.countDown();
        server.stop(0);
    }

    @Test
    void aBusyServiceIsAskedAgainAfterRetryAfterAndTheFileIsImported(@TempDir Path archive) throws IOException {
        serve(List.of(503, 429, 201));
        Files.writeString(archive.resolve("a.txt"), "text");

        int status = run(archive);

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(requests).hasValue(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("imported:   1", "rejected:   0");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("[busy] a.txt: 503", "[busy] a.txt: 429");
    }

    @Test
    void aServiceBusyForEveryAttemptRejectsTheFileWithItsAnswerAndTheImportGoesOn(@TempDir Path archive) throws IOException {
        serve(List.of(503, 503, 503, 201));
        Files.writeString(archive.resolve("a.txt"), "text");
        Files.writeString(archive.resolve("b.txt"), "text");

        int status = run(archive);

        assertThat(status).isEqualTo(1);
        assertThat(requests).as("three attempts for a.txt, one for b.txt").hasValue(4);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("imported:   1", "rejected:   1", "a.txt: 503");
    }

    @Test
    @Timeout(60) // without a request timeout the import would wait forever
    void anUploadWithoutAnswerStopsTheImportWhenItsTimeoutPasses(@TempDir Path archive) throws IOException {
        serve(List.of());
        Files.writeString(archive.resolve("a.txt"), "text");
        Files.writeString(archive.resolve("b.txt"), "text");

        int status = run(archive);

        assertThat(status).isEqualTo(3);
        assertThat(requests).hasValue(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("did not answer a.txt within 2 s", "stopped after 0 of 2");
    }

    /** Answers each request with the next status (then 201); with none, never answers until the test ends. */
    private void serve(List<Integer> statuses) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/communiques", exchange -> {
            int n = requests.getAndIncrement();
            exchange.getRequestBody().readAllBytes();
            if (statuses.isEmpty()) {
                awaitRelease();
                exchange.close();
                return;
            }
            int status = n < statuses.size() ? statuses.get(n) : 201;
            String body = status == 201 ? "{\"id\":\"doc-" + n + "\"}" : "{\"detail\":\"busy\",\"reason\":\"busy\"}";
            if (status != 201) {
                exchange.getResponseHeaders().add("Retry-After", "30");
            }
            answer(exchange, status, body);
        });
        server.start();
    }

    private void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private int run(Path archive) {
        return new IngestCommand(HttpClient.newHttpClient(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, QUICK)
                .run(archive.toString(), "--url", "http://127.0.0.1:" + server.getAddress().getPort(), "--token", "t");
    }
}
