package org.commitmenttracker.extraction.engine.language.en;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.commitmenttracker.extraction.engine.Commitment;
import org.commitmenttracker.extraction.engine.CommuniqueAnalysis;
import org.commitmenttracker.extraction.engine.CommuniqueAnalyzer;
import org.commitmenttracker.extraction.engine.SourceDocument;
import org.commitmenttracker.extraction.engine.TimeSpan;
import org.commitmenttracker.extraction.engine.gazetteer.Countries;
import org.commitmenttracker.extraction.engine.language.DateForms;
import org.commitmenttracker.extraction.engine.language.LanguageProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** English communiqués: structure, commitment cues and what is not one, and every date form. */
class EnglishProfileTest {
    private static final LocalDate DOCUMENT = LocalDate.of(2023, 9, 10);
    private static final DateForms DATES = LanguageProfiles.standard(Countries.load("gazetteer/countries.tsv"))
            .forCode("en").orElseThrow().dates();

    private final CommuniqueAnalyzer analyzer = new CommuniqueAnalyzer();

    private List<Commitment> commitments(String text) {
        return analyzer.analyze(new SourceDocument("en-test", text, null, "en", DOCUMENT)).commitments();
    }

    @Test
    void readsNumberedParagraphsAsSectionsAndLetteredAndNumberedSubItemsUnderACommitmentAsBullets() {
        String text = """
                G20 Leaders' Declaration
                Preamble
                1. We, the Leaders of the G20, met in New Delhi on 9-10 September 2023.
                Strong, Sustainable, Balanced and Inclusive Growth
                2. We commit to:
                a. strengthen macroeconomic policy cooperation;
                b. protect the most vulnerable.
                3. Leaders agreed to the following:
                (i) reform multilateral development banks;
                (ii) enhance debt transparency.
                4. We will:
                1) scale up climate finance;
                2) promote digital public infrastructure.
                """;

        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("g20", text));

        assertThat(analysis.document().title()).isEqualTo("G20 Leaders' Declaration");
        assertThat(analysis.document().date()).isEqualTo(LocalDate.of(2023, 9, 9));
        assertThat(analysis.commitments()).extracting(Commitment::kind, Commitment::section, Commitment::text).containsExactly(
                tuple(Commitment.Kind.BULLET, 2, "strengthen macroeconomic policy cooperation;"),
                tuple(Commitment.Kind.BULLET, 2, "protect the most vulnerable."),
                tuple(Commitment.Kind.BULLET, 3, "reform multilateral development banks;"),
                tuple(Commitment.Kind.BULLET, 3, "enhance debt transparency."),
                tuple(Commitment.Kind.BULLET, 4, "scale up climate finance;"),
                tuple(Commitment.Kind.BULLET, 4, "promote digital public infrastructure."));
    }

    @Test
    void theSigningLineDatesADeclarationWhateverDateItsPreambleNames() {
        String text = """
                JOINT DECLARATION
                on Friendship between the Republic of Chile and the Republic of Peru

                The President of the Republic of Chile and the President of the Republic of Peru,

                Guided by the Treaty on Good Neighbourliness of 12 March 1997,

                hereby declare the following:

                1. The Parties will open two new border crossings.

                2. The Parties will hold consultations every year.

                Done at Lima on 3 June 2021 in duplicate, in Spanish.

                President of the                    President of the
                Republic of Chile                   Republic of Peru
                """;

        assertThat(analyzer.analyze(SourceDocument.of("cl-pe", text)).document().date()).isEqualTo(LocalDate.of(2021, 6, 3));
    }

    @Test
    void inACopyWithoutHardWrapsALineEndingInAPrepositionGoesOnOverALineOpeningWithAYear() {
        String text = String.join("\n",
                "Joint Statement of the River Council",
                "The ministers of the river states met in Lima on 3 June 2024 to review cooperation on the shared basin, its ports and"
                        + " its fisheries, and to take stock of the work done by their officials since their previous meeting.",
                "The ministers will open a joint office for river trade, staffed by officials of each of the river states and charged"
                        + " with the clearance of goods carried on the river, in",
                "2025.",
                "The ministers will hold regular consultations on the safety of river vessels and the training of river pilots, and"
                        + " will ask their officials to prepare a common curriculum for the river pilots' schools of the region.");

        assertThat(commitments(text)).extracting(Commitment::text).first().asString()
                .endsWith("carried on the river, in 2025.");
    }

    @Test
    void recoversParagraphsAndHeadingsFromHardWrappedText() {
        String text = """
                Joint Statement of the Leaders on Partnership for Growth and Development in the Region
                Trade and Investment
                1. We note with satisfaction that trade between our countries has grown steadily over the
                past decade and that investment flows have reached record levels in a number of sectors.
                2. We will work together to remove barriers to trade and investment and to facilitate the
                movement of goods, services and capital between our economies by the end of 2025.
                Energy
                3. We agree to expand cooperation in renewable energy, hydrogen and energy efficiency and to
                hold a joint energy forum in 2024.
                """;

        List<Commitment> found = commitments(text);

        assertThat(found).extracting(Commitment::section, Commitment::text).containsExactly(
                tuple(2, "We will work together to remove barriers to trade and investment and to facilitate the "
                        + "movement of goods, services and capital between our economies by the end of 2025."),
                tuple(3, "We agree to expand cooperation in renewable energy, hydrogen and energy efficiency and to "
                        + "hold a joint energy forum in 2024."));
        assertThat(found.get(1).topics()).contains("energy");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "We commit to phasing down unabated coal power.",
            "We will continue to support the multilateral trading system.",
            "We agree to establish a working group on food security.",
            "We resolve to end hunger and malnutrition.",
            "Leaders decided to launch a new initiative on digital skills.",
            "The Parties shall exchange information on a regular basis.",
            "Each Party shall undertake to notify the other of any measure.",
            "We undertake to mobilise additional resources for development.",
            "Further, we will strengthen cooperation among tax authorities.",
            "We, the Leaders of the G20, will act together to secure a sustainable future.",
            "We welcome the report of the task force and will implement its recommendations.",
            "We reaffirm our steadfast support for the island states of the region.",
            "We express our resolve to double adaptation finance.",
            "We share a commitment to addressing debt vulnerabilities.",
            "We remain firmly determined to close the digital divide.",
            "We are resolute in our determination to end child labour.",
            "We task our trade ministers to report on supply chains.",
            "We ask the World Bank to prepare options for concessional finance.",
            "The Leaders tasked their foreign ministers with preparing an action plan.",
            "The Secretariat will report to Leaders on progress at the next Summit.",
            "The Leaders instructed their officials to conclude the negotiations.",
            "The G20 will launch a platform for vaccine research.",
            "Our two countries intend to open new consulates.",
            "Each member state will designate a contact point.",
            "The FAO and the WHO will present a joint review.",
            "To this end we will simplify customs procedures.",
            "Together, we recommit to the goals of the partnership.",
            "Heads agreed to strengthen the work of the secretariat on small states.",
            "They agreed to review the road map at their next meeting.",
            "Accordingly, they committed to open two trade offices.",
            "The ministers pledged to open three new border crossings.",
            "The leaders committed their governments to promoting student exchanges.",
            "The leaders recommitted both countries to an open and secure internet.",
            "Both sides are willing to widen their dialogue on energy.",
            "It was agreed that the joint commission would meet in the spring.",
            "It was also decided that the working group would report within six months.",
            "President Lagos and Prime Minister Ruiz agreed to open a consulate in each capital.",
            "Prime Minister Ruiz committed his government to doubling grants for students.",
            "We have also tasked our trade ministers to report on tariffs by the next Summit.",
            "The G7 has decided to open a fund for river ports.",
            "We welcome the report and support its recommendations on ports.",
            "The ministers agreed that the expert group will meet before the autumn.",
            "In this spirit, the heads of the member states decided that the council would draft a budget.",
            "In this setting, it has been agreed that the two envoys will confer every quarter.",
            "We highlighted our commitment to open the river ports to each other's ships.",
            "The leaders concurred to hold yearly talks on fisheries.",
            "We intend for the new forum to meet in each capital in turn.",
            "Over the next decade, the Organization will continue to shun exclusive blocs.",
            "Once the survey is done, the four parties will convene a meeting of their envoys.",
            "Chile and the African Union, along with other lenders, will fund a new port in the south.",
            "Our two nations, in concert with the lenders, will open a new rail line.",
            "ASEAN Member Countries and Japan commit to train port officers.",
            "The ministers reaffirmed the resolve of the Northern Group to deepen trade in grain.",
            "The ministers confirmed the two sides will open a joint fund.",
            "The ministers confirmed that the council will meet in May.",
            "We agreed today a joint plan for the upper basin.",
            "The leaders agreed here on a common timetable for the survey.",
            "This Charter shall be revised every two years.",
            "The present Action Plan shall be carried out by the ministries of both sides.",
            "This RTP will be updated at mid-term.",
            "The leaders of the Andean Community reaffirmed their commitment to open their labour markets.",
            "The Heads of Government of the Caribbean Community will meet twice a year.",
            "The participants reaffirmed their commitment to coordinate their relief efforts.",
            "The ministers reaffirmed their shared vision of a calm, open, and prosperous gulf and their commitment to work for it.",
            "The two leaders affirmed they would convene the dialogue later this year.",
            "We reiterate our decision that the tariff cap will enter into force in March.",
            "We adopt the rules of the river council and hereby establish its secretariat.",
            "The two presidents agreed on a timetable for the water survey.",
            "The two ministers signaled their intent to sign a memorandum on river transport.",
            "We reiterate our will to widen the dialogue on river transport.",
            "The Alliance will keep its ports open to the ships of every member.",
            "President Lagos welcomed the envoy to the capital and committed to open a consulate in the port.",
    })
    void findsACommitmentForEachCue(String sentence) {
        assertThat(commitments(sentence)).hasSize(1).first().extracting(Commitment::kind).isEqualTo(Commitment.Kind.NARRATIVE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "We welcome the adoption of the Framework on debt restructuring.",
            "We note the progress made by the working group in 2023.",
            "We welcomed their vision of a calm, open, and prosperous gulf and their commitment to work for it.",
            "The ministers affirmed that open trade is essential to growth.",
            "We hereby note the findings of the river panel.",
            "The two presidents agreed on the importance of working together on water security.",
            "We recall our commitment made in Bali.",
            "We recognise that climate change will affect every economy.",
            "We note that the Bank will publish its report in 2024.",
            "Many countries face debt distress, which will hamper their recovery.",
            "The global economy will grow by 3 per cent next year.",
            "We welcome the following:",
            "We call on all countries to refrain from protectionism.",
            "We welcome the progress made and call for its implementation in a timely manner.",
            "We urge all parties to exercise restraint.",
            "We continue to condemn attacks on civilian infrastructure.",
            "This will strengthen the resilience of supply chains.",
            "The Partnership will expand to new members next year.",
            "We met in Rome, and the Summit will be followed by a ministerial meeting.",
            "They welcomed the opening of the new consulate.",
            "They called on all parties to show restraint.",
            "They recalled the commitments made in 2019.",
            "It was noted that trade had grown in recent years.",
            "Heads noted that the secretariat will publish its report.",
            "President Lagos welcomed the signing of the trade accord.",
            "President Lagos and Prime Minister Ruiz noted that exports will rise next year.",
            "We have noted the report of the task force on ports.",
            "We have made good progress on trade since our last meeting.",
            "We express our gratitude to and support for the nurses of the region.",
            "The ministers agreed that closer ties are in the interest of both peoples.",
            "The ministers agreed that the expert group had done useful work, and that trade will grow.",
            "We highlighted the importance of the river ports for the region.",
            "The Organization has become an important factor in regional affairs.",
            "Chile and the African Union, along with other lenders, welcomed the new port in the south.",
            "The African Union, a partner of long standing, has grown in size.",
            "ASEAN Member Countries and Japan noted the rise in port traffic.",
            "We welcomed the resolve of the Northern Group to deepen trade in grain.",
            "The ministers confirmed the names of those who will attend.",
            "The ministers confirmed that the council met in May.",
            "This Declaration reflects the friendship of our peoples.",
            "This will strengthen the Declaration of our peoples.",
            "We noted today a rise in port traffic.",
            "The two countries share a commitment to peace, democracy and the rule of law.",
            "President Lagos welcomed the envoy to the capital and noted the rise in port traffic.",
    })
    void findsNoCommitmentInStatementsOfFactOrWelcome(String sentence) {
        assertThat(commitments(sentence)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "In 2016, we pledged to open our markets to each other.",
            "In March 2019 the two sides agreed to build a new bridge.",
            "Last year, the leaders decided to set up a joint fund.",
            "At our last meeting, we agreed to review the tariffs.",
            "At the previous summit in Lima, leaders committed to cut red tape.",
            "When the partnership was first launched, we pledged to share our research.",
            "As agreed in the 2018 Joint Statement, the parties undertook to meet every year.",
            "In the 2020 Declaration, we committed to protect our rivers, and agreed to plant forests.",
    })
    void readsAPastPledgeItsSentencePlacesInAnEarlierTimeAsARecount(String sentence) {
        assertThat(commitments(sentence)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "The leaders agreed to build a new bridge.|The leaders agreed to build a new bridge.",
            "Recalling the 2015 accord, the leaders agreed to set up a joint fund.|Recalling the 2015 accord, the leaders agreed to set up a joint fund.",
            "In 2023, we agreed to open our markets to each other.|In 2023, we agreed to open our markets to each other.",
            "In 2016 we pledged to open our markets; we will now widen that pledge.|we will now widen that pledge.",
            "When the partnership was launched, we set goals, and we will meet them by 2030.|and we will meet them by 2030.",
            "As a first step, the parties agreed to exchange lists of experts.|As a first step, the parties agreed to exchange lists of experts.",
            "At our last meeting we agreed to open a trade office; today we agreed to hold a trade fair.|today we agreed to hold a trade fair.",
            "In 2019 the ministers decided to map the river; now they decided to dredge it.|now they decided to dredge it.",
    })
    void keepsThisMeetingsPledgesAndThePresentOrFuturePledgeBesideARecount(String sentence, String pledge) {
        assertThat(commitments(sentence)).extracting(Commitment::text).containsExactly(pledge);
    }

    @Test
    void inATextThatSpeaksAsWeTheThirdPersonSpeaksOfOthersButInAReportItIsTheParties() {
        String speaking = "We will open the new canal to barges of every flag. Smugglers use the old canal. "
                + "They seek to avoid the customs posts.";
        String reported = "The two ministers met in Lima. They agreed to open the new canal to barges of every flag.";

        assertThat(commitments(speaking)).extracting(Commitment::text)
                .containsExactly("We will open the new canal to barges of every flag.");
        assertThat(commitments(reported)).extracting(Commitment::text)
                .containsExactly("They agreed to open the new canal to barges of every flag.");
    }

    @Test
    void statesEnumeratedBeforeTheVerbAreAllBound() {
        String text = """
                Joint Statement of Chile, Colombia, Peru and Ecuador

                In addition to their own programmes, Chile, Colombia, and Peru will fund a regional seed bank.
                """;

        assertThat(commitments(text)).singleElement().extracting(Commitment::parties)
                .isEqualTo(List.of("CL", "CO", "PE"));
    }

    @Test
    void theLeadersOfStatesBindThoseStates() {
        String text = """
                Joint Statement of Chile, Colombia, Peru and Ecuador

                The leaders of Chile and Peru will fund a regional seed bank.
                """;

        assertThat(commitments(text)).singleElement().extracting(Commitment::parties)
                .isEqualTo(List.of("CL", "PE"));
    }

    @Test
    void aCommitmentKeepsItsSubjectAndItsLeadingClauses() {
        assertThat(commitments("We value the work of the task force, and will extend its mandate to 2026."))
                .extracting(Commitment::text)
                .containsExactly("We value the work of the task force, and will extend its mandate to 2026.");
        assertThat(commitments("Mindful of rising food prices, we will keep our markets open."))
                .extracting(Commitment::text).containsExactly("Mindful of rising food prices, we will keep our markets open.");
        assertThat(commitments("We opened the forum in May, and with our partners we will hold its second session."))
                .extracting(Commitment::text).containsExactly("and with our partners we will hold its second session.");
    }

    @Test
    void aNewsCopyQuotingSeveralSentencesOfTheStatementKeepsEachSentenceAndItsLeadingClause() {
        String text = """
                River council adopts basin declaration

                “Mindful of the floods of past years, we will share river gauge data. We will train river police in a common school,” the declaration said.
                """;

        assertThat(commitments(text)).extracting(Commitment::text).containsExactly(
                "“Mindful of the floods of past years, we will share river gauge data.",
                "We will train river police in a common school,” the declaration said.");
    }

    @Test
    void initialsClosingACompoundDoNotEndTheSentence() {
        assertThat(commitments("We will launch an EU-U.S. Clean Energy Dialogue in 2024."))
                .extracting(Commitment::text).containsExactly("We will launch an EU-U.S. Clean Energy Dialogue in 2024.");
    }

    @Test
    void anItemUnderAWelcomeIsNoCommitment() {
        assertThat(commitments("We welcome the commitments of the following members:\na. the African Union;\nb. the EU.")).isEmpty();
    }

    @Test
    void bindsTheSubjectThatSpeaks() {
        String text = "Joint Statement of the People's Republic of China and the Russian Federation\n"
                + "The People's Republic of China and the Russian Federation held talks in Moscow on 21 March 2023.\n"
                + "The Sides will deepen cooperation in energy.\nChina will host the next meeting in 2024.\n"
                + "The Russian side will facilitate visa procedures.\n";

        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("cn-ru", text));

        assertThat(analysis.document().parties()).containsExactly("CN", "RU");
        assertThat(analysis.commitments()).extracting(Commitment::parties)
                .containsExactly(List.of("CN", "RU"), List.of("CN"), List.of("RU"));
    }

    @Test
    void mapsOrganisationsToTheirAcronymsAsWholeWords() {
        List<Commitment> found = commitments("We will work with the United Nations, UNESCO, the Group of Twenty, "
                + "the Shanghai Cooperation Organisation, BRICS, the EAEU, APEC and the WHO.");

        assertThat(found.get(0).organisations()).containsExactly("UN", "UNESCO", "G20", "SCO", "BRICS", "EAEU", "APEC", "WHO");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
            "achieve the goals by 2025|by 2025|null|2025-12-31|false",
            "by the end of 2024|by the end of 2024|null|2024-12-31|false",
            "the summit in 2023|in 2023|2023-01-01|2023-12-31|false",
            "results achieved in 2022|in 2022|2022-01-01|2022-12-31|true",
            "the plan for 2023–2027|2023–2027|2023-01-01|2027-12-31|false",
            "phase out before 2030|before 2030|null|2029-12-31|false",
            "met on 9-10 September 2023|9-10 September 2023|2023-09-09|2023-09-10|false",
            "adopted on 15 November 2022|15 November 2022|2022-11-15|2022-11-15|true",
            "on September 8-9, 2023|September 8-9, 2023|2023-09-08|2023-09-09|true",
            "from 30 November – 1 December 2023|30 November – 1 December 2023|2023-11-30|2023-12-01|false",
            "report by mid-2026|by mid-2026|null|2026-08-31|false",
            "review in mid-2026|in mid-2026|2026-05-01|2026-08-31|false",
            "launch in early 2025|in early 2025|2025-01-01|2025-04-30|false",
            "meet in November 2024|in November 2024|2024-11-01|2024-11-30|false",
            "meet in Nov 2024|in Nov 2024|2024-11-01|2024-11-30|false",
            "adopted on 15 Sept 2022|15 Sept 2022|2022-09-15|2022-09-15|true",
            "meet on 12 December|12 December|2023-12-12|2023-12-12|false",
            "held this year|this year|2023-01-01|2023-12-31|false",
            "by the end of next year|by the end of next year|null|2024-12-31|false",
            "since 2015|2015|2015-01-01|2015-12-31|true",
            "a trading system fit for the 21st century|21st century|2001-01-01|2100-12-31|false",
            "ministers will report back by the 2025 Annual Meetings|2025|2025-01-01|2025-12-31|false",
            "as we pledged at the 2022 Leaders’ Summit in Paris|2022|2022-01-01|2022-12-31|true",
            "in line with the 1992 Convention on Biological Diversity|1992|1992-01-01|1992-12-31|true",
            "we will implement the Clean Water Roadmap Towards 2040 together|2040|2040-01-01|2040-12-31|false",
    })
    void resolvesEachDateFormAgainstTheDocumentDate(String text, String expression, LocalDate start, LocalDate end, boolean past) {
        assertThat(DATES.find(text, text, DOCUMENT)).containsExactly(
                new TimeSpan(expression, start, end, past, text.indexOf(expression), text.indexOf(expression) + expression.length()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "implement the 2030 Agenda for Sustainable Development",
            "the outcomes of the G20 2023 Presidency",
            "in line with Agenda 2063 of the African Union",
            "support the Principles on Food Security and Nutrition 2023",
            "at COP28 and the G20",
            "a rise of 1.5 per cent and 3,000 jobs",
    })
    void leavesYearsThatArePartOfNamesAlone(String text) {
        assertThat(DATES.find(text, text, DOCUMENT)).isEmpty();
    }

    @Test
    void findsTheDeadlineBesideAName() {
        String text = "implement the 2030 Agenda by 2030";

        assertThat(DATES.find(text, text, DOCUMENT)).containsExactly(
                new TimeSpan("by 2030", null, LocalDate.of(2030, 12, 31), false, text.indexOf("by 2030"), text.length()));
    }
    @Test
    void pledgesOfAnUndertakingBegunTodayAStateHeldDeeplyAndACommitmentWithAnAsideBeforeItsObject() {
        String text = """
                Joint Statement on River Security

                We met in Lima to discuss the rivers we share. Today we embark on a joint survey of the
                upper basin. Our three nations are deeply committed to protecting the river's fisheries. We
                reiterate our commitments, in pursuit of the basin treaty's aims, to share flood data. We
                reiterate our concern, in particular, about the decline of the fisheries. To guard the
                basin, the two presidents agreed to:

                -   patrol the border stretch of the river together; and
                -   train river police in a common school.
                """;

        assertThat(commitments(text)).extracting(Commitment::kind, Commitment::text).containsExactly(
                tuple(Commitment.Kind.NARRATIVE, "Today we embark on a joint survey of the upper basin."),
                tuple(Commitment.Kind.NARRATIVE, "Our three nations are deeply committed to protecting the river's fisheries."),
                tuple(Commitment.Kind.NARRATIVE,
                        "We reiterate our commitments, in pursuit of the basin treaty's aims, to share flood data."),
                tuple(Commitment.Kind.BULLET, "patrol the border stretch of the river together; and"),
                tuple(Commitment.Kind.BULLET, "train river police in a common school."));
    }
    @Test
    void thePlaceOfTheNextMeetingAndAnAgreedPlanArePledgedButTheNextStepsAreNot() {
        String text = """
                Joint Communiqué of the River Council

                The Council met in Lima. We agreed a common plan for the upper basin.

                The next steps of the survey will be set by experts. The next meeting of the River Council will be held in Quito in 2025.
                """;

        assertThat(commitments(text)).extracting(Commitment::text).containsExactly(
                "We agreed a common plan for the upper basin.",
                "The next meeting of the River Council will be held in Quito in 2025.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Joint Statement by Leaders of Chile and Peru~Joint Statement by the Leaders of the Republic of Chile and the Republic~of Peru~We met today in Lima. We will open a new border crossing.|Joint Statement by the Leaders of the Republic of Chile and the Republic of Peru
            Home > News > Diplomacy > Chile-Peru Joint Statement: A Partnership for the Andes~~Diplomacy~~Chile-Peru Joint Statement: A Partnership for the Andes~~We met today in Lima. We will open a new border crossing.|Chile-Peru Joint Statement: A Partnership for the Andes
            Joint Leaders' Statement: Raising Relations between Chile and Peru to a Comprehensive~Strategic Partnership~~We met today in Lima. We will open a new border crossing.|Joint Leaders' Statement: Raising Relations between Chile and Peru to a Comprehensive Strategic Partnership
            Chile-Peru Summit on Andean Cooperation and Shared Prosperity Joint Statement~~Trade and Investment~~We will open a new border crossing.|Chile-Peru Summit on Andean Cooperation and Shared Prosperity Joint Statement
            "River Archive" Database (Project Leader: Ana Ruiz)~~[Title] Joint Statement on River Ports~~[Date] May 3, 2023~~1. We met in Lima. We will open the river ports.|Joint Statement on River Ports
            16 Nov 2023~Chairman's Statement of the 9th River Summit~1. The Summit was held in Lima.~2. We will meet again in 2024.|Chairman's Statement of the 9th River Summit
            Chile and Peru vow closer cooperation on trade and border security~Source: Andean Wire~~The presidents of Chile and Peru,~~Decide to issue a Joint Declaration on Border Security as follows:~~We will open a new border crossing.|Chile and Peru vow closer cooperation on trade and border security
            """)
    void findsTheTitleBelowAHeadlineOrBreadcrumbAndOverTheLineItWasWrappedOnto(String text, String title) {
        CommuniqueAnalysis analysis = analyzer.analyze(new SourceDocument("en-title", text.replace('~', '\n'), null, "en", DOCUMENT));

        assertThat(analysis.document().title()).isEqualTo(title);
    }
}
