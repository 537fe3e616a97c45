package org.commitmenttracker.registry.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.commitmenttracker.extraction.engine.lineage.CommitmentLink;
import org.commitmenttracker.extraction.engine.lineage.LineageCommitment;
import org.commitmenttracker.extraction.engine.lineage.Relation;
import org.junit.jupiter.api.Test;

/** Synthetic pledges of two meetings of one series: the later one renews one pledge and repeats another. */
class RegisteredLineageTest {
    static final List<LineageCommitment> FIRST = List.of(
            pledge("meeting-1", 2021, "m1-flood", "The partners will establish a joint working group on coastal flood"
                    + " forecasting and share river gauge data."),
            pledge("meeting-1", 2021, "m1-scholarships", "The partners will fund twenty scholarships for graduate"
                    + " students in marine engineering."));
    static final List<LineageCommitment> SECOND = List.of(
            pledge("meeting-2", 2022, "m2-flood", "The partners will continue the joint working group on coastal flood"
                    + " forecasting and expand the sharing of river gauge data."),
            pledge("meeting-2", 2022, "m2-library", "The partners will open a digital library of agricultural soil"
                    + " surveys."),
            pledge("meeting-2", 2022, "m2-scholarships", "The partners will fund twenty scholarships for graduate"
                    + " students in marine engineering."));

    @Test
    void aLaterCommuniqueLinksToTheEarlierPledgesItCarriesOn() {
        RegisteredLineage lineage = new RegisteredLineage();
        assertThat(lineage.register(FIRST)).isEmpty();

        List<CommitmentLink> links = lineage.register(SECOND);

        assertThat(links).extracting(l -> l.from().id() + ">" + l.to().id() + ":" + l.relation())
                .containsExactlyInAnyOrder("m2-flood>m1-flood:" + Relation.RENEWS,
                        "m2-scholarships>m1-scholarships:" + Relation.REPEATS);
    }

    @Test
    void aRedeliveryGetsTheSameLinksAndAChangedCommuniqueNone() {
        RegisteredLineage lineage = new RegisteredLineage();
        lineage.register(FIRST);
        List<CommitmentLink> links = lineage.register(SECOND);

        assertThat(lineage.linksIfRegistered("meeting-2", SECOND)).contains(links);
        assertThat(lineage.linksIfRegistered("meeting-2", SECOND.subList(0, 2))).isEmpty();
        assertThat(lineage.linksIfRegistered("meeting-3", List.of())).isEmpty();
        assertThatThrownBy(() -> lineage.register(SECOND)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCommuniqueDroppedByARebuildIsLinkedAgainWithItsNewCommitments() {
        RegisteredLineage lineage = new RegisteredLineage();
        lineage.rebuild(List.of(FIRST, SECOND));
        assertThat(lineage.size()).isEqualTo(5);

        lineage.rebuild(List.of(FIRST));
        assertThat(lineage.holds("meeting-2")).isFalse();
        List<CommitmentLink> links = lineage.register(SECOND.subList(1, 3));

        assertThat(links).extracting(l -> l.from().id() + ">" + l.to().id())
                .containsExactly("m2-scholarships>m1-scholarships");
        assertThat(lineage.size()).isEqualTo(4);
    }

    @Test
    void aBatchOfSeveralDocumentsIsRefused() {
        RegisteredLineage lineage = new RegisteredLineage();
        assertThatThrownBy(() -> lineage.register(List.of(FIRST.get(0), SECOND.get(0))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static LineageCommitment pledge(String documentId, int year, String id, String text) {
        return new LineageCommitment(documentId, LocalDate.of(year, 5, 20), "en", List.of("AU", "IN", "JP", "US"),
                List.of(), null, id, text);
    }
}
