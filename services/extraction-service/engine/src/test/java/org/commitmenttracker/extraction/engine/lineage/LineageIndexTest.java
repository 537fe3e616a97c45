package org.commitmenttracker.extraction.engine.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.commitmenttracker.extraction.engine.Commitment;
import org.junit.jupiter.api.Test;

/** Linking constructed commitments (the wording is this test's own). */
class LineageIndexTest {
    private static final List<String> NORTH_SOUTH = List.of("NO", "ZA");
    private static final String GRID = "We will build a joint electricity grid connecting the northern and southern provinces.";
    private static final String GRID_AGAIN = "We will build a joint electricity grid connecting the northern and southern provinces by 2031.";
    private static final String GRID_DONE = "The joint electricity grid connecting the northern and southern provinces has been completed.";
    private static final String GRID_UNDERWAY = "The joint electricity grid connecting the northern and southern provinces has been half built, and we will continue building it.";
    private static final String GRID_CONTINUED = "We will continue extending the joint electricity grid to the coastal provinces.";
    private static final String FISH = "We will protect fish stocks in our shared coastal waters from illegal trawling.";
    private static final String PATROLS = "Joint naval patrols will stop illegal trawling along the coast.";
    private static final String FISH_SURVEY = "Fish stocks at sea will be counted every spring by a new survey institute.";
    private static final String RAILWAY = "We will open a freight railway between the two capitals.";
    private static final String FIRST_TRAINS = "Freight trains will run between the capitals by 2022.";
    private static final String SCHOLARSHIPS = "Each year we will award two hundred scholarships for students of marine biology.";

    private final LineageIndex index = new LineageIndex();

    @Test
    void linksALaterCommitmentToTheEarlierOneItCarriesAndNotToUnrelatedOnes() {
        index.register(List.of(commitment("2019", 2019, NORTH_SOUTH, GRID, "a"), commitment("2019", 2019, NORTH_SOUTH, SCHOLARSHIPS, "b")));

        List<CommitmentLink> links = index.register(List.of(commitment("2020", 2020, NORTH_SOUTH, GRID_CONTINUED, "c")));

        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.from().id()).isEqualTo("c");
            assertThat(link.to().id()).isEqualTo("a");
            assertThat(link.relation()).isEqualTo(Relation.RENEWS);
            assertThat(link.similarity()).isBetween(LineageSettings.STANDARD.threshold(), 1.0);
        });
    }

    /** A cosine rounds: a text met again must still read as at most 1 (the registry's event refuses more). */
    @Test
    void similarityOfTheSeedsCommitmentsMetAgainWordForWordIsAtMostOne() {
        List<org.commitmenttracker.extraction.engine.Commitment> seed = new org.commitmenttracker.extraction.engine.CommuniqueAnalyzer()
                .analyze(org.commitmenttracker.extraction.engine.SourceDocument.of("seed", org.commitmenttracker.extraction.engine.Corpus.seedText()))
                .commitments();
        List<Double> similarities = new java.util.ArrayList<>();
        for (org.commitmenttracker.extraction.engine.Commitment c : seed) {
            LineageIndex fresh = new LineageIndex();
            fresh.add(List.of(new LineageCommitment("2021", LocalDate.of(2021, 1, 1), "zh", List.of("CN", "RU"), List.of(),
                    c.kind(), "a", c.text())));
            fresh.link(List.of(new LineageCommitment("2022", LocalDate.of(2022, 1, 1), "zh", List.of("CN", "RU"), List.of(),
                    c.kind(), "b", c.text()))).forEach(link -> similarities.add(link.similarity()));
        }

        assertThat(similarities).hasSizeGreaterThan(seed.size() / 2).allSatisfy(similarity -> assertThat(similarity).isLessThanOrEqualTo(1.0));
    }

    @Test
    void relationIsRepeatsForARestatementFulfilsForAReportedResultAndRenewsForANewDateOrDeliveryStillGoingOn() {
        index.add(List.of(commitment("2019", 2019, NORTH_SOUTH, GRID, "a")));

        assertThat(index.link(List.of(commitment("2020", 2020, NORTH_SOUTH, GRID, "same"))))
                .extracting(CommitmentLink::relation).containsExactly(Relation.REPEATS);
        assertThat(index.link(List.of(commitment("2020", 2020, NORTH_SOUTH, GRID_DONE, "done"))))
                .extracting(CommitmentLink::relation).containsExactly(Relation.FULFILS);
        assertThat(index.link(List.of(commitment("2020", 2020, NORTH_SOUTH, GRID_AGAIN, "dated"))))
                .extracting(CommitmentLink::relation).containsExactly(Relation.RENEWS);
        assertThat(index.link(List.of(commitment("2020", 2020, NORTH_SOUTH, GRID_UNDERWAY, "underway"))))
                .extracting(CommitmentLink::relation).containsExactly(Relation.RENEWS);
    }

    @Test
    void candidatesComeOnlyFromCommuniquesSharingAPartyOrAnOrganisation() {
        List<LineageCommitment> candidates = List.of(commitment("other-parties", 2019, List.of("FR", "DE"), GRID, "disjoint"),
                commitment("one-shared", 2019, List.of("NO", "BR"), GRID, "shared"),
                new LineageCommitment("same-body", LocalDate.of(2019, 1, 1), "en", List.of(), List.of("EAS"),
                        Commitment.Kind.NARRATIVE, "organisation", GRID),
                new LineageCommitment("nobody-named", LocalDate.of(2019, 1, 1), "en", List.of(), List.of(),
                        Commitment.Kind.NARRATIVE, "unnamed", GRID));

        LineageIndex index = new LineageIndex(LineageTokens.standard(), new LineageSettings(0.3, 0.3, 0, 0.6, 10, 0.7));
        index.add(candidates);

        List<CommitmentLink> links = index.link(List.of(new LineageCommitment("later", LocalDate.of(2020, 1, 1), "en",
                NORTH_SOUTH, List.of("EAS"), Commitment.Kind.NARRATIVE, "q", GRID)));

        assertThat(links).extracting(l -> l.to().id()).containsExactlyInAnyOrder("shared", "organisation", "unnamed");
    }

    @Test
    void neverLinksWithinACommuniqueOrToALaterDatedOne() {
        index.add(List.of(commitment("2021", 2021, NORTH_SOUTH, GRID, "later-dated"), commitment("2020", 2020, NORTH_SOUTH, GRID, "own")));

        assertThat(index.link(List.of(commitment("2020", 2020, NORTH_SOUTH, GRID, "q")))).isEmpty();
    }

    @Test
    void chainsThroughTheMostRecentCommuniqueThatCarriesTheUndertaking() {
        index.register(List.of(commitment("2019", 2019, NORTH_SOUTH, GRID, "grid-2019"),
                commitment("2019", 2019, NORTH_SOUTH, SCHOLARSHIPS, "scholarships-2019")));
        index.register(List.of(commitment("2020", 2020, NORTH_SOUTH, GRID, "grid-2020")));

        List<CommitmentLink> links = index.register(List.of(commitment("2021", 2021, NORTH_SOUTH, GRID, "grid-2021"),
                commitment("2021", 2021, NORTH_SOUTH, SCHOLARSHIPS, "scholarships-2021")));

        assertThat(links).extracting(l -> l.from().id() + "->" + l.to().id())
                .containsExactlyInAnyOrder("grid-2021->grid-2020", "scholarships-2021->scholarships-2019");
    }

    @Test
    void aWeakMatchIsLinkedOnlyWhenTheTwoAreEachOthersBestMatch() {
        index.add(List.of(commitment("2019", 2019, NORTH_SOUTH, FISH, "fish"), commitment("2019", 2019, NORTH_SOUTH, GRID, "grid"),
                commitment("2019", 2019, NORTH_SOUTH, SCHOLARSHIPS, "scholarships")));

        List<CommitmentLink> both = index.link(List.of(commitment("2020", 2020, NORTH_SOUTH, PATROLS, "patrols"),
                commitment("2020", 2020, NORTH_SOUTH, FISH_SURVEY, "survey")));
        List<CommitmentLink> surveyAlone = index.link(List.of(commitment("2020", 2020, NORTH_SOUTH, FISH_SURVEY, "survey")));

        // Both later commitments are closest to "fish", below the threshold; "fish" is closest to "patrols".
        assertThat(both).singleElement().satisfies(link -> {
            assertThat(link.from().id() + "->" + link.to().id()).isEqualTo("patrols->fish");
            assertThat(link.similarity()).isBetween(LineageSettings.STANDARD.reciprocalThreshold(), LineageSettings.STANDARD.threshold());
        });
        assertThat(surveyAlone).singleElement().satisfies(link -> {
            assertThat(link.to().id()).isEqualTo("fish");
            assertThat(link.similarity()).isLessThan(LineageSettings.STANDARD.threshold());
        });
    }

    @Test
    void aLinkPastACommuniqueTheLaterOneLinksToNeedsTheSkipPenaltyMore() {
        List<LineageCommitment> first = List.of(commitment("2019", 2019, NORTH_SOUTH, GRID, "grid-2019"),
                commitment("2019", 2019, NORTH_SOUTH, RAILWAY, "railway-2019"));
        List<LineageCommitment> second = List.of(commitment("2020", 2020, NORTH_SOUTH, GRID_CONTINUED, "grid-2020"));
        List<LineageCommitment> third = List.of(commitment("2021", 2021, NORTH_SOUTH, GRID_CONTINUED, "grid-2021"),
                commitment("2021", 2021, NORTH_SOUTH, FIRST_TRAINS, "railway-2021"));

        LineageIndex series = new LineageIndex();
        series.register(first);
        series.register(second);
        LineageIndex withoutTheMiddle = new LineageIndex();
        withoutTheMiddle.register(first);

        // 2020 carries the grid but not the railway; 2021 links to 2020, so its railway needs the penalty to reach 2019.
        assertThat(series.register(third)).extracting(l -> l.from().id() + "->" + l.to().id())
                .containsExactly("grid-2021->grid-2020");
        assertThat(withoutTheMiddle.register(third)).extracting(l -> l.from().id() + "->" + l.to().id())
                .containsExactlyInAnyOrder("grid-2021->grid-2019", "railway-2021->railway-2019");
    }

    @Test
    void linksCommuniquesInChineseAndRussianByTheirOwnTokens() {
        index.add(List.of(new LineageCommitment("zh-2019", LocalDate.of(2019, 1, 1), "zh", List.of("CN", "RU"), List.of(),
                        Commitment.Kind.BULLET, "zh-a", "共同建设连接北部和南部省份的跨境电网"),
                new LineageCommitment("ru-2019", LocalDate.of(2019, 1, 1), "ru", List.of("CN", "RU"), List.of(),
                        Commitment.Kind.BULLET, "ru-a", "построить общую энергосистему северных и южных провинций")));

        assertThat(index.link(List.of(new LineageCommitment("zh-2020", LocalDate.of(2020, 1, 1), "zh", List.of("CN", "RU"),
                List.of(), Commitment.Kind.BULLET, "zh-b", "继续建设連接北部和南部省份的跨境電網"))))
                .extracting(l -> l.to().id()).containsExactly("zh-a");
        assertThat(index.link(List.of(new LineageCommitment("ru-2020", LocalDate.of(2020, 1, 1), "ru", List.of("CN", "RU"),
                List.of(), Commitment.Kind.BULLET, "ru-b", "Стороны продолжат строить общую энергосистему северных провинций"))))
                .extracting(l -> l.to().id()).containsExactly("ru-a");
    }

    private static LineageCommitment commitment(String document, int year, List<String> parties, String text, String id) {
        return new LineageCommitment(document, LocalDate.of(year, 6, 1), "en", parties, List.of(), Commitment.Kind.NARRATIVE, id, text);
    }
}
