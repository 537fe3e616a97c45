package org.commitmenttracker.registry.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.lineage.LineageChains.End;
import org.commitmenttracker.registry.lineage.LineageChains.Link;
import org.junit.jupiter.api.Test;

/** One pledge renewed at three meetings of a series (2021 → 2022 → 2023), and what its chain says at each. */
class LineageChainsTest {
    private static final LocalDate Y2021 = LocalDate.of(2021, 9, 24);
    private static final LocalDate Y2022 = LocalDate.of(2022, 5, 24);
    private static final LocalDate Y2023 = LocalDate.of(2023, 5, 20);
    private static final List<Link> SERIES = List.of(new Link("p2022", "p2021"), new Link("p2023", "p2022"));

    private static Map<String, End> ends(CommitmentStatus status2021, CommitmentStatus status2022) {
        return Map.of("p2021", new End(Y2021, status2021), "p2022", new End(Y2022, status2022),
                "p2023", new End(Y2023, CommitmentStatus.PLEDGED));
    }

    @Test
    void aPledgeRenewedTwiceWithoutProgressWasFirstPledgedAtTheFirstMeeting() {
        LineageChains chains = new LineageChains(SERIES, ends(CommitmentStatus.STALLED, CommitmentStatus.OVERDUE));

        assertThat(chains.factsOf("p2023", Y2023)).isEqualTo(new LineageFacts(Y2021, 2, true));
        assertThat(chains.factsOf("p2022", Y2022)).isEqualTo(new LineageFacts(Y2021, 1, true));
        assertThat(chains.factsOf("p2021", Y2021)).isEqualTo(LineageFacts.unlinked(Y2021));
    }

    @Test
    void progressOnAnyEarlierLinkMeansTheRenewalIsNotWithoutProgress() {
        for (CommitmentStatus progressed : List.of(CommitmentStatus.IN_PROGRESS, CommitmentStatus.COMPLETED,
                CommitmentStatus.CANCELLED, CommitmentStatus.SUPERSEDED)) {
            LineageChains chains = new LineageChains(SERIES, ends(progressed, CommitmentStatus.PLEDGED));

            assertThat(chains.factsOf("p2023", Y2023)).as(progressed.name()).isEqualTo(new LineageFacts(Y2021, 2, false));
            assertThat(chains.factsOf("p2022", Y2022)).as(progressed.name()).isEqualTo(new LineageFacts(Y2021, 1, false));
        }
    }

    @Test
    void aCommitmentLinkedToOneWhoseChainMadeNoProgressIsRenewedWithoutProgress() {
        // p2022 (stalled) renews p2021: what p2023 linking to p2022 would be told, against what its facts then say.
        for (CommitmentStatus status2021 : CommitmentStatus.values()) {
            for (CommitmentStatus status2022 : CommitmentStatus.values()) {
                if (status2021 == CommitmentStatus.WITHDRAWN || status2022 == CommitmentStatus.WITHDRAWN) {
                    continue; // no part of a chain
                }
                LineageChains chains = new LineageChains(SERIES, ends(status2021, status2022));
                LineageFacts of2022 = chains.factsOf("p2022", Y2022);
                boolean told = LineageChains.madeNoProgress(status2022, of2022.renewals() > 0, of2022.renewedWithoutProgress());

                assertThat(told).as(status2021 + " then " + status2022)
                        .isEqualTo(chains.factsOf("p2023", Y2023).renewedWithoutProgress());
            }
        }
        assertThat(LineageChains.madeNoProgress(CommitmentStatus.OVERDUE, false, false)).as("renews nothing").isTrue();
        assertThat(LineageChains.madeNoProgress(CommitmentStatus.IN_PROGRESS, false, false)).isFalse();
    }

    @Test
    void anEarlierCommitmentReachedTwoWaysIsCountedOnce() {
        List<Link> links = List.of(new Link("p2022", "p2021"), new Link("p2023", "p2022"), new Link("p2023", "p2021"));
        LineageChains chains = new LineageChains(links, ends(CommitmentStatus.PLEDGED, CommitmentStatus.PLEDGED));

        assertThat(chains.factsOf("p2023", Y2023)).isEqualTo(new LineageFacts(Y2021, 2, true));
    }

    @Test
    void aWithdrawnOrUnknownEarlierCommitmentIsNoPartOfTheChain() {
        LineageChains withdrawn = new LineageChains(SERIES, ends(CommitmentStatus.PLEDGED, CommitmentStatus.WITHDRAWN));
        assertThat(withdrawn.factsOf("p2023", Y2023)).isEqualTo(LineageFacts.unlinked(Y2023));
        assertThat(withdrawn.factsOf("p2022", Y2022)).isEqualTo(new LineageFacts(Y2021, 1, true));

        LineageChains unknown = new LineageChains(SERIES, Map.of("p2023", new End(Y2023, CommitmentStatus.PLEDGED)));
        assertThat(unknown.factsOf("p2023", Y2023)).isEqualTo(LineageFacts.unlinked(Y2023));
    }

    @Test
    void anUndatedCommitmentIsFirstPledgedAtItsEarliestDatedLinkAndACycleEnds() {
        List<Link> cycle = List.of(new Link("a", "b"), new Link("b", "a"));
        LineageChains chains = new LineageChains(cycle, Map.of("a", new End(null, CommitmentStatus.PLEDGED),
                "b", new End(Y2022, CommitmentStatus.PLEDGED)));

        assertThat(chains.factsOf("a", null)).isEqualTo(new LineageFacts(Y2022, 1, true));
    }

    @Test
    void aFilterThatCannotMatchIsRefused() {
        assertThatThrownBy(() -> new LineageFilter(-1, null, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minRenewals");
        assertThatThrownBy(() -> new LineageFilter(null, null, Y2021, Y2022)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("firstPledgedAfter");
    }
}
