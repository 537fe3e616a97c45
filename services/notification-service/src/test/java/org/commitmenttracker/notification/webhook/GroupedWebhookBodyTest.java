package org.commitmenttracker.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GroupedWebhookBodyTest {
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aGroupListsEveryAlertAndAllTheirEventIdsInOneBody() {
        List<WebhookBody.Grouped> bodies = WebhookBody.grouped(Instant.EPOCH, "sub-1", List.of(alert(1, 100), alert(2, 100)));
        assertThat(bodies).hasSize(1);
        JsonNode body = json.readTree(bodies.get(0).body());
        assertThat(body.get("type").asString()).isEqualTo("alerts.grouped");
        assertThat(body.get("data").get("eventIds").toString()).isEqualTo("[\"e-1\",\"e-2\"]");
        assertThat(body.get("data").get("alerts")).hasSize(2);
        assertThat(bodies.get(0).eventIds()).containsExactly("e-1", "e-2");
    }

    @Test
    void aGroupTooLargeForOneBodyIsSplitIntoBodiesUnder20kBLosingNoAlert() {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            alerts.add(alert(i, 5_000)); // texts cut to 2,000 characters: about 10 alerts per body
        }
        List<WebhookBody.Grouped> bodies = WebhookBody.grouped(Instant.EPOCH, "sub-1", alerts);
        assertThat(bodies.size()).isBetween(3, 8);
        List<String> all = new ArrayList<>();
        for (WebhookBody.Grouped body : bodies) {
            assertThat(body.body().length).isLessThanOrEqualTo(WebhookBody.MAX_BYTES);
            JsonNode parsed = json.readTree(body.body());
            assertThat(parsed.get("data").get("alerts")).hasSize(body.eventIds().size());
            all.addAll(body.eventIds());
        }
        assertThat(all).hasSize(40).doesNotHaveDuplicates();
    }

    private static Map<String, Object> alert(int n, int textLength) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("type", "deadline.missed");
        alert.put("eventIds", List.of("e-" + n));
        alert.put("commitmentId", "cmt-" + n);
        alert.put("text", "x".repeat(textLength));
        return alert;
    }
}
