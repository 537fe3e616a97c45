package org.commitmenttracker.notification.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MatchIndexTest {
    private static final Occurrence COMPLETED = new Occurrence(EventKind.STATUS_CHANGED, "cmt-1", "doc-1", 2,
            "Hold the Seventh China-Russia Expo.", List.of("CN", "RU"), List.of("trade"), List.of("WTO"),
            List.of("MOFCOM"), "COMPLETED", "IN_PROGRESS", null);

    private final MatchIndex index = new MatchIndex();

    @Test
    void criteriaCombineWithAndValuesWithOr() {
        index.put("everything", SubscriptionFilter.EVERYTHING);
        index.put("doc", filter().documentIds(Set.of("doc-1", "doc-9")).build());
        index.put("doc-and-party", filter().documentIds(Set.of("doc-1")).parties(Set.of("US")).build());
        index.put("parties", filter().parties(Set.of("RU", "KZ")).build());
        index.put("status", filter().statuses(Set.of("COMPLETED")).build());
        index.put("other-status", filter().statuses(Set.of("STALLED")).build());
        index.put("keyword", filter().keyword("EXPO").build());
        index.put("other-keyword", filter().keyword("railway").build());
        index.put("section", filter().sections(Set.of(2)).build());
        index.put("agency", filter().agencies(Set.of("MOFCOM")).organisations(Set.of("WTO")).build());

        assertThat(index.match(COMPLETED)).containsExactlyInAnyOrder("everything", "doc", "parties", "status",
                "keyword", "section", "agency");
    }

    @Test
    void eventKindsWithHorizonsAndTransitions() {
        index.put("completed", filter().events(List.of(new KindFilter(EventKind.STATUS_CHANGED, null, null, Set.of("COMPLETED")))).build());
        index.put("from-pledged", filter().events(List.of(new KindFilter(EventKind.STATUS_CHANGED, null, Set.of("PLEDGED"), null))).build());
        index.put("week", filter().events(List.of(new KindFilter(EventKind.DEADLINE_APPROACHING, Set.of(7), null, null))).build());
        index.put("missed-or-changed", filter().events(List.of(new KindFilter(EventKind.DEADLINE_MISSED, null, null, null),
                new KindFilter(EventKind.STATUS_CHANGED, null, null, null))).build());

        assertThat(index.match(COMPLETED)).containsExactlyInAnyOrder("completed", "missed-or-changed");
        assertThat(index.match(deadline(EventKind.DEADLINE_APPROACHING, 7))).containsExactly("week");
        assertThat(index.match(deadline(EventKind.DEADLINE_APPROACHING, 30))).isEmpty();
        assertThat(index.match(deadline(EventKind.DEADLINE_MISSED, null))).containsExactly("missed-or-changed");
    }

    @Test
    void aSubscriptionFiledUnderSeveralValuesMatchesOnce() {
        index.put("both", filter().parties(Set.of("CN", "RU")).build());
        assertThat(index.match(COMPLETED)).containsExactly("both");
    }

    @Test
    void replacingAndRemovingRefileTheSubscription() {
        index.put("s", filter().documentIds(Set.of("doc-1")).build());
        index.put("s", filter().documentIds(Set.of("doc-2")).build());
        assertThat(index.match(COMPLETED)).isEmpty();
        index.put("s", filter().commitmentIds(Set.of("cmt-1")).build());
        assertThat(index.match(COMPLETED)).containsExactly("s");
        index.remove("s");
        assertThat(index.match(COMPLETED)).isEmpty();
        assertThat(index.size()).isZero();
    }

    private static Occurrence deadline(EventKind kind, Integer days) {
        return new Occurrence(kind, "cmt-1", "doc-1", 2, "", List.of(), List.of(), List.of(), List.of(), "PLEDGED", null, days);
    }

    static FilterBuilder filter() {
        return new FilterBuilder();
    }

    /** Test shorthand for filters with a few criteria. */
    static final class FilterBuilder {
        private Set<String> commitmentIds, documentIds, topics, parties, agencies, organisations, statuses;
        private Set<Integer> sections;
        private List<KindFilter> events;
        private String keyword;

        FilterBuilder commitmentIds(Set<String> v) { commitmentIds = v; return this; }
        FilterBuilder documentIds(Set<String> v) { documentIds = v; return this; }
        FilterBuilder topics(Set<String> v) { topics = v; return this; }
        FilterBuilder parties(Set<String> v) { parties = v; return this; }
        FilterBuilder agencies(Set<String> v) { agencies = v; return this; }
        FilterBuilder organisations(Set<String> v) { organisations = v; return this; }
        FilterBuilder statuses(Set<String> v) { statuses = v; return this; }
        FilterBuilder sections(Set<Integer> v) { sections = v; return this; }
        FilterBuilder events(List<KindFilter> v) { events = v; return this; }
        FilterBuilder keyword(String v) { keyword = v; return this; }

        SubscriptionFilter build() {
            return new SubscriptionFilter(commitmentIds, documentIds, sections, topics, parties, agencies, organisations,
                    statuses, events, keyword);
        }
    }
}
