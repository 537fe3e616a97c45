package org.commitmenttracker.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commitmenttracker.events.CommuniqueReceived;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.ingestion.communique.Communique;
import org.commitmenttracker.testsupport.TopicReader;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A repost of a stored communiqué (another header line, page markers gone, re-wrapped) is recognised as that
 * communiqué: the answer names it, nothing is stored or announced twice, and the original keeps its id. An explicit
 * version is stored and announced as a version of it.
 */
@UsesTestStack(database = "ingestion-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NearDuplicateIT {
    private final JsonMapper json = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aRepostIsTheStoredCommuniqueAndAnExplicitVersionIsStoredAsAVersion() {
        IngestionClient api = new IngestionClient(port);
        String seed = TestDocuments.seed();
        var original = api.postText(seed);
        assertThat(original.statusCode()).as("stored now or by an earlier test of this JVM").isIn(200, 201);
        String id = json.readTree(original.body()).get("id").asString();
        long stored = mongo.getCollection(Communique.COLLECTION).countDocuments();

        String repost = "新华网 2022-12-06 来源：新华社\n" + seed.replaceAll("(?m)^— \\d+ —$", "").replace("\n\n", "\n");
        var again = api.postText(repost);
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode answer = json.readTree(again.body());
        assertThat(answer.get("id").asString()).isEqualTo(id);
        assertThat(answer.get("duplicateOf").asString()).isEqualTo(id);
        assertThat(answer.get("similarity").asDouble()).isBetween(0.85, 1.0);
        assertThat(mongo.getCollection(Communique.COLLECTION).countDocuments()).as("nothing stored twice").isEqualTo(stored);

        var version = api.postTextAsVersionOf(repost, id);
        assertThat(version.statusCode()).isEqualTo(201);
        String versionId = IngestionClient.idOf(version);
        assertThat(versionId).isNotEqualTo(id);
        assertThat(json.readTree(api.get("/api/communiques/" + versionId).body()).get("versionOf").asString()).isEqualTo(id);

        List<ConsumerRecord<String, byte[]>> announced = TopicReader.readUntil(Topics.COMMUNIQUES,
                        records -> records.stream().anyMatch(r -> versionId.equals(r.key())), Duration.ofSeconds(30),
                        Duration.ofSeconds(2))
                .stream().filter(r -> id.equals(r.key()) || versionId.equals(r.key())).toList();
        assertThat(announced).extracting(ConsumerRecord::key).as("announced once each").containsOnlyOnce(id, versionId);
        CommuniqueReceived versionEvent = announced.stream().filter(r -> versionId.equals(r.key()))
                .map(r -> codec.decode(r.value(), CommuniqueReceived.class).data()).findFirst().orElseThrow();
        assertThat(versionEvent.versionOf()).isEqualTo(id);

        var unknown = api.postTextAsVersionOf(repost + "\n更正", "doc-ffffffffffffffffffffffff");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
}
