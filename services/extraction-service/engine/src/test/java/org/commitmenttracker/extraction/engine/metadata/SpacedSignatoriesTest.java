package org.commitmenttracker.extraction.engine.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.commitmenttracker.extraction.engine.CommuniqueAnalyzer;
import org.commitmenttracker.extraction.engine.SourceDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Signatories in English and Russian: names after an office title, its state skipped. */
class SpacedSignatoriesTest {
    private static List<String> signatories(String language, String text) {
        return new CommuniqueAnalyzer().analyze(new SourceDocument("s", text, null, language, LocalDate.of(2024, 5, 16)))
                .document().signatories();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|The Joint Statement was signed by President Xi Jinping and President Vladimir Putin.|Xi Jinping,Vladimir Putin",
            "en|The statement was signed by President of the People's Republic of China Xi Jinping and President of the Russian Federation Vladimir Putin.|Xi Jinping,Vladimir Putin",
            "en|The agreement was signed by Prime Minister Narendra Modi of India and Prime Minister Li Qiang.|Narendra Modi,Li Qiang",
            "ru|Совместное заявление подписали Председатель КНР Си Цзиньпин и Президент Российской Федерации В.В. Путин.|Си Цзиньпин,В.В. Путин",
            "ru|Документ подписали Председатель Китайской Народной Республики Си Цзиньпин и Президент Российской Федерации В.В.Путин.|Си Цзиньпин,В.В.Путин",
    })
    void namesAfterAnOfficeInTheSigningSentence(String language, String closing, String expected) {
        String text = "Joint Statement\n\nMoscow, 16 May 2024\n\nThe two sides held talks.\n\n" + closing + "\n";
        if (language.equals("ru")) {
            text = "Совместное заявление\n\nМосква, 16 мая 2024 года\n\nСтороны провели переговоры.\n\n" + closing + "\n";
        }
        assertThat(signatories(language, text)).containsExactly(expected.split(","));
    }

    @Test
    void noNameWithoutACapitalisedNameAfterTheOffice() {
        assertThat(signatories("en", "Joint Statement\n\nThe documents were signed by the ministers.\n\n"
                + "The President will visit China next year.\n")).isEmpty();
        assertThat(signatories("en", "Joint Statement\n\nThe Presidents signed the documents.\n")).isEmpty();
        assertThat(signatories("ru", "Совместное заявление\n\nДокументы подписали министры. Президент отметил успехи.\n"))
                .isEmpty();
    }
}
