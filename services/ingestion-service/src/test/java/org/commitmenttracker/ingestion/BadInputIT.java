package org.commitmenttracker.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.commitmenttracker.ingestion.communique.Communique;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Each kind of bad input gets a problem+json answer with the right status and a detail the uploader can act
 * on, and leaves nothing behind: neither a communiqué nor a chunk of an original.
 */
@UsesTestStack(database = "ingestion-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputIT {
    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private IngestionClient api() {
        return new IngestionClient(port);
    }

    @Test
    void emptyBodiesAndFiles() {
        assertRefused(() -> api().postText("   "), 400, "empty");
        assertRefused(() -> api().post("text/plain", new byte[0]), 400, "empty");
        assertRefused(() -> api().post("application/json", "{\"title\":\"no text\"}".getBytes(StandardCharsets.UTF_8)), 400, "empty");
        assertRefused(() -> api().postFile("empty.txt", "text/plain", new byte[0], Map.of()), 400, "empty");
    }

    @Test
    void malformedJsonAndMetadata() {
        assertRefused(() -> api().post("application/json", "{\"text\": ".getBytes(StandardCharsets.UTF_8)), 400, "not a valid submission");
        assertRefused(() -> api().post("application/json", "{\"text\":\"x\",\"publishedOn\":\"30/11/2022\"}"
                .getBytes(StandardCharsets.UTF_8)), 400, "YYYY-MM-DD");
        assertRefused(() -> api().post("application/json", "{\"text\":\"x\",\"sourceUrl\":\"javascript:alert(1)\"}"
                .getBytes(StandardCharsets.UTF_8)), 400, "http or https");
    }

    @Test
    void wrongMediaTypes() {
        assertRefused(() -> api().post("application/xml", "<communique/>".getBytes(StandardCharsets.UTF_8)), 415,
                "text/plain, application/json or multipart/form-data");
        assertRefused(() -> api().postFile("photo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2}, Map.of()),
                415, "TXT, PDF, DOCX or HTML");
    }

    @Test
    void overTheSizeLimits() {
        byte[] text = new byte[2 * 1024 * 1024 + 1];
        Arrays.fill(text, (byte) 'a');
        assertRefused(() -> api().post("text/plain; charset=UTF-8", text), 413, "tracker.ingestion.max-text-size");

        byte[] wide = new byte[2 * 2 * 1024 * 1024 + 1];
        Arrays.fill(wide, (byte) 'a');
        assertRefused(() -> api().post("text/plain; charset=UTF-8", wide), 413, "twice tracker.ingestion.max-text-size");
        byte[] json = ("{\"text\":\"" + "a".repeat(3 * 2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> api().post("application/json", json), 413, "refused unparsed");

        byte[] file = new byte[20 * 1024 * 1024 + 1024];
        Arrays.fill(file, (byte) 'a');
        assertRefused(() -> api().postFile("huge.txt", "text/plain", file, Map.of()), 413, "tracker.ingestion.max-upload-size");
    }

    @Test
    void bytesThatAreNoSupportedText() {
        byte[] junk = new byte[2048];
        new Random(7).nextBytes(junk);
        assertRefused(() -> api().post("text/plain; charset=UTF-8", junk), 422, "not valid UTF-8");
    }

    @Test
    void unreadablePdfs() {
        assertRefused(() -> api().postFile("scan.pdf", "application/pdf", TestDocuments.scannedPdf(), Map.of()), 422,
                "OCR is not supported");
        assertRefused(() -> api().postFile("secret.pdf", "application/pdf", TestDocuments.encryptedPdf(), Map.of()), 422,
                "password-protected");
        assertRefused(() -> api().postFile("broken.pdf", "application/pdf", "%PDF-1.7 garbage".getBytes(StandardCharsets.US_ASCII),
                Map.of()), 422, "PDF cannot be read");
    }

    @Test
    void corruptAndZipBombDocx() {
        assertRefused(() -> api().postFile("broken.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                TestDocuments.corruptDocx(), Map.of()), 422, "not a readable DOCX");
        assertRefused(() -> api().postFile("bomb.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                TestDocuments.zipBombDocx(), Map.of()), 422, "zip bomb");
    }

    /** Issue 22: 100 MB of document.xml at a modest ratio passed both of POI's guards (ratio, 100 MiB per part). */
    @Test
    void aDocxInflatingBeyondTheLimitsIsRefusedWhateverItsRatio() {
        long inflated = 100_000_000;
        byte[] docx = TestDocuments.inflatingDocx(inflated);
        assertThat(inflated / docx.length).as("inflation ratio").isLessThanOrEqualTo(100);
        assertRefused(() -> api().postFile("inflating.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                docx, Map.of()), 422, "zip bomb");
    }

    @Test
    void aPdfOfMorePagesThanTheCapIsRefused() {
        assertRefused(() -> api().postFile("long.pdf", "application/pdf", TestDocuments.pdfOfPages(501), Map.of()), 413,
                "at most 500 are read");
    }

    /** The reason is the service's own words: PDFBox's and POI's messages (offsets, classes) stay in the log. */
    @Test
    void unreadableFilesAreExplainedInFixedWords() {
        HttpResponse<String> pdf = api().postFile("broken.pdf", "application/pdf", "%PDF-1.7 garbage".getBytes(StandardCharsets.US_ASCII), Map.of());
        assertThat(detailOf(pdf)).isEqualTo("The PDF cannot be read (corrupt, or larger inside than the conversion limits allow).");
        HttpResponse<String> docx = api().postFile("broken.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                TestDocuments.corruptDocx(), Map.of());
        assertThat(detailOf(docx)).isEqualTo("The file is not a readable DOCX (corrupt, or another format).");
    }

    /** Unknown fields are refused while parsing: a misspelt or server-owned field is the client's error. */
    @Test
    void aJsonSubmissionWithAFieldTheApiDoesNotKnowIsRefused() {
        assertRefused(() -> api().post("application/json", "{\"text\":\"联合公报\\n——加强合作。\",\"tittle\":\"typo\"}"
                .getBytes(StandardCharsets.UTF_8)), 400, "not a valid submission");
    }

    /** A body without a length (chunked) is refused once past the limit, before anything parses it. */
    @Test
    void aChunkedBodyBeyondTheLimitIsRefusedBeforeParsing() throws Exception {
        long communiques = mongo.getCollection(Communique.COLLECTION).countDocuments();
        byte[] line = "联合公报 ——加强合作。\n".getBytes(StandardCharsets.UTF_8);
        long size = 21L * 1024 * 1024;
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/communiques"))
                .header("Content-Type", "text/plain; charset=UTF-8").header("Authorization", IngestionClient.PUBLISHER)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.InputStream() {
                    private long sent;

                    @Override
                    public int read() {
                        return sent >= size ? -1 : line[(int) (sent++ % line.length)] & 0xff;
                    }
                })).build();
        // 1 MB past the limit: within what the container drains (max-swallow-size), so the answer arrives intact.
        HttpResponse<String> response = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("larger than the limit");
        assertThat(mongo.getCollection(Communique.COLLECTION).countDocuments()).isEqualTo(communiques);
    }

    private static String detailOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body()).get("detail").asString();
    }

    /** Sends the request and checks the problem answer, and that no communiqué and no chunk was written. */
    private void assertRefused(Supplier<HttpResponse<String>> request, int status, String detail) {
        HttpResponse<String> response = RefusedRequests.assertRefused(mongo, request, status, detail);
        assertThat(response.body()).contains("\"status\":" + status);
    }
}
