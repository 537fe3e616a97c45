package org.commitmenttracker.ingestion.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commitmenttracker.ingestion.IngestionClient;
import org.commitmenttracker.ingestion.TestDocuments;
import org.commitmenttracker.ingestion.communique.Communique;
import org.commitmenttracker.ingestion.text.ConversionSlots;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * With every conversion slot taken (one, held by the test as a conversion in progress would hold it), a PDF, DOCX or
 * HTML upload is answered at once with 503, a problem and {@code Retry-After}, and stores nothing; the same upload
 * succeeds once the slot is free. Uploads that need no conversion (text) are not held back.
 */
@UsesTestStack(database = "ingestion-slots-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.ingestion.conversion.concurrency=1",
        "tracker.ingestion.conversion.queue-wait=0s"})
class ConversionSlotsIT {
    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ConversionSlots slots;

    @Test
    void aFileFindingEveryConversionSlotBusyIsAnsweredWith503AndRetryAfterAndSucceedsLater() {
        IngestionClient api = new IngestionClient(port);
        byte[] pdf = TestDocuments.pdf("Joint Communique", List.of("Joint Communique", "Ref " + UUID.randomUUID()));
        byte[] docx = TestDocuments.docx(null, List.of("Joint communiqué", "Ref " + UUID.randomUUID()));
        byte[] html = ("<h1>Joint communiqué</h1><p>Ref " + UUID.randomUUID() + "</p>").getBytes(StandardCharsets.UTF_8);
        long communiques = mongo.getCollection(Communique.COLLECTION).countDocuments();

        try (ConversionSlots.Slot conversionInProgress = slots.take()) {
            HttpResponse<String> busy = api.postFile("communique.pdf", "application/pdf", pdf, Map.of());

            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
            assertThat(busy.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(busy.body()).contains("\"reason\":\"busy\"").contains("upload it again");
            for (HttpResponse<String> alsoBusy : List.of(
                    api.postFile("communique.docx", "application/octet-stream", docx, Map.of()),
                    api.postFile("communique.html", "text/html", html, Map.of()))) {
                assertThat(alsoBusy.statusCode()).as(alsoBusy.body()).isEqualTo(503);
                assertThat(alsoBusy.body()).contains("\"reason\":\"busy\"");
            }
            assertThat(mongo.getCollection(Communique.COLLECTION).countDocuments()).isEqualTo(communiques);

            assertThat(api.postText("Joint communiqué " + UUID.randomUUID()).statusCode())
                    .as("a text upload needs no conversion slot").isEqualTo(201);
        }

        HttpResponse<String> later = api.postFile("communique.pdf", "application/pdf", pdf, Map.of());
        assertThat(later.statusCode()).as(later.body()).isEqualTo(201);
        assertThat(api.postFile("communique.docx", "application/octet-stream", docx, Map.of()).statusCode()).isEqualTo(201);
        assertThat(api.postFile("communique.html", "text/html", html, Map.of()).statusCode()).isEqualTo(201);
    }
}
