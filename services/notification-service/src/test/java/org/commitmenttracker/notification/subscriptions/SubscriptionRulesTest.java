package org.commitmenttracker.notification.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.commitmenttracker.notification.matching.EventKind;
import org.commitmenttracker.notification.matching.SubscriptionFilter;
import org.commitmenttracker.notification.subscriptions.SubscriptionRequest.EventRequest;
import org.junit.jupiter.api.Test;

class SubscriptionRulesTest {

    @Test
    void aValidRequestBecomesAFilter() {
        SubscriptionFilter filter = SubscriptionRules.filter(request(Set.of("CN"), Set.of("PLEDGED"),
                List.of(new EventRequest("deadline.approaching", Set.of(30, 7), null, null))));
        assertThat(filter.parties()).containsExactly("CN");
        assertThat(filter.events()).singleElement().satisfies(kind -> {
            assertThat(kind.kind()).isEqualTo(EventKind.DEADLINE_APPROACHING);
            assertThat(kind.horizons()).containsExactlyInAnyOrder(7, 30);
        });
    }

    @Test
    void refusalsSayWhatIsWrong() {
        assertThatThrownBy(() -> SubscriptionRules.filter(request(null, Set.of("DONE"), null)))
                .hasMessageContaining("Unknown status 'DONE'");
        assertThatThrownBy(() -> SubscriptionRules.filter(request(Set.of("cn"), null, null)))
                .hasMessageContaining("ISO 3166");
        assertThatThrownBy(() -> SubscriptionRules.filter(request(null, null,
                List.of(new EventRequest("status.changed", null, Set.of("NOPE"), null)))))
                .hasMessageContaining("events.from: Unknown status 'NOPE'");
        assertThatThrownBy(() -> SubscriptionRules.name(" ")).hasMessageContaining("name is required");
    }

    @Test
    void theFingerprintIgnoresOrderButNotOwnerOrUrl() {
        SubscriptionFilter a = SubscriptionRules.filter(request(Set.of("CN", "RU"), Set.of("PLEDGED", "STALLED"), null));
        SubscriptionFilter b = SubscriptionRules.filter(request(Set.of("RU", "CN"), Set.of("STALLED", "PLEDGED"), null));
        assertThat(SubscriptionFingerprint.of("o", a, null, null)).isEqualTo(SubscriptionFingerprint.of("o", b, null, null));
        assertThat(SubscriptionFingerprint.of("o", a, null, null)).isNotEqualTo(SubscriptionFingerprint.of("p", a, null, null));
        assertThat(SubscriptionFingerprint.of("o", a, null, null)).isNotEqualTo(SubscriptionFingerprint.of("o", a, "https://x.org", null));
        Email mail = new Email("a@example.org", "en", Email.State.UNCONFIRMED, "n", null, null);
        assertThat(SubscriptionFingerprint.of("o", a, null, null)).isNotEqualTo(SubscriptionFingerprint.of("o", a, null, mail));
    }

    private static SubscriptionRequest request(Set<String> parties, Set<String> statuses, List<EventRequest> events) {
        return new SubscriptionRequest("n", null, null, null, null, parties, null, null, statuses, events, null, null,
                null, null, null, null, null, null);
    }
}
