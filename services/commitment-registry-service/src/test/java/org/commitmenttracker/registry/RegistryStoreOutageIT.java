package org.commitmenttracker.registry;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.commitmenttracker.events.CommuniqueWithdrawn;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.testsupport.Http;
import org.commitmenttracker.testsupport.StoreLink;
import org.commitmenttracker.testsupport.TestStack;
import org.commitmenttracker.testsupport.TopicReader;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A communiqué withdrawn while the store is out of reach withdraws its commitments once the store is back: the poll
 * is redelivered until it passes instead of going to the dead-letter topic after the binder's usual retries
 * (4 attempts, 0.5 → 2 s apart), which would leave the valid withdrawal unapplied for good. The service reaches the
 * real store through a {@link StoreLink} the test cuts for longer than those retries; own application instance,
 * database and consumer group.
 */
@UsesTestStack(database = "registry-outage-it")
class RegistryStoreOutageIT {
    private static final String DATABASE = "registry-outage-it";

    @Test
    void aCommuniqueWithdrawnWhileTheStoreIsAwayIsWithdrawnWhenItIsBack() throws Exception {
        try (StoreLink link = new StoreLink(TestStack.get().mongoUri(DATABASE));
             ConfigurableApplicationContext service = start(link)) {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            Http operator = RegistryFixtures.operator(port);
            String documentId = "doc-outage-" + UUID.randomUUID();
            String commitmentId = RegistryFixtures.addCommitment(operator, documentId, null);

            link.cut();
            TopicReader.write(Topics.COMMUNIQUES, documentId, new EventCodec().encode(EventEnvelope.of(UUID.randomUUID(),
                    "/test", new CommuniqueWithdrawn(documentId, "published in error", "operator", Instant.now()),
                    Instant.now(), null)));
            Thread.sleep(15_000); // the outage: longer than a binding's usual retries
            link.restore();

            await().atMost(Duration.ofSeconds(120)).until(() ->
                    operator.get("/api/commitments/" + commitmentId).body().contains("\"status\":\"WITHDRAWN\""));
        }
    }

    private static ConfigurableApplicationContext start(StoreLink link) {
        return new SpringApplicationBuilder(RegistryApplication.class).run(
                "--server.port=0", "--management.server.port=0", "--tracker.deadlines.initial-delay=1h",
                "--spring.mongodb.uri=" + link.mongoUri(DATABASE),
                "--spring.cloud.stream.bindings.registerCommitments-in-0.group=" + DATABASE,
                "--spring.cloud.stream.bindings.withdrawCommuniques-in-0.group=" + DATABASE,
                "--spring.cloud.stream.bindings.applyProgress-in-0.group=" + DATABASE);
    }
}
