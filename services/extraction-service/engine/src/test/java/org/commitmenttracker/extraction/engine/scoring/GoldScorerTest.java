package org.commitmenttracker.extraction.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.commitmenttracker.extraction.engine.Corpus;
import org.junit.jupiter.api.Test;

/** The scorer must be able to fail: a damaged rendering scores lower, and the report says why. */
class GoldScorerTest {
    @Test
    void losesRecallAndPrecisionWhenBulletsAreDamaged() throws Exception {
        String damaged = Corpus.seedText().replace("——支持举办第七届中俄博览会。", "——支持举办中俄博览会。");

        Score score = GoldScorer.score(Corpus.seedGold(), damaged);

        assertThat(score.bullets().found()).isEqualTo(89);
        assertThat(score.bullets().recall()).isLessThan(1.0);
        assertThat(score.bullets().precision()).isLessThan(1.0);
        assertThat(score.mismatches()).anyMatch(m -> m.startsWith("missed B003"))
                .anyMatch(m -> m.startsWith("extra bullet"));
    }

    @Test
    void countsAWrongDateAsAnInexactDocumentAndTimeExpression() throws Exception {
        String shifted = Corpus.seedText().replace("于 2022 年 12 月 5 日", "于 2022 年 12 月 6 日");

        Score score = GoldScorer.score(Corpus.seedGold(), shifted);

        assertThat(score.documentFields()).containsEntry("date", false);
        assertThat(score.documentExact()).isFalse();
    }

    @Test
    void printsPrecisionRecallAndAccuracies() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GoldScorer.print(GoldScorer.score(Corpus.seedGold()), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("bullets     P 1.00  R 1.00  F1 1.00")
                .contains("signed instruments  1.00  (14/14)")
                .contains("time expressions    1.00");
    }
}
