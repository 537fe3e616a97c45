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
            "The Belt and Road Initiative will continue.|Belt and Road Initiative",
            "to implement the Kunming-Montreal Global Biodiversity Framework by 2030|Kunming-Montreal Global Biodiversity Framework",
            "guided by the African Union's Agenda 2063 and the UN Charter|African Union's Agenda 2063,UN Charter",
            "the Strategy for BRICS Economic Partnership 2021–2025 and its successor|Strategy for BRICS Economic Partnership 2021–2025",
            "under the United Nations Framework Convention on Climate Change in 2025|United Nations Framework Convention on Climate Change",
            "implement the Memorandum of Understanding on Cooperation in Agriculture|Memorandum of Understanding on Cooperation in Agriculture",
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
    })
    void reportsNoGenericOrLowercaseMention(String text) {
        assertThat(named(text)).isEmpty();
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
