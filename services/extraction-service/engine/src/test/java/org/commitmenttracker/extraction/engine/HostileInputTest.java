package org.commitmenttracker.extraction.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.commitmenttracker.extraction.engine.cli.AnalysisJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever the input, the engine returns a well-formed analysis and never throws; no input makes it slow
 * (a guard against catastrophic regex backtracking and quadratic passes, with a generous bound, not a benchmark).
 */
class HostileInputTest {
    private static final int MEGABYTE = 1 << 20;
    private static final Duration ONE_CORE_SECOND = Duration.ofSeconds(1);
    private static final Duration HARD_LIMIT = Duration.ofSeconds(30);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final CommuniqueAnalyzer analyzer = new CommuniqueAnalyzer();

    static Stream<Arguments> megabyteLines() {
        return Stream.of(
                Arguments.of("dashes", repeat("——", MEGABYTE / 2)),
                Arguments.of("digits", repeat("2022", MEGABYTE / 4)),
                Arguments.of("digits and date units", repeat("2022年12月14—", MEGABYTE / 12)),
                Arguments.of("unclosed brackets", repeat("《“（", MEGABYTE / 3)),
                Arguments.of("cue after cue", repeat("双方将", MEGABYTE / 3)),
                Arguments.of("blank lines and page markers", repeat("\n\n— 1 —\n\f", MEGABYTE / 8)),
                Arguments.of("part numbers", repeat("。\n一\n二、", MEGABYTE / 8)));
    }

    /**
     * Each megabyte is analysed within one second of CPU time of the analysing thread: CPU time, not wall
     * time, so the guard holds on a loaded machine, and a hard wall-clock bound still stops a runaway regex.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("megabyteLines")
    void analysesAMegabyteOfHostileTextQuickly(String what, String text) {
        // One pass first, so the measured one sees compiled code, not the JIT warming up.
        assertTimeoutPreemptively(HARD_LIMIT, () -> analyzer.analyze(chinese("warm-up", text)));

        CommuniqueAnalysis analysis = assertTimeoutPreemptively(HARD_LIMIT, () -> {
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            CommuniqueAnalysis result = analyzer.analyze(chinese("big", text));
            Duration cpu = Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - cpuBefore);
            assertThat(cpu).as("CPU time for a megabyte of %s", what).isLessThanOrEqualTo(ONE_CORE_SECOND);
            return result;
        });

        assertWellFormed(analysis);
    }

    static Stream<Arguments> megabyteLinesOfSpacedScripts() {
        return Stream.of(
                Arguments.of("en", "cue after cue", repeat("We will and ", MEGABYTE / 12)),
                Arguments.of("en", "conjunctions without verb", repeat("and ", MEGABYTE / 4)),
                Arguments.of("en", "commas", repeat(", ", MEGABYTE / 2)),
                Arguments.of("en", "dates", repeat("by the end of 9-10 September 2023 ", MEGABYTE / 34)),
                Arguments.of("en", "prepositions without dates", repeat("by the end of ", MEGABYTE / 14)),
                Arguments.of("en", "numbered paragraphs", repeat("1. a. (i) ", MEGABYTE / 10)),
                Arguments.of("en", "abbreviations", repeat("U.S. e.g. ", MEGABYTE / 10)),
                Arguments.of("ru", "agreed lists", repeat("Стороны договорились: — ", MEGABYTE / 24)),
                Arguments.of("ru", "conjunctions", repeat("и ", MEGABYTE / 2)),
                Arguments.of("ru", "years", repeat("до 2030 года ", MEGABYTE / 13)));
    }

    /** The same guard for the profiles of languages that write spaces between words. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("megabyteLinesOfSpacedScripts")
    void analysesAMegabyteOfHostileSpacedTextQuickly(String language, String what, String text) {
        assertTimeoutPreemptively(HARD_LIMIT, () -> analyzer.analyze(new SourceDocument("warm-up", text, null, language, null)));

        CommuniqueAnalysis analysis = assertTimeoutPreemptively(HARD_LIMIT, () -> {
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            CommuniqueAnalysis result = analyzer.analyze(new SourceDocument("big", text, null, language, null));
            Duration cpu = Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - cpuBefore);
            assertThat(cpu).as("CPU time for a megabyte of %s (%s)", what, language).isLessThanOrEqualTo(ONE_CORE_SECOND);
            return result;
        });

        assertWellFormed(analysis);
    }

    /**
     * A megabyte that is one agreed list of 65,000 items: every item becomes a commitment, so this measures
     * the cost per commitment; the bound only guards against a pass that is quadratic in the number of items.
     */
    @Test
    void analysesAMegabyteListOfCommitmentsInLinearTime() {
        String text = repeat("双方", MEGABYTE / 4) + "商定：\n" + repeat("——合作。\n", MEGABYTE / 16);

        CommuniqueAnalysis analysis = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> analyzer.analyze(chinese("list", text)));

        assertThat(analysis.commitments()).hasSize(MEGABYTE / 16);
        assertThat(analysis.commitments().get(0).parties()).isEqualTo(analysis.document().parties());
    }

    @Test
    void survivesRandomMixturesOfTheGenresMarksAndWords() {
        Random random = new Random(20221205);
        List<String> tokens = List.of("——", "—", "《", "》", "〈", "〉", "（", "）", "“", "”", "。", "，", "：", "；", "\n", "\n\n",
                " ", "\f", "\r\n", "— 1 —", "第 3 页", "一", "二、", "十", "1.", "(a) ", "• ", "2022", "２０２３", "年", "月", "日",
                "—20日", "前", "今年", "明年", "双方", "俄方", "商定", "愿", "将", "重申", "签署了以下文件", "联合公报", "总理",
                "上海合作组织", "金砖国家", "中华人民共和国", "雙方", "將", "于", "举行", "电", "1994", "12", "5", "a", "\uD83D", "\u0000");
        Supplier<String> document = () -> {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(400);
            for (int i = 0; i < length; i++) {
                text.append(tokens.get(random.nextInt(tokens.size())));
            }
            return text.toString();
        };
        for (int i = 0; i < 3000; i++) {
            String text = document.get();
            CommuniqueAnalysis analysis = analyzer.analyze(chinese("fuzz-" + i, text));
            assertWellFormed(analysis);
        }
    }

    @Test
    void survivesEveryCutOfTheSeed() {
        String seed = Corpus.text(Corpus.SEED);
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            int start = random.nextInt(seed.length());
            int end = start + random.nextInt(seed.length() - start + 1);
            assertWellFormed(analyzer.analyze(SourceDocument.of("cut-" + i, seed.substring(start, end))));
        }
    }

    private static void assertWellFormed(CommuniqueAnalysis analysis) {
        assertThat(analysis.document()).isNotNull();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < analysis.commitments().size(); i++) {
            Commitment commitment = analysis.commitments().get(i);
            assertThat(commitment.ordinal()).isEqualTo(i + 1);
            assertThat(commitment.id()).matches("cmt-[0-9a-f]{24}");
            assertThat(ids.add(commitment.id())).as("unique id").isTrue();
            assertThat(commitment.kind()).isNotNull();
            assertThat(commitment.text()).isNotBlank().isEqualTo(commitment.text().strip());
            assertThat(commitment.section()).satisfiesAnyOf(s -> assertThat(s).isNull(), s -> assertThat(s).isPositive());
            commitment.instruments().forEach(title -> assertThat(commitment.text()).contains(title));
            for (TimeSpan span : commitment.timeExpressions()) {
                assertThat(commitment.text()).contains(span.text());
                if (span.start() != null && span.end() != null) {
                    assertThat(span.start()).isBeforeOrEqualTo(span.end());
                }
                assertThat(!span.past() || span.end() != null).as("a past span has an end").isTrue();
            }
        }
        assertThat(JsonMapper.builder().build().readTree(AnalysisJson.write(analysis)).get("commitments"))
                .hasSize(analysis.commitments().size());
    }

    /** Read as Chinese whatever its script, so that text without Han characters still meets every rule. */
    private static SourceDocument chinese(String id, String text) {
        return new SourceDocument(id, text, null, "zh", null);
    }

    private static String repeat(String unit, int times) {
        return unit.repeat(times);
    }
}
