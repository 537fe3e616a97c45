package org.commitmenttracker.notification.subscriptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * The body of {@code POST} (a new subscription) and {@code PATCH} (only the fields given change; an empty
 * list clears a criterion, an empty {@code webhookUrl} or {@code keyword} removes it). Values stay strings
 * here so that a wrong one gets a clear problem instead of a deserialisation error; fields the API does not
 * know are collected in {@code unknown} and refused (a misspelt filter must not widen a subscription).
 * Channels and pacing: {@code email} (+ {@code language}, {@code en} or {@code zh}), {@code groupWindow}
 * ({@code 30s}, {@code 0}…), {@code digest} ({@code {}} removes it in a PATCH), {@code repeatEvery}.
 */
public record SubscriptionRequest(String name, Set<String> commitmentIds, Set<String> documentIds,
                                  Set<Integer> sections, Set<String> topics, Set<String> parties,
                                  Set<String> agencies, Set<String> organisations, Set<String> statuses,
                                  List<EventRequest> events, String keyword, String webhookUrl, String email,
                                  String language, String groupWindow, DigestRequest digest, String repeatEvery,
                                  Boolean enabled, @JsonAnySetter Map<String, Object> unknown) {

    public SubscriptionRequest {
        unknown = unknown == null ? new LinkedHashMap<>() : unknown;
    }

    /** One wanted event kind, e.g. {@code {"kind":"deadline.approaching","horizons":[30,7]}}. */
    public record EventRequest(String kind, Set<Integer> horizons, Set<String> from, Set<String> to,
                               @JsonAnySetter Map<String, Object> unknown) {
        public EventRequest {
            unknown = unknown == null ? new LinkedHashMap<>() : unknown;
        }
    }

    /** A digest: {@code {"frequency":"weekly","at":"08:00","zone":"Asia/Shanghai","day":"monday"}}. */
    public record DigestRequest(String frequency, String at, String zone, String day,
                                @JsonAnySetter Map<String, Object> unknown) {
        public DigestRequest {
            unknown = unknown == null ? new LinkedHashMap<>() : unknown;
        }

        boolean empty() {
            return frequency == null && at == null && zone == null && day == null && unknown.isEmpty();
        }
    }
}
