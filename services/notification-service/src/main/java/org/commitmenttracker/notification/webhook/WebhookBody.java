package org.commitmenttracker.notification.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON body of a webhook message: {@code {"type", "timestamp", "data"}} as Standard Webhooks recommends,
 * kept under {@value #MAX_BYTES} bytes: a long commitment {@code text} is cut (with {@code textTruncated}
 * set) and, should that not suffice, left out; the ids in {@code data} are never cut.
 */
public final class WebhookBody {
    public static final int MAX_BYTES = 20 * 1024 - 1;
    static final int MAX_TEXT = 2_000;
    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private WebhookBody() {
    }

    public static byte[] of(String type, Instant timestamp, Map<String, Object> data) {
        Map<String, Object> fitted = new LinkedHashMap<>(data);
        if (fitted.get("text") instanceof String text && text.length() > MAX_TEXT) {
            fitted.put("text", text.substring(0, MAX_TEXT));
            fitted.put("textTruncated", true);
        }
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

    private static byte[] serialise(String type, Instant timestamp, Map<String, Object> data) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("timestamp", timestamp.toString());
        message.put("data", data);
        return JSON.writeValueAsBytes(message);
    }
}
