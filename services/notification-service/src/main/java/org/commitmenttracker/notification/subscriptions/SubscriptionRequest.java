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
 */
public record SubscriptionRequest(String name, Set<String> commitmentIds, Set<String> documentIds,
                                  Set<Integer> sections, Set<String> topics, Set<String> parties,
                                  Set<String> agencies, Set<String> organisations, Set<String> statuses,
                                  List<EventRequest> events, String keyword, String webhookUrl, Boolean enabled,
                                  @JsonAnySetter Map<String, Object> unknown) {

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
}
