package org.commitmenttracker.notification.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON body of a webhook message: {@code {"type", "timestamp", "data"}} as Standard Webhooks recommends,
 * kept under {@value #MAX_BYTES} bytes: a long commitment {@code text} is cut (with {@code textTruncated}
 * set) and, should that not suffice, left out; the ids in {@code data} are never cut. A group of alerts
 * ({@value #GROUPED}) lists each alert's data under {@code alerts} and all their event ids under
 * {@code eventIds}; a group too large for one body is split into several, each a whole message.
 */
public final class WebhookBody {
    public static final int MAX_BYTES = 20 * 1024 - 1;
    public static final String GROUPED = "alerts.grouped";
    static final int MAX_TEXT = 2_000;
    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private WebhookBody() {
    }

    public static byte[] of(String type, Instant timestamp, Map<String, Object> data) {
        Map<String, Object> fitted = cutText(data);
        byte[] body = serialise(type, timestamp, fitted);
        if (body.length > MAX_BYTES && fitted.remove("text") != null) {
            fitted.put("textTruncated", true);
            body = serialise(type, timestamp, fitted);
        }
        if (body.length > MAX_BYTES) {
            throw new IllegalArgumentException("A " + type + " webhook body is " + body.length + " bytes even without text");
        }
        return body;
    }

    /**
     * The bodies of a group of alerts (each alert's data, with its {@code type}), in order: as many alerts per body
     * as fit, their texts cut as in single messages, left out only for an alert that would not fit alone.
     */
    public static List<Grouped> grouped(Instant timestamp, String subscriptionId, List<Map<String, Object>> alerts) {
        List<Grouped> bodies = new ArrayList<>();
        List<Map<String, Object>> chunk = new ArrayList<>();
        byte[] fitting = null;
        for (Map<String, Object> alert : alerts) {
            Map<String, Object> fitted = cutText(alert);
            chunk.add(fitted);
            byte[] body = serialise(GROUPED, timestamp, groupData(subscriptionId, chunk));
            if (body.length > MAX_BYTES && chunk.size() > 1) {
                chunk.remove(chunk.size() - 1);
                bodies.add(new Grouped(fitting, eventIds(chunk)));
                chunk = new ArrayList<>(List.of(fitted));
                body = serialise(GROUPED, timestamp, groupData(subscriptionId, chunk));
            }
            if (body.length > MAX_BYTES && fitted.remove("text") != null) {
                fitted.put("textTruncated", true);
                body = serialise(GROUPED, timestamp, groupData(subscriptionId, chunk));
            }
            if (body.length > MAX_BYTES) {
                throw new IllegalArgumentException("A grouped webhook body is " + body.length + " bytes for one alert without text");
            }
            fitting = body;
        }
        if (!chunk.isEmpty()) {
            bodies.add(new Grouped(fitting, eventIds(chunk)));
        }
        return bodies;
    }

    /** One body of a group and the event ids it lists (the delivery's id is derived from them). */
    public record Grouped(byte[] body, List<String> eventIds) {
    }

    private static List<String> eventIds(List<Map<String, Object>> alerts) {
        List<String> eventIds = new ArrayList<>();
        alerts.forEach(alert -> ((List<?>) alert.getOrDefault("eventIds", List.of())).forEach(id -> eventIds.add(String.valueOf(id))));
        return eventIds;
    }

    private static Map<String, Object> groupData(String subscriptionId, List<Map<String, Object>> alerts) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subscriptionId", subscriptionId);
        data.put("eventIds", eventIds(alerts));
        data.put("alerts", alerts);
        return data;
    }

    private static Map<String, Object> cutText(Map<String, Object> data) {
        Map<String, Object> fitted = new LinkedHashMap<>(data);
        if (fitted.get("text") instanceof String text && text.length() > MAX_TEXT) {
            fitted.put("text", text.substring(0, MAX_TEXT));
            fitted.put("textTruncated", true);
        }
        return fitted;
    }

    private static byte[] serialise(String type, Instant timestamp, Map<String, Object> data) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("timestamp", timestamp.toString());
        message.put("data", data);
        return JSON.writeValueAsBytes(message);
    }
}
