package org.commitmenttracker.extraction.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same scorer as for the Chinese seed, on the constructed English and Russian declarations kept with the
 * tests ({@code src/test/resources/gold}): written in the style of real ones, marked as constructed, annotated
 * with the corpus rules. Bullets all found and nothing else, narrative F1 ≥ 0.90, and on every found commitment
 * exact time expressions, parties and organisations; document fields exact.
 */
class ConstructedGoldScoreTest {
    private static final Path GOLD = Path.of("src/test/resources/gold");

    static List<Path> golds() throws IOException {
        try (Stream<Path> files = Files.list(GOLD)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".gold.json")).sorted().toList();
        }
    }

    @Test
    void holdsAnEnglishAndARussianDeclarationEachMarkedAsConstructed() throws IOException {
        List<Path> golds = golds();

        assertThat(golds).extracting(p -> p.getFileName().toString().substring(0, 3)).contains("en-", "ru-");
        for (Path gold : golds) {
            assertThat(Files.readString(gold, StandardCharsets.UTF_8)).as(gold.toString()).contains("\"CONSTRUCTED");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golds")
    void meetsTheGoldTargets(Path gold) throws IOException {
        Score score = GoldScorer.score(gold);

        assertThat(score.mismatches()).as(gold.toString()).isEmpty();
        assertThat(score.bullets().precision()).isEqualTo(1.0);
        assertThat(score.bullets().recall()).isEqualTo(1.0);
        assertThat(score.narrative().f1()).isGreaterThanOrEqualTo(0.90);
        assertThat(score.sections().value()).isEqualTo(1.0);
        assertThat(score.timeExpressions().value()).isEqualTo(1.0);
        assertThat(score.parties().value()).isEqualTo(1.0);
        assertThat(score.organisations().value()).isEqualTo(1.0);
        assertThat(score.instruments().value()).isEqualTo(1.0);
        assertThat(score.documentFields()).isNotEmpty().allSatisfy((field, exact) -> assertThat(exact).as(field).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golds")
    void meetsThemAlsoAsWireCopyWithNewlinesCollapsed(Path gold) throws IOException {
        String text = Files.readString(gold.resolveSibling(gold.getFileName().toString().replace(".gold.json", ".txt")));

        Score score = GoldScorer.score(gold, text.replace('\n', ' '));

        assertThat(score.bullets().recall()).as("bullet recall").isGreaterThanOrEqualTo(0.8);
        assertThat(score.narrative().f1()).as("narrative F1").isGreaterThanOrEqualTo(0.8);
    }
}
