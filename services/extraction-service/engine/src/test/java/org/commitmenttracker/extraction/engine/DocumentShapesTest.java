package org.commitmenttracker.extraction.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Communiqués of other shapes than the seed: another pair of states, parts numbered "一、", lists ending in
 * semicolons, one-party subjects, each rendered as users paste it; Traditional script; a prose-only wire
 * report where "——" joins names.
 */
class DocumentShapesTest {
    private static final List<String> DECLARATION = List.of(
            "中华人民共和国和吉尔吉斯共和国联合声明",
            "2023年5月18日，中华人民共和国主席习近平和吉尔吉斯共和国总统扎帕罗夫在西安举行会谈。",
            "一、双方积极评价两国关系发展成果。双方将继续在上海合作组织框架内加强协作。",
            "二、双方商定：",
            "——2024—2026年共同实施《中吉经贸合作规划》；",
            "——于明年举办第三届中吉商务论坛；",
            "——加强在世界贸易组织框架内的协调。",
            "三、吉方重申支持中方在台湾问题上的立场。中方支持吉方维护国家独立。",
            "本声明由中华人民共和国主席习近平和吉尔吉斯共和国总统扎帕罗夫共同签署。");

    private static final List<String> DECLARATION_TRADITIONAL = List.of(
            "中華人民共和國和吉爾吉斯共和國聯合聲明",
            "2023年5月18日，中華人民共和國主席習近平和吉爾吉斯共和國總統扎帕羅夫在西安舉行會談。",
            "一、雙方積極評價兩國關係發展成果。雙方將繼續在上海合作組織框架內加強協作。",
            "二、雙方商定：",
            "——2024—2026年共同實施《中吉經貿合作規劃》；",
            "——於明年舉辦第三屆中吉商務論壇；",
            "——加強在世界貿易組織框架內的協調。",
            "三、吉方重申支持中方在臺灣問題上的立場。中方支持吉方維護國家獨立。",
            "本聲明由中華人民共和國主席習近平和吉爾吉斯共和國總統扎帕羅夫共同簽署。");

    private final CommuniqueAnalyzer analyzer = new CommuniqueAnalyzer();

    static Stream<Arguments> renderings() {
        return Stream.of(
                Arguments.of("one paragraph per line", Layouts.lines(DECLARATION)),
                Arguments.of("wire copy, newlines collapsed", Layouts.wire(DECLARATION)),
                Arguments.of("PDF: wrapped, blank lines, page markers", Layouts.pdf(DECLARATION, 17, 4)),
                Arguments.of("wrapped, blank lines between paragraphs", Layouts.wrappedWithBlankLinesBetweenParagraphs(DECLARATION, 13)),
                Arguments.of("full-width digits, spaces around digits", Layouts.fullWidthSpacedDigits(Layouts.pdf(DECLARATION, 19, 3))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void readsTheDeclarationWhateverItsLayout(String rendering, String text) {
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("kg-2023", text));

        assertThat(analysis.document()).isEqualTo(new DocumentMetadata("中华人民共和国和吉尔吉斯共和国联合声明", "zh",
                LocalDate.of(2023, 5, 18), List.of("CN", "KG"), List.of("习近平", "扎帕罗夫"), "会谈"));
        assertThat(analysis.commitments()).extracting(Commitment::kind, Commitment::section, Commitment::text, Commitment::parties)
                .containsExactly(
                        tuple(Commitment.Kind.NARRATIVE, 1, "双方将继续在上海合作组织框架内加强协作。", List.of("CN", "KG")),
                        tuple(Commitment.Kind.BULLET, 2, "2024—2026年共同实施《中吉经贸合作规划》；", List.of("CN", "KG")),
                        tuple(Commitment.Kind.BULLET, 2, "于明年举办第三届中吉商务论坛；", List.of("CN", "KG")),
                        tuple(Commitment.Kind.BULLET, 2, "加强在世界贸易组织框架内的协调。", List.of("CN", "KG")),
                        tuple(Commitment.Kind.NARRATIVE, 3, "吉方重申支持中方在台湾问题上的立场。", List.of("KG")),
                        tuple(Commitment.Kind.NARRATIVE, 3, "中方支持吉方维护国家独立。", List.of("CN")));
        assertThat(analysis.commitments().get(0).organisations()).containsExactly("SCO");
        assertThat(analysis.commitments().get(1).instruments()).containsExactly("中吉经贸合作规划");
        assertThat(analysis.commitments().get(1).timeExpressions()).extracting(TimeSpan::text, TimeSpan::start, TimeSpan::end, TimeSpan::past)
                .containsExactly(tuple("2024—2026年", LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31), false));
        assertThat(analysis.commitments().get(2).timeExpressions()).extracting(TimeSpan::text, TimeSpan::start, TimeSpan::end, TimeSpan::past)
                .containsExactly(tuple("明年", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), false));
        assertThat(analysis.commitments().get(3).organisations()).containsExactly("WTO");
    }

    @Test
    void readsTraditionalScriptAndReturnsTheTextAsWritten() {
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("kg-2023-hant", Layouts.pdf(DECLARATION_TRADITIONAL, 17, 4)));

        assertThat(analysis.document().title()).isEqualTo("中華人民共和國和吉爾吉斯共和國聯合聲明");
        assertThat(analysis.document().date()).isEqualTo(LocalDate.of(2023, 5, 18));
        assertThat(analysis.document().parties()).containsExactly("CN", "KG");
        assertThat(analysis.document().signatories()).containsExactly("習近平", "扎帕羅夫");
        assertThat(analysis.commitments()).extracting(Commitment::kind, Commitment::text, Commitment::parties)
                .containsExactly(
                        tuple(Commitment.Kind.NARRATIVE, "雙方將繼續在上海合作組織框架內加強協作。", List.of("CN", "KG")),
                        tuple(Commitment.Kind.BULLET, "2024—2026年共同實施《中吉經貿合作規劃》；", List.of("CN", "KG")),
                        tuple(Commitment.Kind.BULLET, "於明年舉辦第三屆中吉商務論壇；", List.of("CN", "KG")),
                        tuple(Commitment.Kind.BULLET, "加強在世界貿易組織框架內的協調。", List.of("CN", "KG")),
                        tuple(Commitment.Kind.NARRATIVE, "吉方重申支持中方在臺灣問題上的立場。", List.of("KG")),
                        tuple(Commitment.Kind.NARRATIVE, "中方支持吉方維護國家獨立。", List.of("CN")));
        assertThat(analysis.commitments()).flatExtracting(Commitment::organisations).containsExactly("SCO", "WTO");
        assertThat(analysis.commitments().get(1).instruments()).containsExactly("中吉經貿合作規劃");
    }

    private static final String WIRE_REPORT = """
            新华社北京11月30日电 中国—中亚峰会筹备工作会议30日在北京举行。会议指出，“中国——中亚”合作机制成立以来成果丰硕。与会各方表示，将于明年在西安举办中国
            ——中亚峰会。双方同意加强“一带一路”——欧亚经济联盟对接合作。
            """;

    @Test
    void findsNoBulletInAProseReportWhereDashesJoinNames() {
        CommuniqueAnalysis analysis = analyzer.analyze(
                new SourceDocument("wire-1", WIRE_REPORT, null, null, LocalDate.of(2023, 12, 1)));

        assertThat(analysis.commitments()).extracting(Commitment::kind).containsOnly(Commitment.Kind.NARRATIVE);
        assertThat(analysis.commitments()).extracting(Commitment::text).containsExactly(
                "将于明年在西安举办中国——中亚峰会。", "双方同意加强“一带一路”——欧亚经济联盟对接合作。");
        assertThat(analysis.commitments().get(1).organisations()).containsExactly("EAEU");
    }

    @Test
    void datesAWireReportByItsDatelineAndTheYearItWasPublished() {
        CommuniqueAnalysis analysis = analyzer.analyze(
                new SourceDocument("wire-1", WIRE_REPORT, null, null, LocalDate.of(2023, 12, 1)));

        assertThat(analysis.document().date()).isEqualTo(LocalDate.of(2023, 11, 30));
        assertThat(analysis.commitments().get(0).timeExpressions()).extracting(TimeSpan::text, TimeSpan::start, TimeSpan::end, TimeSpan::past)
                .containsExactly(tuple("明年", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), false));
    }

    @Test
    void takesTheYearOfADatelineFromTheTextWhenNoPublicationDateIsGiven() {
        String report = WIRE_REPORT.replace("成立以来", "自2013年成立以来");

        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("wire-2", report));

        assertThat(analysis.document().date()).isEqualTo(LocalDate.of(2013, 11, 30));
    }

    @Test
    void leavesTextOfALanguageWithoutProfileWithoutCommitmentsRatherThanReadingItWithOtherCues() {
        CommuniqueAnalysis analysis = analyzer.analyze(new SourceDocument("fr-1",
                "Déclaration commune\n\nLes parties sont convenues de :\n- développer le commerce.", null, "fr-FR", null));

        assertThat(analysis.document().language()).isEqualTo("fr");
        assertThat(analysis.commitments()).isEmpty();
    }

    @Test
    void readsEnglishWithItsOwnProfileNowThatItHasOne() {
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("en-1", "Joint Statement\n\nThe sides agreed to:\n- expand trade."));

        assertThat(analysis.document().language()).isEqualTo("en");
        assertThat(analysis.commitments()).extracting(Commitment::text).containsExactly("expand trade.");
    }
}
