package org.commitmenttracker.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commitmenttracker.events.CommuniqueWithdrawn;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.EventIds;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.testsupport.TestTokens;
import org.commitmenttracker.testsupport.TopicReader;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Withdrawal keeps the communiqué, marks it, and announces it exactly once however often it is asked. */
@UsesTestStack(database = "ingestion-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WithdrawalIT {
    private final JsonMapper json = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();

    @LocalServerPort
    int port;

    @Test
    void withdrawingTwiceGivesTheSameAnswerAndOneEvent() {
        IngestionClient api = new IngestionClient(port);
        String id = IngestionClient.idOf(api.postText("Communiqué uploaded by mistake " + UUID.randomUUID()));

        // The actor is the token's subject; a request parameter cannot claim to be someone else.
        IngestionClient analyst = new IngestionClient(port, TestTokens.bearer("analyst-7", List.of("operator", "reader"), null));
        var first = analyst.delete("/api/communiques/" + id + "?reason=wrong%20file&actor=someone-else");
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode withdrawn = json.readTree(first.body());
        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.at("/withdrawal/reason").asString()).isEqualTo("wrong file");
        assertThat(withdrawn.at("/withdrawal/actor").asString()).isEqualTo("analyst-7");

        var second = analyst.delete("/api/communiques/" + id + "?reason=again");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json.readTree(second.body())).isEqualTo(withdrawn);

        // Still stored and readable, text included.
        JsonNode read = json.readTree(api.get("/api/communiques/" + id).body());
        assertThat(read.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(read.get("text").asString()).startsWith("Communiqué uploaded by mistake");

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(Topics.COMMUNIQUES,
                rs -> rs.stream().filter(r -> id.equals(r.key())).count() >= 2, Duration.ofSeconds(30), Duration.ofSeconds(3))
                .stream().filter(r -> id.equals(r.key())).toList();
        List<String> types = records.stream().map(r -> codec.decode(r.value()).type()).toList();
        assertThat(types).containsExactly("communique.received.v1", "communique.withdrawn.v1");
        EventEnvelope<CommuniqueWithdrawn> event = codec.decode(records.get(1).value(), CommuniqueWithdrawn.class);
        assertThat(event.id()).isEqualTo(EventIds.of("communique.withdrawn", id));
        assertThat(event.data().reason()).isEqualTo("wrong file");
        assertThat(event.data().actor()).isEqualTo("analyst-7");
    }

    @Test
    void withdrawingAnUnknownCommuniqueIsNotFound() {
        var response = new IngestionClient(port).delete("/api/communiques/doc-ffffffffffffffffffffffff");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
}
