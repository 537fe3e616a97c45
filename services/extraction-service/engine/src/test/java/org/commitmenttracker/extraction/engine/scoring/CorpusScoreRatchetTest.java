package org.commitmenttracker.extraction.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.ToDoubleFunction;

import org.commitmenttracker.extraction.engine.Corpus;
import org.junit.jupiter.api.Test;

/**
 * A ratchet on the development corpus: per language, bullets F1, narrative F1, and time-expression and
 * instrument accuracy may not fall below the floors in {@code corpus-score-floors.properties}, the figures
 * measured when they were last raised. Every language the corpus has must have its floors, and every floor a
 * language the corpus has. Skipped (or failed, with {@code corpus.required=true}) when the corpus is absent.
 */
class CorpusScoreRatchetTest {
    private static final String FLOORS = "/corpus-score-floors.properties";

    /** The measures under the ratchet, by their key in the floors file. */
    private static final Map<String, ToDoubleFunction<Totals>> MEASURES = measures();

    private static Map<String, ToDoubleFunction<Totals>> measures() {
        Map<String, ToDoubleFunction<Totals>> measures = new LinkedHashMap<>();
        measures.put("bullets.f1", t -> t.bullets().f1());
        measures.put("narrative.f1", t -> t.narrative().f1());
        measures.put("time-expressions", t -> t.timeExpressions().value());
        measures.put("instruments", t -> t.instruments().value());
        return measures;
    }

    @Test
    void noLanguageFallsBelowItsFloors() throws IOException {
        List<Score> scores = GoldScorer.scoreAll(Corpus.developmentGold());

        List<String> violations = violations(Totals.byLanguage(scores), floors());

        assertThat(violations).as("corpus scores against %s%n%s", FLOORS, table(scores)).isEmpty();
    }

    @Test
    void namesTheLanguageAndMeasureThatFellAndTheFloorItFellBelow() {
        Score.Retrieval perfect = new Score.Retrieval(10, 10, 10);
        Score.Retrieval halfFound = new Score.Retrieval(5, 5, 10);
        Score.Accuracy exact = new Score.Accuracy(4, 4);
        Totals english = new Totals("en", 1, perfect, halfFound, exact, new Score.Accuracy(3, 4), exact, exact, exact);
        Totals traditional = new Totals("zh-Hant", 0, perfect, perfect, exact, exact, exact, exact, exact);
        Properties floors = new Properties();
        floors.setProperty("en.bullets.f1", "1.00");
        floors.setProperty("en.narrative.f1", "0.90");
        floors.setProperty("en.time-expressions", "0.75");
        floors.setProperty("en.instruments", "0.95");
        floors.setProperty("ru.bullets.f1", "0.50");

        List<String> violations = violations(Map.of("en", english, "zh-Hant", traditional), floors);

        assertThat(violations).containsExactlyInAnyOrder(
                "en narrative.f1: measured 0.6667, floor 0.90",
                "ru: floors recorded for a language without corpus documents");
        floors.remove("ru.bullets.f1");
        floors.remove("en.instruments");
        assertThat(violations(Map.of("en", english), floors))
                .containsExactlyInAnyOrder("en narrative.f1: measured 0.6667, floor 0.90", "en instruments: no floor recorded");
    }

    /** Every measure below its floor, every measure of a language with documents lacking one, every stray floor. */
    private static List<String> violations(Map<String, Totals> byLanguage, Properties floors) {
        List<String> violations = new ArrayList<>();
        byLanguage.forEach((language, totals) -> {
            if (totals.documents() == 0) {
                return;
            }
            MEASURES.forEach((measure, value) -> {
                String floor = floors.getProperty(language + "." + measure);
                double measured = value.applyAsDouble(totals);
                if (floor == null) {
                    violations.add(language + " " + measure + ": no floor recorded");
                } else if (measured < Double.parseDouble(floor)) {
                    violations.add(String.format(Locale.ROOT, "%s %s: measured %.4f, floor %s", language, measure,
                            measured, floor));
                }
            });
        });
        floors.stringPropertyNames().stream().map(key -> key.substring(0, key.indexOf('.'))).distinct()
                .filter(language -> !byLanguage.containsKey(language) || byLanguage.get(language).documents() == 0)
                .forEach(language -> violations.add(language + ": floors recorded for a language without corpus documents"));
        return violations;
    }

    private static Properties floors() {
        Properties floors = new Properties();
        try (InputStream in = CorpusScoreRatchetTest.class.getResourceAsStream(FLOORS)) {
            assertThat(in).as(FLOORS + " on the test class path").isNotNull();
            floors.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return floors;
    }

    private static String table(List<Score> scores) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GoldScorer.printTotals(scores, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
