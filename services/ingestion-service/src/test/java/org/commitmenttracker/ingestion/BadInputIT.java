package org.commitmenttracker.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.commitmenttracker.ingestion.communique.Communique;
import org.commitmenttracker.ingestion.original.OriginalStore;
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

    /** Sends the request and checks the problem answer, and that no communiqué and no chunk was written. */
    private void assertRefused(Supplier<HttpResponse<String>> request, int status, String detail) {
        long communiques = mongo.getCollection(Communique.COLLECTION).countDocuments();
        long chunks = mongo.getCollection(OriginalStore.COLLECTION).countDocuments();

        HttpResponse<String> response = request.get();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).contains("\"detail\":").contains(detail);
        assertThat(mongo.getCollection(Communique.COLLECTION).countDocuments()).isEqualTo(communiques);
        assertThat(mongo.getCollection(OriginalStore.COLLECTION).countDocuments()).isEqualTo(chunks);
    }
}
