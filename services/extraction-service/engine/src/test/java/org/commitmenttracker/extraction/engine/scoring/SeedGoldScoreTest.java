package org.commitmenttracker.extraction.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.commitmenttracker.extraction.engine.Corpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The targets of the gold set, on the seed as published and on the renderings users also paste: all newlines
 * collapsed into spaces (wire copy), Windows line ends with form feeds between pages.
 */
class SeedGoldScoreTest {
    static Stream<Arguments> renderings() {
        String seed = Corpus.seedText();
        return Stream.of(
                Arguments.of("as published", seed),
                Arguments.of("newlines collapsed", seed.replace('\n', ' ')),
                Arguments.of("CRLF, form feeds for page markers", seed.replace("— 1 —", "\f").replace("\n", "\r\n")),
                Arguments.of("no blank lines", seed.replaceAll("\n\\s*\n", "\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void meetsTheGoldTargets(String rendering, String text) throws Exception {
        Score score = GoldScorer.score(Corpus.seedGold(), text);

        assertThat(score.mismatches()).as(rendering).isEmpty();
        assertThat(score.bullets().precision()).isEqualTo(1.0);
        assertThat(score.bullets().recall()).isEqualTo(1.0);
        assertThat(score.narrative().f1()).isGreaterThanOrEqualTo(0.90);
        assertThat(score.signedInstruments()).isEqualTo(new Score.Accuracy(14, 14));
        assertThat(score.sections().value()).isEqualTo(1.0);
        assertThat(score.timeExpressions().value()).isEqualTo(1.0);
        assertThat(score.instruments().value()).isEqualTo(1.0);
        assertThat(score.parties().value()).isEqualTo(1.0);
        assertThat(score.organisations().value()).isEqualTo(1.0);
        assertThat(score.documentFields()).containsOnlyKeys("title", "language", "date", "parties", "signatories", "meeting")
                .allSatisfy((field, exact) -> assertThat(exact).as(field).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void scoresEveryCommitmentAttributeOnEveryFoundCommitment(String rendering, String text) throws Exception {
        Score score = GoldScorer.score(Corpus.seedGold(), text);

        int found = score.bullets().found() + score.narrative().found();
        assertThat(found).isEqualTo(104);
        assertThat(score.timeExpressions().total()).isEqualTo(found);
        assertThat(score.organisations().total()).isEqualTo(found);
    }
}
