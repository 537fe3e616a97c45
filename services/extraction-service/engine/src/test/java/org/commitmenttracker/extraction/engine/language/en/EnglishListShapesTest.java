package org.commitmenttracker.extraction.engine.language.en;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.commitmenttracker.extraction.engine.Commitment;
import org.commitmenttracker.extraction.engine.CommuniqueAnalysis;
import org.commitmenttracker.extraction.engine.CommuniqueAnalyzer;
import org.commitmenttracker.extraction.engine.SourceDocument;
import org.junit.jupiter.api.Test;

/**
 * English lists as they reach users: markdown and web copies with indented continuation lines, items of several
 * sentences, "; and" before the last item, lead-ins that leave the sentence for the items to finish, an operative
 * "We hereby declare:" over headed groups of items, and lettered lists that PDF extraction ran into one line.
 * Every text here is constructed.
 */
class EnglishListShapesTest {
    private final CommuniqueAnalyzer analyzer = new CommuniqueAnalyzer();

    private List<Commitment> commitments(String text) {
        return analyzer.analyze(new SourceDocument("en-lists", text, null, "en", LocalDate.of(2024, 3, 1))).commitments();
    }

    private List<String> bullets(String text) {
        return commitments(text).stream().filter(c -> c.kind() == Commitment.Kind.BULLET).map(Commitment::text).toList();
    }

    @Test
    void aMarkdownItemRunsOnWhileItsLinesAreIndentedWhateverItsSentencesSay() {
        String text = """
                Leaders' Statement on Coastal Resilience

                1. We met in Lisbon to agree on a common course for coastal cities. With this in mind, we
                will:

                -   Expand early warning for storm surges across every coastal
                    region. We will fund community shelters and train local
                    responders in each member state.
                -   Restore wetlands and mangroves that shield settlements; and
                -   Report on progress at our next meeting

                as set out in the annex to this statement.

                2. We will review this plan in 2026.
                """;

        assertThat(bullets(text)).containsExactly(
                "Expand early warning for storm surges across every coastal region. We will fund community shelters "
                        + "and train local responders in each member state.",
                "Restore wetlands and mangroves that shield settlements; and",
                "Report on progress at our next meeting");
    }

    @Test
    void aWebCopyThatDroppedTheMarkersKeepsCapitalisedItemsUnderALeadInLeftOpenOnTo() {
        String text = """
                Ministers agree a river compact

                The two ministers met in Quito today. The Compact includes commitments to:

                Open the upper river to barges from both countries. This includes dredging the shallow reaches.

                Train pilots in a common school.

                The ministers also discussed the weather.

                Next steps were left to officials:

                Fisheries data will be shared later.
                """;

        assertThat(bullets(text)).containsExactly(
                "Open the upper river to barges from both countries. This includes dredging the shallow reaches.",
                "Train pilots in a common school.");
    }

    @Test
    void aLeadInThatLeavesItsSentenceOpenMakesItsItemsCommitments() {
        String text = """
                Declaration on Rural Connectivity

                We met in Accra to review the state of rural networks, which still
                leave many villages without a reliable connection. We are working
                with regional banks and with each other. We are:

                -   extending broadband to remote villages by 2027, starting with
                    those farthest from a town.
                -   training rural teachers in digital skills.

                We are taking practical steps to:

                -   open public internet points in market towns and at the
                    crossings where traders meet;
                -   lower the cost of mobile data for students.
                """;

        assertThat(bullets(text)).containsExactly(
                "extending broadband to remote villages by 2027, starting with those farthest from a town.",
                "training rural teachers in digital skills.",
                "open public internet points in market towns and at the crossings where traders meet;",
                "lower the cost of mobile data for students.");
    }

    @Test
    void aLeadInOfItsOwnGovernsTheItemsOfEveryHeadedGroupThatFollows() {
        String text = """
                Joint Vision Statement of the Island Partnership Summit

                WE, the Leaders of the partner states, gathered in Suva on 10
                February 2024 to chart the next decade of our partnership and to
                renew the friendship between our peoples.

                WE HEREBY DECLARE:

                We look back with pride on a decade of cooperation between our
                peoples, which has brought our islands closer together.

                Oceans and Fisheries

                -   We will patrol shared fishing grounds together and exchange
                    vessel data in real time.

                Health

                -   We commit to building two regional laboratories for
                    infectious diseases.
                """;

        assertThat(bullets(text)).containsExactly(
                "We will patrol shared fishing grounds together and exchange vessel data in real time.",
                "We commit to building two regional laboratories for infectious diseases.");
    }

    @Test
    void aLetteredListRunIntoOneLineKeepsItsItems() {
        String text = "Ministers' Statement on Water. 1. We commit to: a. map aquifers shared by our states; "
                + "b. publish river flow data every month; and c. hold a water forum in 2025.";

        assertThat(bullets(text)).containsExactly("map aquifers shared by our states;",
                "publish river flow data every month; and", "hold a water forum in 2025.");
    }

    @Test
    void aLetteredListRunIntoOneLineKeepsItsItemsWithoutSeparators() {
        String text = "Water Talks 2 May 2024 1. The delegations met in Quito. 2. The delegations agreed as follows : "
                + "a. to map shared aquifers b. Andean rivers c. to publish flow data every month. 3. They thanked the hosts.";

        assertThat(bullets(text)).containsExactly("to map shared aquifers", "Andean rivers",
                "to publish flow data every month.");
    }

    @Test
    void aLetterThatDoesNotFollowTheItemsOwnLetterStaysInTheItem() {
        String text = "Water Talks 2 May 2024 1. The delegations met in Quito. 2. The delegations agreed as follows : "
                + "a. to map aquifers listed in annex c. of the report";

        assertThat(bullets(text)).containsExactly("to map aquifers listed in annex c. of the report");
    }

    @Test
    void headlineItemsWithoutPunctuationInAWebCopyAreItemsOfTheirOwn() {
        String text = """
                Ministers Agree Steps on Fisheries

                Published 4 May 2024

                The fisheries ministers of the two island states met in Suva on Friday for their first talks in a decade, and the ministry said afterwards that the two ministers had agreed on the following steps:

                  • A joint patrol of the shared fishing grounds
                  • Yearly meetings of the two coast guards

                The next round of talks will be announced later, a spokesman said, adding that both sides had also discussed the pricing of licences for foreign fleets.
                """;

        assertThat(bullets(text)).containsExactly("A joint patrol of the shared fishing grounds",
                "Yearly meetings of the two coast guards");
    }

    @Test
    void onlyTheItemsOwnSymbolOpeningALineStartsTheNextItem() {
        String text = """
                Ministers Agree Steps on Fisheries

                Published 4 May 2024

                The fisheries ministers of the two island states met in Suva on Friday for their first talks in a decade, and the ministry said afterwards that the two ministers had agreed on the following steps:

                  • A joint patrol of the shared fishing grounds, the first
                  - of its kind - next spring
                  • Yearly meetings of the two coast guards

                The next round of talks will be announced later, a spokesman said, adding that both sides had also discussed the pricing of licences for foreign fleets.
                """;

        assertThat(bullets(text)).containsExactly("A joint patrol of the shared fishing grounds, the first - of its kind - next spring",
                "Yearly meetings of the two coast guards");
    }

    @Test
    void aLeadInEndingInAnAgreementVerbOrAgreeingToTheFollowingOpensAList() {
        String agree = """
                Summit Declaration

                We met in Oslo to renew our partnership and to set a course for closer work on shared challenges of the coming decade. We therefore agree:

                  • To launch a joint fund for clean shipping. Together, we will seek private investors for it.
                  • To hold a shipping forum every year.
                """;
        String following = """
                Heads of Government Communiqué

                Heads met in Apia from 2 to 4 May 2024 and discussed the future of the association and of its programmes for young people across the regions. To this end, Heads agreed to the following:

                1. A review of the association's programmes for young people.

                2. A new fund for small island states.
                """;

        assertThat(bullets(agree)).containsExactly(
                "To launch a joint fund for clean shipping. Together, we will seek private investors for it.",
                "To hold a shipping forum every year.");
        assertThat(bullets(following)).containsExactly("A review of the association's programmes for young people.",
                "A new fund for small island states.");
    }

    @Test
    void itemsNumberedAfterALeadInAreAListNotTheParagraphsOfTheDocument() {
        String unnumbered = """
                Joint Statement on Green Hydrogen

                The leaders of Chile and Peru met in Lima on 3 May 2024 and agreed on
                a shared course for clean fuels. We commit to:

                1. expand trade in green hydrogen;
                2. open a joint research centre by 2026; and
                3. review progress every year.

                We also welcome the opening of the new port.
                """;
        String numbered = """
                Joint Statement on Green Hydrogen

                1. The leaders of Chile and Peru met in Lima on 3 May 2024.

                2. We commit to:

                1. expand trade in green hydrogen;
                2. open a joint research centre by 2026; and
                3. review progress every year.

                3. We welcome the opening of the new port.
                """;

        assertThat(bullets(unnumbered)).containsExactly("expand trade in green hydrogen;",
                "open a joint research centre by 2026; and", "review progress every year.");
        assertThat(commitments(numbered)).extracting(Commitment::section, Commitment::text).containsExactly(
                org.assertj.core.api.Assertions.tuple(2, "expand trade in green hydrogen;"),
                org.assertj.core.api.Assertions.tuple(2, "open a joint research centre by 2026; and"),
                org.assertj.core.api.Assertions.tuple(2, "review progress every year."));
    }

    @Test
    void anItemOfSeveralSentencesInWireCopyKeepsThemWhileItsListGoesOn() {
        String text = "Ministers' Statement on Skills. We will: - train ten thousand nurses by 2026. We will also "
                + "fund their first year of work. - certify the skills of returning migrants. We will review "
                + "both in 2027. 2. We thank the host.";

        assertThat(bullets(text)).containsExactly(
                "train ten thousand nurses by 2026. We will also fund their first year of work.",
                "certify the skills of returning migrants.");
    }

    @Test
    void itemsUnderAWelcomeStayNoCommitmentsInAMarkdownCopy() {
        String text = """
                Chair's Statement

                We welcome the reports of:

                -   the task force on fisheries, which met
                    twice this year;
                -   the expert group on coral reefs.
                """;

        assertThat(bullets(text)).isEmpty();
    }

    @Test
    void readsAMarkdownCopyWithoutItsHeadingAndBoldMarkers() {
        String text = """
                # Leaders' Declaration of the Ocean Partnership

                **Colombo, 3 September 2025**

                ## Maritime Security

                To that end, we will:

                -   establish a **regional** information-sharing centre by 2026;
                -   develop common standards for port security.
                """;

        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("en-markdown", text));

        assertThat(analysis.document().title()).isEqualTo("Leaders' Declaration of the Ocean Partnership");
        assertThat(analysis.document().date()).isEqualTo(LocalDate.of(2025, 9, 3));
        assertThat(analysis.commitments()).extracting(Commitment::text).containsExactly(
                "establish a regional information-sharing centre by 2026;", "develop common standards for port security.");
        Commitment first = analysis.commitments().get(0);
        assertThat(text.substring(first.start(), first.end())).isEqualTo("establish a **regional** information-sharing centre by 2026;");
    }

    @Test
    void aNumberedParagraphAfterAnAgreedListRunIntoOneLineIsNotOneOfItsItems() {
        // a PDF copy run into one line: the paragraph numbers and the letters are all that is left of the layout
        String text = "Joint Statement 1. The Foreign Secretaries met in Delhi on 3 May 2024. 2. The Foreign Secretaries"
                + " have agreed as follows : a. to hold consultations twice a year b. to open a joint hotline by June"
                + " 2025. 3. The two Foreign Secretaries also had an exchange of views on the composition of the groups.\n";

        assertThat(bullets(text)).containsExactly("to hold consultations twice a year", "to open a joint hotline by June 2025.");
    }

    @Test
    void anAgreedItemEndingInAColonIsStillAnItem() {
        String text = """
                Joint Statement of the Foreign Ministers

                2. The ministers have agreed as follows:

                a. to address all outstanding issues of concern to both sides, including:

                b. trade and investment;

                c. to open a joint hotline by June 2025.
                """;

        assertThat(bullets(text)).startsWith("to address all outstanding issues of concern to both sides, including:");
    }

    @Test
    void doubleHyphenItemsUnderALeadInThatIsOnlyItsSubjectSayEachWhatThatSubjectDoes() {
        // a news gist: the subject once, then one verb phrase an item, marked by the typewriter dash "--"
        String text = """
                Gist of the joint press statement

                Norway and Chile:

                -- agreed to open a direct shipping line by 2026;

                -- expressed concern over the loss of sea ice;

                -- agreed to hold talks on fisheries every year.
                """;

        List<Commitment> found = commitments(text);
        assertThat(found).extracting(Commitment::kind).containsOnly(Commitment.Kind.NARRATIVE);
        assertThat(found).extracting(Commitment::text).containsExactly("agreed to open a direct shipping line by 2026;",
                "agreed to hold talks on fisheries every year.");
    }

    @Test
    void theItemsOfAnActionPlanAreAgreedWithoutALeadInAndLoseBothMarksOfAWebCopy() {
        // a web copy of a plan: a bullet before each numbered item, a lettered sub-list, no "we will:" anywhere
        String plan = """
                Main points of the Action Plan to carry out
                the Partnership Declaration on Water

                1. River basins

                  • (1) Share flood data across the basin
                  • (2) Hold joint drills every year:
                    • (a) in the dry season
                    • (b) before the rains
                  • (3) Train hydrologists together

                2. Drinking water

                  • (1) Fund village wells
                """;
        String notes = """
                Notes on the Partnership Declaration on Water

                1. River basins

                  • (1) Share flood data across the basin
                  • (2) Train hydrologists together
                """;

        assertThat(bullets(plan)).containsExactly("Share flood data across the basin", "Hold joint drills every year:",
                "in the dry season", "before the rains", "Train hydrologists together", "Fund village wells");
        assertThat(bullets(notes)).isEmpty();
    }

    @Test
    void aLeadInThatRenewsPledgesListsThemButOneThatWelcomesThemDoesNot() {
        // a news report of a declaration: the document, not "we", renews the parties' pledges
        String renewed = """
                Declaration on Open Science

                Among other points, the declaration reaffirms the shared commitments of the member states:
                - open publicly funded research data;
                - Training for young researchers; And
                - protect scientists from harassment.
                """;
        String welcomed = """
                Declaration on Open Science

                Among other points, the ministers welcomed the shared commitments of the member states:
                - open publicly funded research data;
                - protect scientists from harassment.
                """;

        assertThat(bullets(renewed)).containsExactly("open publicly funded research data;",
                "Training for young researchers; And", "protect scientists from harassment.");
        assertThat(bullets(welcomed)).isEmpty();
    }

    @Test
    void aWebCopyKeepsNoHtmlTagButKeepsTheBreaksTheyStoodFor() {
        String text = """
                Joint Press Release on River Transport

                The two ministers agreed that the barge service will resume<br />
                in the spring.<br />The parties will dredge the <u>upper channel</u> by 2027.<br />
                Traffic on the river grew by <b>over</b> 4 % when fees fell < 2 %.
                """;

        assertThat(commitments(text)).extracting(Commitment::text).containsExactly(
                "The two ministers agreed that the barge service will resume in the spring.",
                "The parties will dredge the upper channel by 2027.");
        assertThat(analyzer.analyze(SourceDocument.of("en-html", text)).commitments().get(0).end())
                .isGreaterThan(text.indexOf("spring"));
    }

    @Test
    void theNumberedActionsOfAPlanExcerptWithoutItsTitleAreAgreedButThoseOfAStatementAreNot() {
        String plan = """
                This Plan of Action sets out what the river states will do over the next five years.

                I. Navigation

                1. Mark the shared channel with lit buoys along its whole length;

                2. Train pilots of each state in a common school;

                3. The Plan will be reviewed by senior officials in 2028.
                """;
        String statement = plan.replace("This Plan of Action sets out", "This Joint Statement sets out");

        assertThat(bullets(plan)).containsExactly("Mark the shared channel with lit buoys along its whole length;",
                "Train pilots of each state in a common school;");
        assertThat(bullets(statement)).isEmpty();
    }

    @Test
    void aPlansThirdOutlineLevelHoldsItsActionsAndALineEndingInAPrepositionGoesOnOverAPageBreak() {
        String text = """
                Plan of Action on River Basins

                1. Water Security

                1.1. Flood Data

                1.1.1. Share flood data across the basin with a view to

                building a common warning system;

                1.1.2. Train hydrologists of the basin states together;
                """;

        assertThat(bullets(text)).containsExactly(
                "Share flood data across the basin with a view to building a common warning system;",
                "Train hydrologists of the basin states together;");
    }
    @Test
    void numberedStatementsAfterADeclaringLeadInAreTheDocumentsParagraphsNotItsItems() {
        String text = """
                Joint Declaration on Friendship

                The Presidents of Chile and Peru,

                Seeking to raise their relations to a new level,

                hereby declare the following:

                1. The Parties shall develop their partnership on the basis of mutual respect.

                2. The Parties will hold regular consultations between their foreign ministries.
                The Parties note the growth of their trade.

                3. The Parties will open a joint research centre by 2026.
                """;

        assertThat(commitments(text)).extracting(Commitment::kind, Commitment::section, Commitment::text).containsExactly(
                org.assertj.core.api.Assertions.tuple(Commitment.Kind.NARRATIVE, 1,
                        "The Parties shall develop their partnership on the basis of mutual respect."),
                org.assertj.core.api.Assertions.tuple(Commitment.Kind.NARRATIVE, 2,
                        "The Parties will hold regular consultations between their foreign ministries."),
                org.assertj.core.api.Assertions.tuple(Commitment.Kind.NARRATIVE, 3,
                        "The Parties will open a joint research centre by 2026."));
    }

    @Test
    void aRomanItemEndingInSemicolonAndClosesBeforeTheNextNumeralInAHardWrappedCopy() {
        String text = """
                Communiqué of the Island Leaders' Meeting

                5. Leaders agreed to:
                i. task the secretariat to draft a regional strategy on ocean resources for their
                consideration next year;
                ii. prioritise the conclusion of negotiations on maritime boundaries between the
                member states;
                iii. convene a special retreat on the regional architecture before the end of the
                year; and
                iv. strengthen engagement with partners through a revised framework.
                """;

        assertThat(bullets(text)).containsExactly(
                "task the secretariat to draft a regional strategy on ocean resources for their consideration next year;",
                "prioritise the conclusion of negotiations on maritime boundaries between the member states;",
                "convene a special retreat on the regional architecture before the end of the year; and",
                "strengthen engagement with partners through a revised framework.");
    }
    @Test
    void anOutlineNumberUnderAnUnpunctuatedHeadingOpensAnItemAndAPartInCapitalsIsNoItemOfTheLeadIn() {
        String text = """
                Plan of Action on River Trade

                This Plan of Action guides cooperation between the riparian states for the next five years. To this
                end, the riparian states will undertake the following actions:

                1. TRADE AND CUSTOMS

                1.1 Customs Procedures
                1.1.1 Simplify the clearance of goods carried on the river;
                1.1.2 Exchange customs data electronically;

                1.2 Vessel Standards 1.2.1 Align the safety standards of river vessels;
                """;

        assertThat(bullets(text)).containsExactly("Simplify the clearance of goods carried on the river;",
                "Exchange customs data electronically;", "Align the safety standards of river vessels;");
    }
    @Test
    void aPlansSecondOutlineLevelWrittenAsAStatementWithAModalIsAnItemButItsGroupHeadingIsNot() {
        String text = """
                Plan of Action on River Trade

                This Plan of Action guides cooperation between the riparian states for the next five years.

                1. TRADE AND CUSTOMS

                1.1 Customs Procedures

                1.1.1 Simplify the clearance of goods carried on the river;

                2. FOLLOW-UP

                2.1 The River Trade Council shall oversee the work under this Plan and report to the
                ministers every year;

                2.2 This Plan will be updated in its third year.
                """;

        assertThat(bullets(text)).containsExactly("Simplify the clearance of goods carried on the river;",
                "The River Trade Council shall oversee the work under this Plan and report to the ministers every year;",
                "This Plan will be updated in its third year.");
    }
    @Test
    void aBoldHeadingOfOneOrTwoLinesRightAboveItsTextIsSetApartFromIt() {
        String text = """
                # FACT SHEET: Chile and Peru Strengthen Ties

                May 21, 2022

                Today, President Rojas and President Vidal met in Lima to reaffirm the partnership between Chile and Peru.

                **Strengthening Maritime and
                Border Cooperation**
                Chile and Peru will begin joint patrols along their maritime border.

                **Emerging Technologies and Cyber
                Cooperation**

                Chile and Peru will expand their cooperation on cyber issues, including incident response.
                The two countries will also open a joint research centre on quantum computing.

                **Global Health**
                We will strengthen cooperation on global health security.
                """;

        List<Commitment> found = commitments(text);

        assertThat(found).extracting(Commitment::text).containsExactly(
                "Chile and Peru will begin joint patrols along their maritime border.",
                "Chile and Peru will expand their cooperation on cyber issues, including incident response.",
                "The two countries will also open a joint research centre on quantum computing.",
                "We will strengthen cooperation on global health security.");
        assertThat(found).allSatisfy(c -> assertThat(text.substring(c.start(), c.end())).isEqualTo(c.text()));
    }
    @Test
    void aNewsCopysSubheadingOnALineOfItsOwnIsNotTheOpeningOfTheStatementBelowIt() {
        String text = """
                Chile, Peru pledge closer ties in joint statement

                LIMA, May 3 (Xinhua) -- Chile and Peru on Friday issued a joint statement after talks
                between their presidents in Lima, pledging to deepen cooperation in trade and security.
                TRADE
                The two sides will expand bilateral trade and reduce non-tariff barriers, the statement
                said. Both presidents welcomed the opening of the new border crossing at the coast.
                Climate change
                The two countries will cooperate to protect glaciers and watersheds in the Andes region.
                """;

        assertThat(commitments(text)).extracting(Commitment::text).containsExactly(
                "The two sides will expand bilateral trade and reduce non-tariff barriers, the statement said.",
                "The two countries will cooperate to protect glaciers and watersheds in the Andes region.");
    }

    @Test
    void aLeadInThatOnlyPointsBackListsPartsOfThePledgeOrAgreedItemItPointsAt() {
        String text = """
                Fact Sheet: Outcomes of the Coastal States Summit

                **The four governments committed to coordinate their response to
                illegal fishing in shared waters. These include:**

                -   Pooling patrol schedules for the outer reefs.
                -   Training inspectors at a common academy.

                **The four governments welcomed the work of the regional fisheries
                agency. These include:**

                -   Surveys of reef stocks carried out last season.

                Ministers agreed to the following:

                1. Reform of the regional fisheries agency, so that it answers to every member.

                This includes:

                a) a review of its budget rules;

                b) an audit of its licensing office.
                """;

        assertThat(bullets(text)).containsExactly(
                "Pooling patrol schedules for the outer reefs.",
                "Training inspectors at a common academy.",
                "Reform of the regional fisheries agency, so that it answers to every member.",
                "a review of its budget rules;",
                "an audit of its licensing office.");
    }
}
