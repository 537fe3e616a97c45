package org.commitmenttracker.ingestion.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.commitmenttracker.ingestion.IngestionClient;
import org.commitmenttracker.ingestion.RefusedRequests;
import org.commitmenttracker.ingestion.TestDocuments;
import org.commitmenttracker.ingestion.text.ConversionSlots;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every upload waits in a temporary file of the upload directory, never whole in memory, and the file is gone once
 * the request is answered: stored, refused or failed. A small upload limit (256 KB) keeps the oversized bodies small;
 * one conversion slot, which the test can hold, keeps a PDF upload waiting with its file in place.
 */
@UsesTestStack(database = "ingestion-spooling-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.ingestion.max-upload-size=256KB",
        "tracker.ingestion.conversion.concurrency=1",
        "tracker.ingestion.conversion.queue-wait=10m"})
class UploadSpoolingIT {
    private static final Path UPLOADS = temporaryDirectory();
    private static final int LIMIT = 256 * 1024;

    @DynamicPropertySource
    static void uploadDirectory(DynamicPropertyRegistry registry) {
        registry.add("tracker.ingestion.upload-directory", UPLOADS::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ConversionSlots slots;

    private IngestionClient api() {
        return new IngestionClient(port);
    }

    @AfterEach
    void noUploadIsLeftBehind() {
        assertThat(filesIn(UPLOADS)).as("temporary upload files").isEmpty();
    }

    @Test
    void aFileWaitsForItsConversionInATemporaryFileThatIsGoneOnceItIsStored() throws Exception {
        byte[] pdf = TestDocuments.pdf("Joint Communique", List.of("Joint Communique", "Ref " + UUID.randomUUID()));
        CompletableFuture<HttpResponse<String>> upload;
        try (ConversionSlots.Slot busy = slots.take()) {
            upload = CompletableFuture.supplyAsync(() -> api().postFile("communique.pdf", "application/pdf", pdf, Map.of()));
            Path waiting = awaitOneFileIn(UPLOADS, pdf.length);
            assertThat(Files.readAllBytes(waiting)).isEqualTo(pdf);
        }
        assertThat(upload.get().statusCode()).as(upload.get().body()).isEqualTo(201);
    }

    @Test
    void textJsonAndFileUploadsLeaveNoTemporaryFile() {
        String text = "联合公报 " + UUID.randomUUID() + "\n——加强合作。";
        assertThat(api().postText(text).statusCode()).isEqualTo(201);
        assertThat(api().post("application/json", ("{\"text\":\"Joint communiqué " + UUID.randomUUID() + "\"}")
                .getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
        assertThat(api().postFile("communique.docx", "application/octet-stream",
                TestDocuments.docx(null, List.of("Joint communiqué", "Ref " + UUID.randomUUID())), Map.of()).statusCode())
                .isEqualTo(201);
    }

    @Test
    void aFileOverTheLimitIsRefusedWhileItStreamsInWithAProblem() {
        byte[] file = new byte[LIMIT + 1];
        Arrays.fill(file, (byte) 'a');
        assertRefused(() -> api().postFile("huge.txt", "text/plain", file, Map.of()), 413, "tracker.ingestion.max-upload-size");
    }

    @Test
    void aTextBodyOverTheLimitIsRefusedByItsSpoolWithAProblem() {
        byte[] text = new byte[LIMIT + 1];
        Arrays.fill(text, (byte) 'a');
        assertRefused(() -> api().post("text/plain; charset=UTF-8", text), 413, "tracker.ingestion.max-upload-size");
        assertRefused(() -> api().post("application/json", text), 413, "tracker.ingestion.max-upload-size");
    }

    /** No Content-Length: the spool counts the bytes and stops reading one buffer past the limit. */
    @Test
    void aChunkedTextBodyOverTheLimitIsRefusedByItsSpoolWithAProblem() {
        HttpResponse<String> response = assertRefused(() -> chunkedText(LIMIT + 512 * 1024), 413,
                "tracker.ingestion.max-upload-size");
        assertThat(response.body()).contains("\"reason\":\"too_large\"");
    }

    @Test
    void refusedUploadsOfEveryFormLeaveNoTemporaryFile() {
        assertRefused(() -> api().postFile("scan.pdf", "application/pdf", TestDocuments.scannedPdf(), Map.of()), 422, "no text layer");
        assertRefused(() -> api().postFile("broken.docx", "application/octet-stream", TestDocuments.corruptDocx(), Map.of()),
                422, "not a readable DOCX");
        assertRefused(() -> api().post("application/json", "{\"text\": \"unfinished".getBytes(StandardCharsets.UTF_8)), 400, "malformed JSON");
        byte[] junk = new byte[2048];
        new Random(7).nextBytes(junk);
        assertRefused(() -> api().post("text/plain; charset=UTF-8", junk), 422, "not valid UTF-8");
    }

    private HttpResponse<String> chunkedText(long size) {
        byte[] line = "联合公报 ——加强合作。\n".getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/communiques"))
                .header("Content-Type", "text/plain; charset=UTF-8").header("Authorization", IngestionClient.PUBLISHER)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
                    private long sent;

                    @Override
                    public int read() {
                        return sent >= size ? -1 : line[(int) (sent++ % line.length)] & 0xff;
                    }
                })).build();
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The problem answer, neither a communiqué nor a chunk of an original written, and no upload file left. */
    private HttpResponse<String> assertRefused(Supplier<HttpResponse<String>> request, int status, String detail) {
        HttpResponse<String> response = RefusedRequests.assertRefused(mongo, request, status, detail);
        assertThat(filesIn(UPLOADS)).as("temporary upload files").isEmpty();
        return response;
    }

    /**
     * Waits for the upload's own file (the container's part file is renamed to it) to be written in full; the
     * request holds it until the test gives back the conversion slot, so only a missing file ends the wait unfound.
     */
    private static Path awaitOneFileIn(Path directory, long size) throws InterruptedException {
        for (int attempt = 0; attempt < 6000; attempt++) {
            List<Path> files = filesIn(directory).stream().filter(file -> file.getFileName().toString().endsWith(".part")).toList();
            if (files.size() == 1 && sizeOf(files.get(0)) == size) {
                return files.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No upload file of " + size + " bytes appeared in " + directory + ": " + filesIn(directory));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException vanished) {
            return -1;
        }
    }

    private static List<Path> filesIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> !file.getFileName().toString().equals(".lock")).toList(); // the instance's lock
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("ingestion-uploads-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
