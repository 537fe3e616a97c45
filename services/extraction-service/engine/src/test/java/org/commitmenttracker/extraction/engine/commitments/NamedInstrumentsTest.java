package org.commitmenttracker.extraction.engine.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.commitmenttracker.extraction.engine.Commitment;
import org.commitmenttracker.extraction.engine.CommuniqueAnalyzer;
import org.commitmenttracker.extraction.engine.SourceDocument;
import org.commitmenttracker.extraction.engine.gazetteer.Countries;
import org.commitmenttracker.extraction.engine.language.LanguageProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Instruments English names without brackets ("the Paris Agreement"), and what is no such name. */
class NamedInstrumentsTest {
    private static final NamedInstruments NAMED = new NamedInstruments(
            LanguageProfiles.standard(Countries.load("gazetteer/countries.tsv")).forCode("en").orElseThrow().lexicon());

    private static List<String> named(String text) {
        return NAMED.in(text).stream().map(NamedInstruments.Found::title).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "We will implement the Paris Agreement in full.|Paris Agreement",
            "under the Agreement on Trade in Services, which|Agreement on Trade in Services",
            "We support the Joint Comprehensive Plan of Action.|Joint Comprehensive Plan of Action",
            "We reaffirm our commitment to the 2030 Agenda for Sustainable Development and will act.|2030 Agenda for Sustainable Development",
            "in line with the Treaty of Good-Neighbourliness and Friendly Cooperation between them|Treaty of Good-Neighbourliness and Friendly Cooperation",
            "to implement the Kunming-Montreal Global Biodiversity Framework by 2030|Kunming-Montreal Global Biodiversity Framework",
            "guided by the African Union's Agenda 2063 and the UN Charter|African Union's Agenda 2063,UN Charter",
            "the Strategy for BRICS Economic Partnership 2021–2025 and its successor|Strategy for BRICS Economic Partnership 2021–2025",
            "under the United Nations Framework Convention on Climate Change in 2025|United Nations Framework Convention on Climate Change",
            "implement the Memorandum of Understanding on Cooperation in Agriculture|Memorandum of Understanding on Cooperation in Agriculture",
            // determiners other than "the", an adjective between, a date of adoption before the title
            "and task our envoys to carry out this Joint Action Statement.|Joint Action Statement",
            "through our new Regional Fisheries Cooperation Framework and others|Regional Fisheries Cooperation Framework",
            "by concluding a new Memorandum of Understanding on 6G Research and Open Standards.|Memorandum of Understanding on 6G Research and Open Standards",
            "as set out in the March 2019 Lisbon Statement on Ocean Data|Lisbon Statement on Ocean Data",
            // an owner's possessive introduces the title; a plural possessive is part of it
            "the aims of Chancellor Weber’s Recovery Formula for the region|Recovery Formula",
            "Building on the G20 Ministers’ Lima Vision on Water Security, we will act|G20 Ministers’ Lima Vision on Water Security",
            // an organisation's acronym opens a title without article, possessive or not
            "and contribute to the work of SADC Roadmap on Industrialisation.|SADC Roadmap on Industrialisation",
            "we back OAS’s Charter on Democracy fully|OAS’s Charter on Democracy",
            // title-case prepositions, numbers, periods and acronyms in brackets inside the title
            "We will carry out the River Basin Roadmap Towards 2035 in full.|River Basin Roadmap Towards 2035",
            "under the Harbour Connectivity Blueprint (2016-2026) by linking ports|Harbour Connectivity Blueprint (2016-2026)",
            "consistent with the African Union (AU) Charter and its values|African Union (AU) Charter",
            "implement the Programme for Andean Integration (PAI) Work Plan III (2022-2026).|Programme for Andean Integration (PAI) Work Plan III (2022-2026)",
            "the Coastal Trade Plan (CTP) 2030 and the Fisheries Code of Practice|Coastal Trade Plan (CTP) 2030,Fisheries Code of Practice",
            // numbered instruments need no determiner; the date of issue is no part of the name
            "lifted by Presidential Order 2231 of May 3, 2024 and|Presidential Order 2231",
            "as required by UNSCR 1540 and the 2005 Convention on Terrorism|UNSCR 1540,2005 Convention on Terrorism",
            "set out in the UN Security Council Resolution 1373(2001).|UN Security Council Resolution 1373(2001)",
            "recalling the General Assembly Resolution A/RES/70/1 on development|General Assembly Resolution A/RES/70/1",
            "under Notice of the Tariff Board of the Ministry No. 7 of 2024 and Notice of the Tariff Board of the Ministry No. 8 of 2024|"
                    + "Notice of the Tariff Board of the Ministry No. 7 of 2024,Notice of the Tariff Board of the Ministry No. 8 of 2024",
            // instruments known by their acronym; a title in quotation marks as quoted
            "within the framework of the 1982 UNCLOS, and|1982 UNCLOS",
            "we will coordinate through the “Regional Pandemic Preparedness Action Plan (RPPAP),” and partners|Regional Pandemic Preparedness Action Plan (RPPAP)",
    })
    void namesAnInstrumentAsWrittenWithoutTheArticle(String text, String titles) {
        assertThat(named(text)).containsExactly(titles.split(","));
    }

    @Test
    void keepsTwoNamesJoinedByAndApartInOrderOfMention() {
        assertThat(named("We will implement the Agreement on Trade in Services and the Paris Agreement, and the "
                + "Paris Agreement again.")).containsExactly("Agreement on Trade in Services", "Paris Agreement", "Paris Agreement");
        assertThat(named("the Memorandum of Understanding between the Government of Brazil and the Government of India"))
                .containsExactly("Memorandum of Understanding between the Government of Brazil and the Government of India");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "We will sign an agreement on trade next year.",
            "The parties will implement the agreement in good faith.",
            "The Agreement shall enter into force on signature.",
            "We welcome the Sustainable Development Goals and the BRICS Energy Research Cooperation Platform.",
            "the Paris Agreement Working Group will meet",
            "the Conference of the Parties to the UNFCCC",
            // initiatives and programmes are activities, not texts
            "The Belt and Road Initiative will continue.",
            "including through the Future Leaders Program and the Clean Seas Initiative",
            "upholding a just and fair International Order",
    })
    void reportsNoGenericOrLowercaseMention(String text) {
        assertThat(named(text)).isEmpty();
    }

    @Test
    void takesTheShortNameInBracketsAfterATitleAsItsAliasNotAsAnotherInstrument() {
        assertThat(named("We support the Treaty on Open Skies (OST Treaty) and the Treaty on the Non-Proliferation of "
                + "Nuclear Weapons (NPT), as set out in NPT Article VI, and will promote the NPT."))
                .containsExactly("Treaty on Open Skies", "Treaty on the Non-Proliferation of Nuclear Weapons");
        assertThat(named("We support the AOIP.")).containsExactly("AOIP");
    }

    @Test
    void givesAnInstrumentNamedShortAfterItsFullNameOnce() {
        String text = """
                Joint Statement
                1. We, the Leaders, met in Lima on 9 September 2023.
                2. We recall the OAS Ten-Point Consensus and will support the implementation of the Ten-Point \
                Consensus in full.
                """;
        List<Commitment> commitments = new CommuniqueAnalyzer()
                .analyze(new SourceDocument("en-s", text, null, "en", LocalDate.of(2023, 9, 10))).commitments();
        assertThat(commitments).hasSize(1);
        assertThat(commitments.get(0).instruments()).containsExactly("OAS Ten-Point Consensus");
    }

    @Test
    void givesEachInstrumentOnceInOrderPerCommitment() {
        String text = """
                Joint Statement
                1. We, the Leaders, met in Delhi on 9 September 2023.
                2. We will implement the Paris Agreement and the Agreement on Trade in Services, and we will honour the \
                Paris Agreement and the agreement reached by ministers.
                """;
        List<Commitment> commitments = new CommuniqueAnalyzer()
                .analyze(new SourceDocument("en-i", text, null, "en", LocalDate.of(2023, 9, 10))).commitments();
        assertThat(commitments).hasSize(1);
        assertThat(commitments.get(0).instruments()).containsExactly("Paris Agreement", "Agreement on Trade in Services");
    }

    @Test
    void russianQuotedTitlesStartingWithAnInstrumentWordAreInstruments() {
        String text = """
                Совместное заявление

                Москва, 21 марта 2024 года

                Стороны будут выполнять «Договор о добрососедстве, дружбе и сотрудничестве» и «Соглашение о \
                сотрудничестве в области энергетики», а также укреплять координацию в «Группе двадцати».
                """;
        List<Commitment> commitments = new CommuniqueAnalyzer()
                .analyze(new SourceDocument("ru-i", text, null, "ru", LocalDate.of(2024, 3, 21))).commitments();
        assertThat(commitments).hasSize(1);
        assertThat(commitments.get(0).instruments()).containsExactly(
                "Договор о добрососедстве, дружбе и сотрудничестве", "Соглашение о сотрудничестве в области энергетики");
    }
}
