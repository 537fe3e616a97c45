package org.commitmenttracker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.registry.RegistryFixtures.addAgency;
import static org.commitmenttracker.registry.RegistryFixtures.addCommitment;
import static org.commitmenttracker.registry.RegistryFixtures.assign;
import static org.commitmenttracker.registry.RegistryFixtures.json;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.commitmenttracker.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bounded input on the progress endpoint (issue 22): a body over tracker.web.max-request-body (1 MB) is refused
 * before it is read, and a JSON body naming a field the report does not have is refused while parsing (it used to be
 * skipped, however deep); none of them changes the commitment. Jackson's constraints: JsonReadLimitsTest.
 */
@RegistryIT
class BoundedInputIT {
    @LocalServerPort
    int port;

    @Test
    void oversizedDeepLongOrUnknownProgressBodiesAreRefusedAndChangeNothing() {
        Http operator = RegistryFixtures.operator(port);
        addAgency(operator, "mofcom");
        String id = addCommitment(operator, "doc-bounded", null);
        assign(operator, id, "mofcom");
        long version = json(operator.get("/api/commitments/" + id)).get("version").asLong();
        String valid = RegistryFixtures.report("e-bounded", "mofcom", "IN_PROGRESS", 10, Instant.now().minusSeconds(60));
        String fields = valid.substring(0, valid.lastIndexOf('}'));

        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("2 MB of note", fields + ",\"padding\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        hostile.put("an unknown field nested 40 deep", fields + ",\"notes\":" + "[".repeat(40) + "]".repeat(40) + "}");
        hostile.put("a server-owned field", fields + ",\"version\":99}");
        Http agency = RegistryFixtures.agency(port, "mofcom");
        for (Map.Entry<String, String> body : hostile.entrySet()) {
            HttpResponse<String> answer = agency.post("/api/commitments/" + id + "/progress", body.getValue());
            assertThat(answer.statusCode()).as(body.getKey() + ": " + answer.body())
                    .isEqualTo(body.getKey().startsWith("2 MB") ? 413 : 400);
            assertThat(answer.headers().firstValue("Content-Type")).as(body.getKey())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(json(operator.get("/api/commitments/" + id)).get("version").asLong()).isEqualTo(version);

        assertThat(agency.post("/api/commitments/" + id + "/progress", valid).statusCode()).isEqualTo(200);
    }
}
