package org.commitmenttracker.notification.matching;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a subscription wants to hear about. Every criterion is optional (empty = any) and criteria combine
 * with AND; within one criterion any listed value matches (OR). {@code statuses} is the commitment's status
 * after the event; {@code keyword} is a case-insensitive substring of the commitment text. Without {@code events},
 * every kind matches except those {@linkplain EventKind#askedOnly() asked only}.
 */
public record SubscriptionFilter(Set<String> commitmentIds, Set<String> documentIds, Set<Integer> sections,
                                 Set<String> topics, Set<String> parties, Set<String> agencies,
                                 Set<String> organisations, Set<String> statuses, List<KindFilter> events,
                                 String keyword) {

    public static final SubscriptionFilter EVERYTHING = new SubscriptionFilter(null, null, null, null, null, null,
            null, null, null, null);

    public SubscriptionFilter {
        commitmentIds = copy(commitmentIds);
        documentIds = copy(documentIds);
        sections = copy(sections);
        topics = copy(topics);
        parties = copy(parties);
        agencies = copy(agencies);
        organisations = copy(organisations);
        statuses = copy(statuses);
        events = events == null ? List.of() : List.copyOf(events);
        keyword = keyword == null || keyword.isBlank() ? null : keyword.strip().toLowerCase(Locale.ROOT);
    }

    public boolean matches(Occurrence occurrence) {
        return accepts(commitmentIds, occurrence.commitmentId())
                && accepts(documentIds, occurrence.documentId())
                && accepts(sections, occurrence.section())
                && overlaps(topics, occurrence.topics())
                && overlaps(parties, occurrence.parties())
                && overlaps(agencies, occurrence.agencies())
                && overlaps(organisations, occurrence.organisations())
                && accepts(statuses, occurrence.status())
                && (events.isEmpty() ? !occurrence.kind().askedOnly() : events.stream().anyMatch(kind -> kind.matches(occurrence)))
                && (keyword == null || occurrence.text().toLowerCase(Locale.ROOT).contains(keyword));
    }

    private static <T> boolean accepts(Set<T> wanted, T value) {
        return wanted.isEmpty() || value != null && wanted.contains(value);
    }

    private static boolean overlaps(Set<String> wanted, Collection<String> values) {
        if (wanted.isEmpty()) {
            return true;
        }
        for (String value : values) {
            if (wanted.contains(value)) {
                return true;
            }
        }
        return false;
    }

    private static <T> Set<T> copy(Set<T> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
