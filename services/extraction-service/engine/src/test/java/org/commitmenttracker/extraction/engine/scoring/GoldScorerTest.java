package org.commitmenttracker.extraction.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.extraction.engine.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scorer must be able to fail: a damaged rendering scores lower, and the report says why. Its per-language
 * totals sum the documents' counts before taking ratios.
 */
class GoldScorerTest {
    private static final Path CONSTRUCTED_ENGLISH = Path.of("src/test/resources/gold/en-brics-constructed-2024.gold.json");

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

    @Test
    void ignoresTheSeparatorThatLinksABulletToTheNext() throws Exception {
        String linked = Corpus.seedText().replace("——支持举办第七届中俄博览会。", "——支持举办第七届中俄博览会；");

        Score score = GoldScorer.score(Corpus.seedGold(), linked);

        assertThat(score.bullets().found()).isEqualTo(90);
        assertThat(score.bullets().precision()).isEqualTo(1.0);
    }

    @Test
    void acceptsATimeExpressionThatKeepsItsPrepositionButNotAnotherText(@TempDir Path dir) throws Exception {
        Path withoutPreposition = copy(CONSTRUCTED_ENGLISH, dir, "without-preposition", "\"in 2024\"", "\"2024\"");
        Path otherText = copy(CONSTRUCTED_ENGLISH, dir, "other-text", "\"in 2024\"", "\"in 2023\"");

        assertThat(GoldScorer.score(withoutPreposition).mismatches()).noneMatch(m -> m.startsWith("B004 time expressions"));
        assertThat(GoldScorer.score(otherText).mismatches()).anyMatch(m -> m.startsWith("B004 time expressions"));
    }

    @Test
    void groupsDocumentsByTheLanguageTheirGoldGives() {
        assertThat(GoldScorer.languageOf(document(Map.of("language", "zh")))).isEqualTo("zh-Hans");
        assertThat(GoldScorer.languageOf(document(Map.of("language", "zh-Hant")))).isEqualTo("zh-Hant");
        assertThat(GoldScorer.languageOf(document(Map.of("language", "zh", "script", "Hant")))).isEqualTo("zh-Hant");
        assertThat(GoldScorer.languageOf(document(Map.of("language", "en-GB")))).isEqualTo("en");
        assertThat(GoldScorer.languageOf(document(Map.of("language", "ru")))).isEqualTo("ru");
    }

    @Test
    void sumsTheCountsOfEachLanguageBeforeTakingRatios(@TempDir Path dir) throws Exception {
        Path seed = copy(Corpus.seedGold(), dir, "zh-seed");
        Path traditional = copy(Corpus.seedGold(), dir, "zh-damaged", "\"language\": \"zh\"", "\"language\": \"zh-Hant\"");
        Files.writeString(dir.resolve("zh-damaged.txt"),
                Corpus.seedText().replace("——支持举办第七届中俄博览会。", "——支持举办中俄博览会。"));
        Path english = copy(CONSTRUCTED_ENGLISH, dir, "en-constructed");
        Path damagedEnglish = copy(CONSTRUCTED_ENGLISH, dir, "en-damaged");
        Files.writeString(dir.resolve("en-damaged.txt"), "Joint Statement\n\nThe leaders met.\n");
        List<Score> scores = GoldScorer.scoreAll(List.of(seed, traditional, english, damagedEnglish));

        Map<String, Totals> byLanguage = Totals.byLanguage(scores);
        Totals total = Totals.of("total", scores);

        assertThat(byLanguage).containsOnlyKeys("zh-Hans", "zh-Hant", "en", "ru");
        assertThat(byLanguage.get("zh-Hans").bullets()).isEqualTo(new Score.Retrieval(90, 90, 90));
        assertThat(byLanguage.get("zh-Hant").bullets()).isEqualTo(new Score.Retrieval(89, 90, 90));
        assertThat(byLanguage.get("ru").documents()).isZero();
        Totals en = byLanguage.get("en");
        assertThat(en.documents()).isEqualTo(2);
        assertThat(scores.get(3).bullets().found()).isZero();
        assertThat(en.bullets()).isEqualTo(scores.get(2).bullets().plus(scores.get(3).bullets()));
        assertThat(en.bullets().expected()).isEqualTo(2 * scores.get(2).bullets().expected());
        assertThat(en.narrative().expected()).isEqualTo(2 * scores.get(2).narrative().expected());
        assertThat(total.documents()).isEqualTo(4);
        int found = scores.stream().mapToInt(s -> s.bullets().found()).sum();
        int expected = scores.stream().mapToInt(s -> s.bullets().expected()).sum();
        assertThat(total.bullets().recall()).isEqualTo((double) found / expected);
        assertThat(total.timeExpressions().total()).isEqualTo(scores.stream().mapToInt(s -> s.timeExpressions().total()).sum());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GoldScorer.printTotals(scores, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .anyMatch(line -> line.startsWith("zh-Hans     1 | 1.00 1.00 1.00     90/90 |"))
                .anyMatch(line -> line.startsWith("zh-Hant     1 | 0.99 0.99 0.99     89/90 |"))
                .anyMatch(line -> line.startsWith("en          2 | "))
                .anyMatch(line -> line.equals("ru          0 | no documents"))
                .anyMatch(line -> line.startsWith("total       4 | "));
    }

    private static Map<String, Object> document(Map<String, Object> fields) {
        return Map.of("document", fields);
    }

    private static Path copy(Path gold, Path dir, String name) throws IOException {
        return copy(gold, dir, name, "", "");
    }

    /** A copy of a gold file (and the text beside it) under another name, with one text replaced in the gold. */
    private static Path copy(Path gold, Path dir, String name, String target, String replacement) throws IOException {
        String json = Files.readString(gold, StandardCharsets.UTF_8);
        assertThat(json).contains(target);
        Path copy = dir.resolve(name + ".gold.json");
        Files.writeString(copy, json.replace(target, replacement), StandardCharsets.UTF_8);
        Path text = gold.resolveSibling(gold.getFileName().toString().replace(".gold.json", ".txt"));
        Files.copy(text, dir.resolve(name + ".txt"));
        return copy;
    }
}
