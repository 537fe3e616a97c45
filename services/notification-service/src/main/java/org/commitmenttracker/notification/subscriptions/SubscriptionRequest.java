package org.commitmenttracker.notification.subscriptions;

import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST} (a new subscription) and {@code PATCH} (only the fields given change; an empty
 * list clears a criterion, an empty {@code webhookUrl} or {@code keyword} removes it). Values stay strings
 * here so that a wrong one gets a clear problem instead of a deserialisation error; a field the API does not
 * know is refused while parsing, at its place in the body (a misspelt filter must not widen a subscription).
 * Channels and pacing: {@code email} (+ {@code language}, {@code en} or {@code zh}), {@code groupWindow}
 * ({@code 30s}, {@code 0}…), {@code digest} ({@code {}} removes it in a PATCH), {@code repeatEvery}.
 */
public record SubscriptionRequest(String name, Set<String> commitmentIds, Set<String> documentIds,
                                  Set<Integer> sections, Set<String> topics, Set<String> parties,
                                  Set<String> agencies, Set<String> organisations, Set<String> statuses,
                                  List<EventRequest> events, String keyword, String webhookUrl, String email,
                                  String language, String groupWindow, DigestRequest digest, String repeatEvery,
                                  Boolean enabled) {

    /** One wanted event kind, e.g. {@code {"kind":"deadline.approaching","horizons":[30,7]}}. */
    public record EventRequest(String kind, Set<Integer> horizons, Set<String> from, Set<String> to) {
    }

    /** A digest: {@code {"frequency":"weekly","at":"08:00","zone":"Asia/Shanghai","day":"monday"}}. */
    public record DigestRequest(String frequency, String at, String zone, String day) {

        boolean empty() {
            return frequency == null && at == null && zone == null && day == null;
        }
    }
}
