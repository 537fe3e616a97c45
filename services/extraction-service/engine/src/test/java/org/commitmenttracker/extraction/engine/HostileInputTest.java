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
 * Whatever the input, the engine returns a well-formed analysis and never throws, and no input makes its work grow
 * faster than the input (a guard against catastrophic regex backtracking and quadratic passes). The guard compares
 * the CPU time of a megabyte with that of a quarter megabyte of the same text, measured in the same test, so it
 * means the same on every machine: linear work gives a ratio of about 4, quadratic work 16. Wall-clock time is
 * bounded only as a hang guard, far above any machine's cost; the figures themselves belong in the benchmark.
 */
class HostileInputTest {
    private static final int MEGABYTE = 1 << 20;
    /**
     * 2.5 times linear and well below quadratic (16): room for cache effects and for a machine loaded by other work
     * (measured 4.0 to 4.7 with both cores of a 2-core machine busy with other work), none for a quadratic pass.
     */
    private static final double MAX_GROWTH = 10.0;
    private static final int MIN_ROUNDS = 2;
    private static final int MAX_ROUNDS = 6;
    private static final Duration HANG_GUARD = Duration.ofMinutes(2);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final CommuniqueAnalyzer analyzer = new CommuniqueAnalyzer();

    static Stream<Arguments> hostileUnits() {
        return Stream.of(
                Arguments.of("dashes", "——"),
                Arguments.of("digits", "2022"),
                Arguments.of("digits and date units", "2022年12月14—"),
                Arguments.of("unclosed brackets", "《“（"),
                Arguments.of("cue after cue", "双方将"),
                Arguments.of("blank lines and page markers", "\n\n— 1 —\n\f"),
                Arguments.of("part numbers", "。\n一\n二、"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileUnits")
    void analysesHostileTextInLinearTime(String what, String unit) {
        assertLinear(what, unit, "zh");
    }

    static Stream<Arguments> hostileUnitsOfSpacedScripts() {
        return Stream.of(
                Arguments.of("en", "cue after cue", "We will and "),
                Arguments.of("en", "conjunctions without verb", "and "),
                Arguments.of("en", "commas", ", "),
                Arguments.of("en", "dates", "by the end of 9-10 September 2023 "),
                Arguments.of("en", "prepositions without dates", "by the end of "),
                Arguments.of("en", "numbered paragraphs", "1. a. (i) "),
                Arguments.of("en", "abbreviations", "U.S. e.g. "),
                Arguments.of("en", "lead-ins and lettered items", "We will: a. b. c. d. "),
                Arguments.of("en", "list items with continuation lines", "-   We will\n    and\n"),
                Arguments.of("ru", "agreed lists", "Стороны договорились: — "),
                Arguments.of("ru", "conjunctions", "и "),
                Arguments.of("ru", "years", "до 2030 года "));
    }

    /** The same guard for the profiles of languages that write spaces between words. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostileUnitsOfSpacedScripts")
    void analysesHostileSpacedTextInLinearTime(String language, String what, String unit) {
        assertLinear(what + " (" + language + ")", unit, language);
    }

    /**
     * One agreed list of 43,000 items (a quarter megabyte): every item becomes a commitment, so the work must
     * grow with the number of items, not with its square.
     */
    @Test
    void analysesALongListOfCommitmentsInLinearTime() {
        String item = "——合作。\n";
        CommuniqueAnalysis analysis = assertLinear("an agreed list", item, "zh", "联合声明\n双方商定：\n", MEGABYTE / 4);

        assertThat(analysis.commitments()).hasSize(MEGABYTE / 4 / item.length());
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
        String seed = Corpus.seedText();
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            int start = random.nextInt(seed.length());
            int end = start + random.nextInt(seed.length() - start + 1);
            assertWellFormed(analyzer.analyze(SourceDocument.of("cut-" + i, seed.substring(start, end))));
        }
    }

    private CommuniqueAnalysis assertLinear(String what, String unit, String language) {
        return assertLinear(what, unit, language, "", MEGABYTE);
    }

    /**
     * Analyses {@code chars} characters of {@code unit} repeated (after {@code lead}) and a quarter of that, and
     * asserts the smallest CPU time of the whole is at most {@value MAX_GROWTH} times the smallest of the quarter.
     * Both sizes are analysed once first, so that neither compiling the code nor growing the heap (page faults are
     * charged to the thread that touches the page) is measured; then the two alternate for {@value MIN_ROUNDS} to
     * {@value MAX_ROUNDS} rounds, stopping once the ratio holds: a noisy neighbour slows single runs, while a
     * quadratic pass makes every run of the whole slow.
     */
    private CommuniqueAnalysis assertLinear(String what, String unit, String language, String lead, int chars) {
        String quarter = lead + unit.repeat(Math.max(1, chars / 4 / unit.length()));
        String whole = lead + unit.repeat(Math.max(1, chars / unit.length()));
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            CommuniqueAnalysis analysis = analyzer.analyze(new SourceDocument("whole", whole, null, language, null));
            analyzer.analyze(new SourceDocument("quarter", quarter, null, language, null));
            long quarterCpu = Long.MAX_VALUE;
            long wholeCpu = Long.MAX_VALUE;
            for (int round = 1; round <= MAX_ROUNDS; round++) {
                quarterCpu = Math.min(quarterCpu, cpuNanos(quarter, language));
                wholeCpu = Math.min(wholeCpu, cpuNanos(whole, language));
                if (round >= MIN_ROUNDS && growth(wholeCpu, quarterCpu) <= MAX_GROWTH) {
                    break;
                }
            }
            assertThat(growth(wholeCpu, quarterCpu)).as("CPU time of 4x the text of %s, relative to 1x (%d ms / %d ms)",
                    what, wholeCpu / 1_000_000, quarterCpu / 1_000_000).isLessThanOrEqualTo(MAX_GROWTH);
            assertWellFormed(analysis);
            return analysis;
        });
    }

    /** A floor of one millisecond keeps timer resolution from deciding the ratio of trivial work. */
    private static double growth(long wholeCpu, long quarterCpu) {
        return (double) Math.max(wholeCpu, 1_000_000) / Math.max(quarterCpu, 1_000_000);
    }

    private long cpuNanos(String text, String language) {
        long before = THREADS.getCurrentThreadCpuTime();
        analyzer.analyze(new SourceDocument("quarter", text, null, language, null));
        return THREADS.getCurrentThreadCpuTime() - before;
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
}
