package org.commitmenttracker.notification.subscriptions;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.commitmenttracker.notification.matching.KindFilter;
import org.commitmenttracker.notification.matching.SubscriptionFilter;

/**
 * A subscription as the API shows it. The signing secret appears only in the answer to a creation or a
 * rotation ({@code secret}); the previous secret never.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(String id, String name, Set<String> commitmentIds, Set<String> documentIds,
                               Set<Integer> sections, Set<String> topics, Set<String> parties, Set<String> agencies,
                               Set<String> organisations, Set<String> statuses, List<EventView> events,
                               String keyword, String webhookUrl, boolean enabled, String disabledReason,
                               String secret, Instant previousSecretExpiresAt, Instant createdAt,
                               Instant updatedAt) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record EventView(String kind, Set<Integer> horizons, Set<String> from, Set<String> to) {
    }

    public static SubscriptionView of(Subscription subscription) {
        return of(subscription, null);
    }

    public static SubscriptionView of(Subscription subscription, String shownSecret) {
        SubscriptionFilter filter = subscription.filter();
        Webhook webhook = subscription.webhook();
        return new SubscriptionView(subscription.id(), subscription.name(), filter.commitmentIds(),
                filter.documentIds(), filter.sections(), filter.topics(), filter.parties(), filter.agencies(),
                filter.organisations(), filter.statuses(), filter.events().stream().map(SubscriptionView::view).toList(),
                filter.keyword(), webhook == null ? null : webhook.url(), subscription.enabled(),
                subscription.disabledReason(), shownSecret,
                webhook == null || shownSecret == null ? null : webhook.previousSecretExpiresAt(),
                subscription.createdAt(), subscription.updatedAt());
    }

    /** Without the secret: a view logged (at debug level, say) must not carry it. */
    @Override
    public String toString() {
        return "SubscriptionView[id=" + id + ", name=" + name + ", enabled=" + enabled + (secret == null ? "" : ", secret hidden") + "]";
    }

    private static EventView view(KindFilter kind) {
        return new EventView(kind.kind().wireName(), kind.horizons(), kind.from(), kind.to());
    }
}
