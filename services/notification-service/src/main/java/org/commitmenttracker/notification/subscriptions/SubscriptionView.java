package org.commitmenttracker.notification.subscriptions;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.commitmenttracker.notification.matching.KindFilter;
import org.commitmenttracker.notification.matching.SubscriptionFilter;
import org.commitmenttracker.notification.noise.Digest;
import org.commitmenttracker.notification.noise.Pacing;
import org.commitmenttracker.notification.noise.Silence;

/**
 * A subscription as the API shows it. The signing secret appears only in the answer to a creation or a
 * rotation ({@code secret}); the previous secret never. Durations are ISO-8601 ({@code PT30S}); {@code emailStatus}
 * is {@code unconfirmed}, {@code confirmed}, {@code unsubscribed} or {@code bounced}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(String id, String name, Set<String> commitmentIds, Set<String> documentIds,
                               Set<Integer> sections, Set<String> topics, Set<String> parties, Set<String> agencies,
                               Set<String> organisations, Set<String> statuses, List<EventView> events,
                               String keyword, String webhookUrl, String email, String emailStatus, String language,
                               String groupWindow, DigestView digest, String repeatEvery,
                               boolean enabled, String disabledReason,
                               String secret, Instant previousSecretExpiresAt, Instant createdAt,
                               Instant updatedAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DigestView(String frequency, String at, String zone, String day) {
        static DigestView of(Digest digest) {
            return digest == null ? null : new DigestView(lower(digest.frequency()), digest.at().toString(), digest.zone().getId(),
                    digest.day() == null ? null : lower(digest.day()));
        }
    }

    /** A silence ({@code GET …/silences}); {@code events} are the kinds it mutes (none: every kind). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SilenceView(String id, Instant until, Set<String> commitmentIds, Set<String> documentIds,
                              List<String> events, String comment, Instant createdAt) {
        public static SilenceView of(Silence silence) {
            return new SilenceView(silence.id(), silence.until(), silence.commitmentIds(), silence.documentIds(),
                    silence.kinds().stream().map(kind -> kind.wireName()).sorted().toList(), silence.comment(), silence.createdAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record EventView(String kind, Set<Integer> horizons, Set<String> from, Set<String> to) {
    }

    public static SubscriptionView of(Subscription subscription) {
        return of(subscription, null);
    }

    public static SubscriptionView of(Subscription subscription, String shownSecret) {
        SubscriptionFilter filter = subscription.filter();
        Webhook webhook = subscription.webhook();
        Email email = subscription.email();
        Pacing pacing = subscription.pacing();
        return new SubscriptionView(subscription.id(), subscription.name(), filter.commitmentIds(),
                filter.documentIds(), filter.sections(), filter.topics(), filter.parties(), filter.agencies(),
                filter.organisations(), filter.statuses(), filter.events().stream().map(SubscriptionView::view).toList(),
                filter.keyword(), webhook == null ? null : webhook.url(), email == null ? null : email.address(),
                email == null ? null : lower(email.state()), email == null ? null : email.language(),
                pacing.groupWindow().toString(), DigestView.of(pacing.digest()),
                pacing.repeatEvery() == null ? null : pacing.repeatEvery().toString(), subscription.enabled(),
                subscription.disabledReason(), shownSecret,
                webhook == null || shownSecret == null ? null : webhook.previousSecretExpiresAt(),
                subscription.createdAt(), subscription.updatedAt());
    }

    /** Without the secret: a view logged (at debug level, say) must not carry it. */
    @Override
    public String toString() {
        return "SubscriptionView[id=" + id + ", name=" + name + ", enabled=" + enabled + (secret == null ? "" : ", secret hidden") + "]";
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static EventView view(KindFilter kind) {
        return new EventView(kind.kind().wireName(), kind.horizons(), kind.from(), kind.to());
    }
}
