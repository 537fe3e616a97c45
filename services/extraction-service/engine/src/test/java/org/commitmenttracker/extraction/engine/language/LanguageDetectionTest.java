package org.commitmenttracker.extraction.engine.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.commitmenttracker.extraction.engine.CommuniqueAnalyzer;
import org.commitmenttracker.extraction.engine.CommuniqueAnalyzer.Detected;
import org.commitmenttracker.extraction.engine.SourceDocument;
import org.junit.jupiter.api.Test;

/** The language and script of a text, and the caller's language tag reduced to a profile. */
class LanguageDetectionTest {
    @Test
    void detectsLanguageAndScript() {
        assertThat(CommuniqueAnalyzer.detect("中俄总理第二十七次定期会晤联合公报。双方商定：加强经贸合作。")).isEqualTo(new Detected("zh", "Hans"));
        assertThat(CommuniqueAnalyzer.detect("中俄總理第二十七次定期會晤聯合公報。雙方商定：加強經貿合作。")).isEqualTo(new Detected("zh", "Hant"));
        assertThat(CommuniqueAnalyzer.detect("Стороны договорились о следующем: развивать торговлю.")).isEqualTo(new Detected("ru", "Cyrl"));
        assertThat(CommuniqueAnalyzer.detect("We, the Leaders of the G20, met in New Delhi.")).isEqualTo(new Detected("en", "Latn"));
        assertThat(CommuniqueAnalyzer.detect(null)).isEqualTo(new Detected("en", "Latn"));
    }

    @Test
    void readsTheCallersLanguageTag() {
        assertThat(LanguageProfiles.normalise("en-GB")).isEqualTo("en");
        assertThat(LanguageProfiles.normalise("zh_Hant")).isEqualTo("zh");
        assertThat(LanguageProfiles.normalise(" RU ")).isEqualTo("ru");
        assertThat(LanguageProfiles.normalise("")).isNull();
        assertThat(new CommuniqueAnalyzer().analyze(new SourceDocument("d", "We will meet.", null, "EN-us", null))
                .document().language()).isEqualTo("en");
    }
}
