package org.commitmenttracker.extraction.engine.language.zh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.commitmenttracker.extraction.engine.Commitment;
import org.commitmenttracker.extraction.engine.CommuniqueAnalysis;
import org.commitmenttracker.extraction.engine.CommuniqueAnalyzer;
import org.commitmenttracker.extraction.engine.DocumentMetadata;
import org.commitmenttracker.extraction.engine.SourceDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chinese statements as the genre writes them, each in Simplified and Traditional script: a title of two lines,
 * the date of the closing line, short forms that several states share, list items whose sentences have
 * different subjects.
 */
class ChineseProfileTest {
    private static final String SIMPLIFIED = """
            中华人民共和国和阿曼苏丹国
            关于深化友好合作关系的联合声明
            　　应中华人民共和国主席邀请，阿曼苏丹国苏丹于2024年5月8日至10日对中国进行国事访问。
            　　双方商定：
            　　——阿方欢迎中方企业参与港口建设，愿提供便利条件。
            　　——中方感谢阿方支持举办博览会。阿方将派代表团参加。
            　　——加强在世界贸易组织框架内的协调。
            　　2024年5月10日于北京
            """;

    private static final String TRADITIONAL = """
            中華人民共和國和阿曼蘇丹國
            關於深化友好合作關係的聯合聲明
            　　應中華人民共和國主席邀請，阿曼蘇丹國蘇丹於2024年5月8日至10日對中國進行國事訪問。
            　　雙方商定：
            　　——阿方歡迎中方企業參與港口建設，願提供便利條件。
            　　——中方感謝阿方支持舉辦博覽會。阿方將派代表團參加。
            　　——加強在世界貿易組織框架內的協調。
            　　2024年5月10日於北京
            """;

    private final CommuniqueAnalyzer analyzer = new CommuniqueAnalyzer();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {SIMPLIFIED, TRADITIONAL})
    void readsTheTitleOfTwoLinesTheClosingDateAndWhoEachItemBinds(String text) {
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("om-2024", text));

        assertThat(analysis.document().title()).isEqualTo(text.lines().limit(2).reduce("", String::concat));
        assertThat(analysis.document().date()).isEqualTo(LocalDate.of(2024, 5, 10));
        assertThat(analysis.document().parties()).containsExactly("CN", "OM");
        assertThat(analysis.commitments()).extracting(Commitment::parties).containsExactly(
                List.of("OM"), List.of("CN", "OM"), List.of("CN", "OM"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "中俄总理第二十七次定期会晤联合公报|中俄总理第二十七次定期会晤",
            "中华人民共和国和哈萨克斯坦共和国关于深化全面战略伙伴关系的联合声明|",
            "中華人民共和國和哈薩克斯坦共和國關於深化全面戰略夥伴關係的聯合聲明|",
    })
    void namesTheMeetingOnlyWhereTheTitleNamesOne(String title, String meeting) {
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("kz-title", title + "\n双方将加强港口合作。\n"));

        assertThat(analysis.document().meeting()).isEqualTo(meeting);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "新华社北京5月10日电　中华人民共和国和阿曼苏丹国联合声明（全文）\\n　　双方将加强港口合作。|中华人民共和国和阿曼苏丹国联合声明",
            "新華社北京5月10日電　中華人民共和國和阿曼蘇丹國聯合聲明（全文）\\n　　雙方將加強港口合作。|中華人民共和國和阿曼蘇丹國聯合聲明",
    })
    void takesAWireDatelineOffTheTitleAndDatesTheDocumentByIt(String text, String title) {
        CommuniqueAnalysis analysis = analyzer.analyze(new SourceDocument("om-wire", text.replace("\\n", "\n"), null, null,
                LocalDate.of(2024, 5, 11)));

        assertThat(analysis.document().title()).isEqualTo(title);
        assertThat(analysis.document().date()).isEqualTo(LocalDate.of(2024, 5, 10));
        assertThat(analysis.commitments()).hasSize(1);
    }

    /**
     * A news repost: a lead, a headline or a source line and a wire dateline above the document's own title,
     * then its date on a line of its own (Chinese numerals with the zeros copies write: 〇, ○, 0).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "本报讯 联合声明全文如下：NL甲乙两国联合声明NL二〇二一年三月五日NL双方将加强港口合作，扩大航线网络，为两国企业往来提供更多便利。NL双方愿深化人文交流，鼓励两国青年、媒体和智库开展交流合作。|甲乙两国联合声明|2021-03-05",
            "來源：新華網NL新華社北京3月5日電NL甲乙兩國聯合聲明NL二○二一年三月五日NL雙方將加強港口合作，擴大航線網絡，為兩國企業往來提供更多便利。NL雙方願深化人文交流，鼓勵兩國青年、媒體和智庫開展交流合作。|甲乙兩國聯合聲明|2021-03-05",
            "甲乙两国发表联合声明NL两国元首会谈后发表联合声明。全文如下：NL甲乙两国联合声明NL二00九年十一月十七日，北京NL双方将加强港口合作，扩大航线网络，为两国企业往来提供更多便利。NL双方愿深化人文交流，鼓励两国青年、媒体和智库开展交流合作。|甲乙两国联合声明|2009-11-17",
            "甲乙两国联合新闻公报（全文）NL新华社北京3月5日电NL甲乙两国联合新闻公报NL两国外长举行会谈。双方将加强港口合作，扩大航线网络，为两国企业往来提供更多便利。NL双方愿深化人文交流，鼓励两国青年、媒体和智库开展交流合作。|甲乙两国联合新闻公报|",
    })
    void findsTheOwnTitleAndDateOfADocumentBelowTheLinesOfANewsRepost(String text, String title, String date) {
        CommuniqueAnalysis analysis = analyzer.analyze(new SourceDocument("repost", text.replace("NL", "\n\n"), null, null,
                LocalDate.of(2021, 3, 6)));

        assertThat(analysis.document().title()).isEqualTo(title);
        assertThat(analysis.document().date()).isEqualTo(date == null ? LocalDate.of(2021, 3, 5) : LocalDate.parse(date));
        assertThat(analysis.commitments()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "为深化互联互通，双方将加快口岸基础设施建设。|为深化互联互通，双方将加快口岸基础设施建设。|CN KZ",
            "為深化互聯互通，雙方將加快口岸基礎設施建設。|為深化互聯互通，雙方將加快口岸基礎設施建設。|CN KZ",
            "两国外交部将于年内举行新一轮磋商。|两国外交部将于年内举行新一轮磋商。|CN KZ",
            "兩國外交部將於年內舉行新一輪磋商。|兩國外交部將於年內舉行新一輪磋商。|CN KZ",
            "中方有关部门愿为哈方企业提供便利。|中方有关部门愿为哈方企业提供便利。|CN",
            "中方有關部門願為哈方企業提供便利。|中方有關部門願為哈方企業提供便利。|CN",
            "双方计划明年举办投资论坛。|双方计划明年举办投资论坛。|CN KZ",
            "雙方計劃明年舉辦投資論壇。|雙方計劃明年舉辦投資論壇。|CN KZ",
            "双方恪守睦邻友好原则。|双方恪守睦邻友好原则。|CN KZ",
            "双方积极评价合作成果，重申坚持互利共赢。|重申坚持互利共赢。|CN KZ",
            "双方重申恪守《联合国宪章》宗旨和原则。|双方重申恪守《联合国宪章》宗旨和原则。|CN KZ",
            "雙方強調堅持多邊主義。|雙方強調堅持多邊主義。|CN KZ",
            "中国将于明年举办投资论坛。|中国将于明年举办投资论坛。|CN",
            "双方同意，将于明年举办投资论坛。|双方同意，将于明年举办投资论坛。|CN KZ",
            // agreeing to an action: the clause after the comma opens with a verb of action
            "双方同意，保持高层往来，加强政党交流。|双方同意，保持高层往来，加强政党交流。|CN KZ",
            "雙方同意,保持高層往來,加強政黨交流。|雙方同意,保持高層往來,加強政黨交流。|CN KZ",
            // a conjunction goes on with the sentence's subject and a cue of its own
            "双方欢迎签署港口合作文件，并将通过该文件深化合作。|并将通过该文件深化合作。|CN KZ",
            "雙方歡迎簽署港口合作文件,並將通過該文件深化合作。|並將通過該文件深化合作。|CN KZ",
            // tasking, a policy pursued, an office-holder as agent
            "双方责成两国有关部门研究落实措施。|双方责成两国有关部门研究落实措施。|CN KZ",
            "中方奉行互利共赢的开放战略。|中方奉行互利共赢的开放战略。|CN",
            "两国外交部长将于明年举行会晤。|两国外交部长将于明年举行会晤。|CN KZ",
            // the reaffirmed importance of an action pledges it
            "双方重申维护地区和平稳定的重要性。|双方重申维护地区和平稳定的重要性。|CN KZ",
            "雙方重申相互堅定支持對方發展道路的重要性。|雙方重申相互堅定支持對方發展道路的重要性。|CN KZ",
            "哈萨克斯坦共和国和中华人民共和国将于明年互设领事馆。|哈萨克斯坦共和国和中华人民共和国将于明年互设领事馆。|KZ CN",
            "哈薩克斯坦共和國與「中華人民共和國」將於明年互設領事館。|哈薩克斯坦共和國與「中華人民共和國」將於明年互設領事館。|KZ CN",
    })
    void findsPledgesByTheirCueVerbAgentOrLeadingPurpose(String sentence, String commitment, String parties) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("kz-cues",
                "中华人民共和国和哈萨克斯坦共和国联合声明\n" + sentence + "\n")).commitments();

        assertThat(found).extracting(Commitment::text).containsExactly(commitment);
        assertThat(found.get(0).parties()).containsExactlyElementsOf(List.of(parties.split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "两国贸易额将创历史新高。",
            "兩國貿易額將創歷史新高。",
            "双方积极评价两国政府间合作成果。",
            "双方重申两国关系处于历史最好水平。",
            "双方强调合作成果丰硕。",
            "中国经济将保持稳定增长。",
            "双方同意，健康稳定的两国关系符合两国人民的根本利益。",
            "两国元首2001年发表的联合声明指出，双方将加强边境合作。",
            "兩國元首2001年發表的聯合聲明強調，雙方將加強邊境合作。",
            "雙方一致同意，兩國關係處於歷史最好時期。",
            "双方同意，两国合作潜力巨大。",
            "双方指出，并非所有问题都已解决。",
            "双方欢迎签署港口合作文件，并对合作前景充满信心。",
            "哈萨克斯坦人民将迎来独立纪念日。",
            "双方重申两国关系的重要性。",
    })
    void findsNoPledgeInPredictionsOrAppraisals(String sentence) {
        assertThat(analyzer.analyze(SourceDocument.of("kz-none", "中华人民共和国和哈萨克斯坦共和国联合声明\n" + sentence + "\n"))
                .commitments()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2019年，双方商定建立联合工作组。|''",
            "此前，双方同意扩大农产品贸易。|''",
            "2019年，双方商定建立联合工作组，双方将继续推进其工作。|双方将继续推进其工作。",
            "2023年，双方同意扩大农产品贸易。|双方同意扩大农产品贸易。",
            "在2019年会晤成果基础上，双方商定建立联合工作组。|在2019年会晤成果基础上，双方商定建立联合工作组。",
    })
    void readsAnAgreementItsSentencePlacesInAnEarlierYearAsARecount(String sentence, String pledge) {
        List<Commitment> found = analyzer.analyze(new SourceDocument("kz-recount",
                "中华人民共和国和哈萨克斯坦共和国联合声明\n" + sentence + "\n", null, "zh", LocalDate.of(2023, 5, 18)))
                .commitments();

        assertThat(found).extracting(Commitment::text).containsExactlyElementsOf(pledge.isEmpty() ? List.of() : List.of(pledge));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "中华人民共和国和哈萨克斯坦共和国联合声明NL双方商定：NL加强海关合作。NL扩大农产品贸易。NL双方对会谈成果表示满意。|加强海关合作。|扩大农产品贸易。",
            "中華人民共和國和哈薩克斯坦共和國聯合聲明NL雙方商定：NL加強海關合作。NL擴大農產品貿易。NL雙方對會談成果表示滿意。|加強海關合作。|擴大農產品貿易。",
    })
    void readsLinesWithoutMarkersAfterAnAgreementAsItsItems(String text, String first, String second) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("kz-lines", text.replace("NL", "\n"))).commitments();

        assertThat(found).extracting(Commitment::kind, Commitment::text).containsExactly(
                tuple(Commitment.Kind.BULLET, first), tuple(Commitment.Kind.BULLET, second));
    }

    private static final String SUB_ITEMS = """
            中华人民共和国和智利共和国联合声明
            　　2024年4月2日，两国元首在北京举行会谈。
            　　一、政治领域
            　　（一）双方将保持高层交往。
            　　(二)中方愿为智方留学生提供奖学金。
            　　二、经贸合作
            　　双方商定：
            　　（一）2025年上半年举行经贸混委会会议；
            　　（二）二〇二五年底前完成自贸协定升级谈判。
            　　三、会谈后，双方签署了《中智两国政府关于农业合作的协定》和《中智海关关于检疫合作的备忘录》。双方将签署《中智两国政府关于航空运输的协定》。
            """;

    private static final String SUB_ITEMS_TRADITIONAL = """
            中華人民共和國和智利共和國聯合聲明
            　　2024年4月2日，兩國元首在北京舉行會談。
            　　一、政治領域
            　　（一）雙方將保持高層交往。
            　　(二)中方願為智方留學生提供獎學金。
            　　二、經貿合作
            　　雙方商定：
            　　（一）2025年上半年舉行經貿混委會會議；
            　　（二）二〇二五年底前完成自貿協定升級談判。
            　　三、會談後，雙方簽署了《中智兩國政府關於農業合作的協定》和《中智海關關於檢疫合作的備忘錄》。雙方將簽署《中智兩國政府關於航空運輸的協定》。
            """;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {SUB_ITEMS, SUB_ITEMS_TRADITIONAL})
    void readsSubItemsNumberedInBracketsPartTitlesOnTheirOwnLineAndSigningsReportedInRunningText(String text) {
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("cl-2024", text));

        // Under a part without lead-in, numbered sub-items are running text; after "双方商定：" agreed items.
        assertThat(analysis.commitments()).extracting(Commitment::kind, Commitment::section).containsExactly(
                tuple(Commitment.Kind.NARRATIVE, 1), tuple(Commitment.Kind.NARRATIVE, 1),
                tuple(Commitment.Kind.BULLET, 2), tuple(Commitment.Kind.BULLET, 2), tuple(Commitment.Kind.NARRATIVE, 3));
        assertThat(analysis.commitments()).extracting(Commitment::text).allMatch(t -> !t.startsWith("（") && !t.startsWith("("));
        assertThat(analysis.commitments().get(2).timeExpressions()).extracting(t -> t.start() + "/" + t.end())
                .containsExactly("2025-01-01/2025-06-30");
        assertThat(analysis.commitments().get(3).timeExpressions()).extracting(t -> t.start() + "/" + t.end())
                .containsExactly("null/2025-12-31");
        // Signed: reported with a past signing verb; "将签署" is a pledge, with its instrument.
        assertThat(analysis.signedInstruments()).hasSize(2);
        assertThat(analysis.signedInstruments()).allMatch(t -> t.startsWith("中智") && !t.contains("航空"));
        assertThat(analysis.commitments().get(4).instruments()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "中国和秘鲁联合声明（摘要）\n　　2024年11月15日，两国元首举行会谈。\n　　七、双方将加强人文交流，互办文化年。八、双方同意在联合国框架内加强协调。\n",
            "中國和秘魯聯合聲明（摘要）\n　　2024年11月15日，兩國元首舉行會談。\n　　七、雙方將加強人文交流，互辦文化年。八、雙方同意在聯合國框架內加強協調。\n",
    })
    void readsAnExcerptThatStartsAtALaterPartAndPartNumbersInlineInRunningText(String text) {
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("pe-2024", text));

        assertThat(analysis.commitments()).extracting(Commitment::section).containsExactly(7, 8);
        assertThat(analysis.commitments()).extracting(Commitment::text).allMatch(t -> t.startsWith("双方") || t.startsWith("雙方"));
        assertThat(analysis.commitments().get(1).organisations()).containsExactly("UN");
    }

    /** A declaration of an organisation's members: "成员国" pledge for all of them, and no states are named. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"成员国将加强能源合作。", "各成员国愿深化人文交流。", "成員國將加強能源合作。"})
    void readsTheMemberStatesOfAnOrganisationAsTheSubjectOfItsDeclaration(String sentence) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("sco", "上海合作组织成员国元首理事会宣言\n" + sentence + "\n"))
                .commitments();

        assertThat(found).extracting(Commitment::text).containsExactly(sentence);
        assertThat(found.get(0).parties()).isEmpty();
    }

    /** What a news repost says above the document's own title (its lead) is no commitment of the document. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "中评社北京3月5日电/两国将发表声明。全文如下：NL甲乙两国联合声明NL（2021年3月5日，北京）NL双方将加强港口合作，扩大航线网络，为两国企业往来提供更多便利，并推动两国海关、检验检疫等部门加强合作。NL双方愿深化人文交流，鼓励两国青年、媒体和智库开展交流合作。",
            "中評社北京3月5日電/兩國將發表聲明。全文如下：NL甲乙兩國聯合聲明NL（2021年3月5日，北京）NL雙方將加強港口合作，擴大航線網絡，為兩國企業往來提供更多便利，並推動兩國海關、檢驗檢疫等部門加強合作。NL雙方願深化人文交流，鼓勵兩國青年、媒體和智庫開展交流合作。",
    })
    void takesNoCommitmentFromTheLeadOfANewsRepost(String text) {
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("lead", text.replace("NL", "\n\n")));

        assertThat(analysis.commitments()).hasSize(2).allMatch(c -> c.text().startsWith("双方") || c.text().startsWith("雙方"));
        assertThat(analysis.document().date()).isEqualTo(LocalDate.of(2021, 3, 5));
    }

    /** A name after an office title ends where a verb of meeting or saying starts ("…副总理举行了会谈"). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "甲乙两国联合声明NL应乙国政府邀请，甲国总理王明于2021年3月1日访问乙国，与乙国副总理举行了会谈。NL双方将加强港口合作。",
            "甲乙兩國聯合聲明NL應乙國政府邀請，甲國總理王明於2021年3月1日訪問乙國，與乙國副總理舉行了會談。NL雙方將加強港口合作。",
            "甲乙两国联合声明NL应乙国政府邀请，甲国总理王明于2021年3月1日访问乙国。两国总理强调，将加强港口合作。",
    })
    void endsASignatoryNameWhereAVerbOfMeetingOrSayingStarts(String text) {
        List<String> signatories = analyzer.analyze(SourceDocument.of("names", text.replace("NL", "\n"))).document().signatories();

        assertThat(signatories).containsOnly("王明");
    }

    /** "应…总理王明的邀请" names 王明; "举行了会谈" held a 会谈, in both scripts. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "甲乙两国联合声明NL应甲国总理王明的邀请，乙国总理李华于2021年3月1日访问甲国，两国总理举行了会谈。NL双方将加强港口合作。",
            "甲乙兩國聯合聲明NL應甲國總理王明的邀請，乙國總理李華於2021年3月1日訪問甲國，兩國總理舉行了會談。NL雙方將加強港口合作。",
    })
    void readsTheNameBeforeAPossessiveAndTheMeetingAfterAPerfectiveParticle(String text) {
        DocumentMetadata document = analyzer.analyze(SourceDocument.of("visit", text.replace("NL", "\n"))).document();

        assertThat(document.signatories()).containsExactlyInAnyOrder("王明", text.contains("李華") ? "李華" : "李华");
        assertThat(document.meeting()).isIn("会谈", "會談");
    }

    /**
     * "（一）…是：" under an agreement is the lead-in of the items numbered under it ("一、", "1.", a separator
     * set apart: "一 、"), not an item itself; those numbers are items of the nested list, not the document's parts.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "甲乙两国联合声明NL双方达成以下共识：NL（一）合作的基本原则是：NL一、加强港口合作。NL二 、扩大农产品贸易。NL（二）合作的主要领域如下：NL1.深化教育交流。NL2.推动旅游合作。",
            "甲乙兩國聯合聲明NL雙方達成以下共識：NL（一）合作的基本原則是：NL一、加強港口合作。NL二 、擴大農產品貿易。NL（二）合作的主要領域如下：NL1.深化教育交流。NL2.推動旅遊合作。",
    })
    void readsItemsNumberedUnderASubLeadInAsItemsOfANestedList(String text) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("nested", text.replace("NL", "\n\n"))).commitments();

        assertThat(found).extracting(Commitment::kind).containsOnly(Commitment.Kind.BULLET).hasSize(4);
        assertThat(found).extracting(Commitment::section).containsOnlyNulls();
        assertThat(found).extracting(Commitment::text).allMatch(t -> !t.endsWith("：") && !t.startsWith("、"))
                .anyMatch(t -> t.startsWith("扩大") || t.startsWith("擴大"));
    }

    /** Without an item that leads in, the same numbers after an agreement are the document's parts. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "甲乙两国联合声明NL双方达成以下共识：NL一、双方将加强港口合作。NL二、双方将扩大农产品贸易。",
            "甲乙兩國聯合聲明NL雙方達成以下共識：NL一、雙方將加強港口合作。NL二、雙方將擴大農產品貿易。",
    })
    void keepsNumbersAfterALeadInThatIsNoItemAsParts(String text) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("parts-after-lead", text.replace("NL", "\n\n"))).commitments();

        assertThat(found).extracting(Commitment::section).containsExactly(1, 2);
    }

    /**
     * A lead-in paragraph whose subject is the parties jointly and that takes on "the following work / points /
     * consensus" agrees the list, and "一、" right after it, going on from it without a subject of its own, opens
     * that list rather than the document's parts.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "甲乙两党会谈公报NL为此，两党共同推动以下工作：NL一、加强港口合作。NL二、扩大农产品贸易。NL三、深化教育交流。NL会谈在友好气氛中进行。",
            "甲乙兩黨會談公報NL為此，兩黨共同推動以下工作：NL一、加強港口合作。NL二、擴大農產品貿易。NL三、深化教育交流。NL會談在友好氣氛中進行。",
            "甲乙两国联合声明NL双方经过会谈，达成如下共识：NL一、加强港口合作。NL二、扩大农产品贸易。NL三、深化教育交流。",
    })
    void readsPartNumbersAfterAJointLeadInAsItsAgreedItems(String text) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("joint-work", text.replace("NL", "\n\n"))).commitments();

        assertThat(found).extracting(Commitment::kind).containsOnly(Commitment.Kind.BULLET).hasSize(3);
        assertThat(found).extracting(Commitment::section).containsOnlyNulls();
        assertThat(found).extracting(Commitment::text).allMatch(t -> !t.startsWith("一") && !t.startsWith("、"));
    }

    /** A lead-in that reports the points that follow ("双方强调以下几点：") agrees nothing. */
    @Test
    void readsNoAgreedListAfterALeadInThatReportsThePoints() {
        String text = "甲乙两国联合声明NL双方强调以下几点：NL一、加强港口合作。NL二、扩大农产品贸易。";

        List<Commitment> found = analyzer.analyze(SourceDocument.of("points", text.replace("NL", "\n\n"))).commitments();

        assertThat(found).extracting(Commitment::kind).doesNotContain(Commitment.Kind.BULLET);
    }

    /**
     * After a preamble that announces nothing ("…举行会谈：") "1." numbers the document's paragraphs, and after one
     * that announces the statement ("声明如下：") a part title ("一、港口领域") opens its parts.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "甲乙两国联合声明NL甲国总统和乙国总统在北京举行会谈：NL1.双方将加强港口合作。NL2.双方将扩大农产品贸易。",
            "甲乙两国联合声明NL双方声明如下：NL一、港口领域NL双方将加强港口合作。NL二、农业领域NL双方将扩大农产品贸易。",
    })
    void keepsTheDocumentsNumberingAfterAPreamble(String text) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("preamble", text.replace("NL", "\n\n"))).commitments();

        assertThat(found).extracting(Commitment::section).containsExactly(1, 2);
    }

    /**
     * A web copy's numeric page date above the opening ("2021/03/05", "2021-03-05 16:41:56", also above a
     * repost's own title) is the day the statement was issued; without one, the opening's first date.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "甲乙两国联合声明（全文）NL2021/03/05NL应甲国政府邀请，乙国政府总理于2021年3月3日至5日对甲国进行正式访问，两国总理举行了会谈，就双边关系深入交换意见。NL双方将加强港口合作。|2021-03-05",
            "甲乙两国总理会晤联合公报（全文）NL2021-03-05 16:41:56  新华社NL新华社北京3月5日电NL甲乙两国总理会晤联合公报NL应甲国政府邀请，乙国政府总理于2021年3月3日至5日对甲国进行正式访问，两国总理举行了会谈，就双边关系深入交换意见。NL双方将加强港口合作。|2021-03-05",
            "甲乙兩國聯合聲明NLhttp://www.example.com   2021-03-05 21:06:05NL應甲國政府邀請，乙國政府總理於2021年3月3日至5日對甲國進行正式訪問，兩國總理舉行了會談，就雙邊關係深入交換意見。NL雙方將加強港口合作。|2021-03-05",
            "甲乙两国联合声明（全文）NL应甲国政府邀请，乙国政府总理于2021年3月3日至5日对甲国进行正式访问，两国总理举行了会谈，就双边关系深入交换意见。NL双方将加强港口合作。|2021-03-05",
            "甲乙两国联合声明（全文）NL2021/13/45NL应甲国政府邀请，乙国政府总理于2021年3月3日至5日对甲国进行正式访问，两国总理举行了会谈，就双边关系深入交换意见。NL双方将加强港口合作。|2021-03-05",
            // a wire dateline gives the day of issue within the visit, on a line of its own or opening the lead
            "新华社北京3月4日电NL甲乙两国联合声明NL应甲国政府邀请，乙国政府总理于2021年3月2日至6日对甲国进行正式访问，两国总理举行了会谈。NL双方将加强港口合作。|2021-03-04",
            "中評社北京3月4日電/甲乙兩國4日發表聯合聲明。全文如下:NL甲乙兩國聯合聲明NL應甲國政府邀請,乙國政府總理於2021年3月2日至6日對甲國進行正式訪問,兩國總理舉行了會談。NL雙方將加強港口合作。|2021-03-04",
    })
    void datesANewsCopyByItsPageDateOrDatelineElseByTheVisitsLastDay(String text, String date) {
        DocumentMetadata document = analyzer.analyze(SourceDocument.of("page-date", text.replace("NL", "\n\n"))).document();

        assertThat(document.date()).isEqualTo(LocalDate.parse(date));
    }

    /** A time adverb before the subject ("今后…"), and the states' short forms before "两国" ("中日两国") as subject. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "今后双方将加强港口合作。|true",
            "今後中日兩國將加強港口合作。|true",
            "中日两国将扩大农产品贸易。|true",
            "今后经济将持续增长。|false",
            "中日关系将进一步发展。|false",
    })
    void readsASubjectAfterATimeAdverbOrTheStatesShortForms(String sentence, boolean pledge) {
        String text = "中华人民共和国和日本国联合声明\n应日本国政府邀请，中华人民共和国国务院总理于2021年3月3日至5日对日本进行正式访问。\n"
                + sentence + "\n双方对会谈成果表示满意。\n";
        List<Commitment> found = analyzer.analyze(SourceDocument.of("lead-time", text)).commitments();

        assertThat(found).extracting(Commitment::text).containsExactlyElementsOf(pledge ? List.of(sentence) : List.of());
        assertThat(found).allMatch(c -> c.parties().equals(List.of("JP", "CN")) || c.parties().equals(List.of("CN", "JP")));
    }

    /** A news headline after the document's title, behind a colon or a dash, is no part of the title. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "甲乙联合新闻公报：双方再确认合作关系|甲乙联合新闻公报",
            "甲乙聯合公報——深化互信‧加強合作|甲乙聯合公報",
            "中国—东盟领导人联合声明|中国—东盟领导人联合声明",
    })
    void takesANewsHeadlineOffTheTitle(String title, String expected) {
        String text = title + "\n应甲国政府邀请，乙国政府总理于2021年3月3日至5日对甲国进行正式访问，两国总理举行了会谈。\n双方将加强港口合作。\n";

        assertThat(analyzer.analyze(SourceDocument.of("headline", text)).document().title()).isEqualTo(expected);
    }

    /** Big5 copies write the list dash as box-drawing "──". */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"甲乙兩國聯合聲明NL雙方商定：NL──加強海關合作；NL──擴大農產品貿易。", "甲乙两国联合声明NL双方商定：NL━━加强海关合作；NL━━扩大农产品贸易。"})
    void readsListItemsMarkedWithBoxDrawingDashes(String text) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("big5", text.replace("NL", "\n"))).commitments();

        assertThat(found).extracting(Commitment::kind).containsExactly(Commitment.Kind.BULLET, Commitment.Kind.BULLET);
    }

    /**
     * "一是…；二是…" enumerates inside a sentence: a sentence that pledges is one commitment with all its points,
     * and points one speaker proposes ("…提出三点建议。一是…。二是…。") pledge nothing.
     */
    @Test
    void readsAnEnumerationInsideAPledgeAsOneCommitmentAndProposalsAsNone() {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("points", "甲乙两国联合声明\n"
                + "双方同意在以下领域加强合作：一是扩大贸易规模；二是深化投资合作。\n"
                + "甲国总统提出两点建议。一是保持高层交往。二是拓展务实合作。\n")).commitments();

        assertThat(found).extracting(Commitment::text).containsExactly("双方同意在以下领域加强合作：一是扩大贸易规模；二是深化投资合作。");
    }

    /** Items numbered by ordinal and comma ("第一，…") under an agreement lead-in, returned without their number. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "甲乙两国联合声明NL双方商定，推动两国关系朝以下方向发展：NL第一，加强高层交往，深化战略沟通。NL第二，扩大贸易和投资规模。",
            "甲乙兩國聯合聲明NL雙方商定,推動兩國關係朝以下方向發展:NL第一,加強高層交往,深化戰略溝通。NL第二,擴大貿易和投資規模。",
    })
    void readsItemsNumberedByOrdinalAndComma(String text) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("ordinal", text.replace("NL", "\n"))).commitments();

        assertThat(found).extracting(Commitment::kind).containsExactly(Commitment.Kind.BULLET, Commitment.Kind.BULLET);
        assertThat(found).extracting(Commitment::text).allMatch(item -> item.startsWith("加") || item.startsWith("扩") || item.startsWith("擴"));
    }

    /** Parts numbered in formal numerals, as ordinals "第…部分", or in full-width digits, each in both scripts. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "甲乙两国联合声明NL壹、政治关系NL双方将保持高层交往，深化政治互信，在核心利益问题上相互支持。NL贰、经贸合作NL双方将扩大贸易往来，推动投资合作，改善营商环境。NL叁、人文交流NL双方愿加强教育合作。",
            "甲乙兩國聯合聲明NL壹、政治關係NL雙方將保持高層交往，深化政治互信，在核心利益問題上相互支持。NL貳、經貿合作NL雙方將擴大貿易往來，推動投資合作，改善營商環境。NL參、人文交流NL雙方願加強教育合作。",
            "甲乙两国联合声明NL第一部分NL双方将保持高层交往，深化政治互信，在核心利益问题上相互支持。NL第二部分：经贸合作NL双方将扩大贸易往来，推动投资合作，改善营商环境。NL第三部分 人文交流NL双方愿加强教育合作。",
            "甲乙兩國聯合聲明NL第壹部分NL雙方將保持高層交往，深化政治互信，在核心利益問題上相互支持。NL第貳部分：經貿合作NL雙方將擴大貿易往來，推動投資合作，改善營商環境。NL第參部分 人文交流NL雙方願加強教育合作。",
            "甲乙两国联合声明NL１．双方将保持高层交往，深化政治互信，在核心利益问题上相互支持。NL２．双方将扩大贸易往来，推动投资合作，改善营商环境。NL３．双方愿加强教育合作。",
    })
    void readsPartsNumberedInFormalNumeralsOrdinalsOrFullWidthDigits(String text) {
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("parts", text.replace("NL", "\n\n")));

        assertThat(analysis.commitments()).extracting(Commitment::section).containsExactly(1, 2, 3);
        assertThat(analysis.commitments()).extracting(Commitment::text).allMatch(t -> t.startsWith("双方") || t.startsWith("雙方"));
    }

    /** Hong Kong copies write variant characters ("衞" for "衛"): the organisation is still recognised. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"雙方將加強在世界衞生組織框架內的合作。", "雙方將加強在世界衛生組織框架內的合作。"})
    void recognisesOrganisationsWrittenWithHongKongVariantCharacters(String sentence) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("hk", "中華人民共和國和哈薩克斯坦共和國聯合聲明\n" + sentence + "\n"))
                .commitments();

        assertThat(found).singleElement().extracting(Commitment::organisations).isEqualTo(List.of("WHO"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"甲乙两国联合声明NL第一阶段的合作成果丰硕。NL参加会谈的有两国外长。", "甲乙兩國聯合聲明NL參加會談的有兩國外長。"})
    void takesNoOrdinalOrFormalNumeralInRunningTextForAPart(String text) {
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("no-parts", text.replace("NL", "\n\n") + "NL双方将加强合作。".replace("NL", "\n\n")));

        assertThat(analysis.commitments()).extracting(Commitment::section).containsOnlyNulls();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "中华人民共和国和巴西联邦共和国联合声明|巴西联邦共和国总统|巴方将积极参加进口博览会。|BR",
            "中華人民共和國和巴西聯邦共和國聯合聲明|巴西聯邦共和國總統|巴方將積極參加進口博覽會。|BR",
            "中华人民共和国和巴基斯坦伊斯兰共和国联合声明|巴基斯坦伊斯兰共和国总理|巴方将积极参加进口博览会。|PK",
            "中华人民共和国和新西兰联合声明|新西兰总理|新方愿为中方留学生提供便利。|NZ",
            "中华人民共和国和新加坡共和国联合声明|新加坡共和国总理|新方愿为中方留学生提供便利。|SG",
            "中华人民共和国和马尔代夫共和国联合声明|马尔代夫共和国总统|马方将为中方企业提供便利。|MV",
    })
    void bindsASharedShortFormToTheStateTheStatementIsBetween(String title, String visitor, String pledge, String party) {
        String text = title + "\n　　应中华人民共和国主席邀请，" + visitor + "于2024年5月8日至10日对中国进行国事访问。\n　　" + pledge + "\n";
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("shared-short-form", text));

        assertThat(analysis.document().parties()).containsExactly("CN", party);
        assertThat(analysis.commitments()).extracting(Commitment::parties).containsExactly(List.of(party));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "巴西联邦共和国总统|BR",
            "巴基斯坦伊斯兰共和国总理|PK",
    })
    void readsAShortTitleByTheStateTheOpeningNames(String visitor, String party) {
        String text = "中巴联合声明\n　　应国家主席邀请，" + visitor + "于2024年11月进行国事访问。\n　　巴方将积极参加进口博览会。\n";
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("short-title", text));

        assertThat(analysis.document().parties()).containsExactly("CN", party);
        assertThat(analysis.commitments()).extracting(Commitment::parties).containsExactly(List.of(party));
    }

    /**
     * What a clause of belief introduces is believed ("相信…，乙国将…"), a sentence opening with "要" and no
     * subject exhorts (a speech quoted in a news copy), and a meeting or its leaders decide for every party.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "甲方积极评价乙国的发展成就，相信在新政府领导下，乙国将实现经济振兴。|",
            "甲方積極評價乙國的發展成就，相信在新政府領導下，乙國將實現經濟振興。|",
            "甲方赞赏乙国的发展成就，愿同乙方加强港口合作。|愿同乙方加强港口合作。",
            "要巩固双边关系基础，支持两国航空公司增加航班。|",
            "要鞏固雙邊關係基礎，支持兩國航空公司增加航班。|",
            "双方要巩固双边关系基础，双方支持两国航空公司增加航班。|双方支持两国航空公司增加航班。",
            "会议决定，理事会下次会议于明年在甲国举行。|会议决定，理事会下次会议于明年在甲国举行。",
            "與會領導人重申恪守國際法原則，共同維護地區穩定。|與會領導人重申恪守國際法原則，共同維護地區穩定。",
            "双方重申继续遵守两国间已签署的各项协定。|双方重申继续遵守两国间已签署的各项协定。",
    })
    void takesNoPledgeFromABeliefOrAnExhortationAndReadsAMeetingAsItsMembers(String sentence, String pledge) {
        String text = "甲乙两国联合新闻公报\n应甲国政府邀请，乙国总理于2021年3月3日至5日对甲国进行正式访问。\n" + sentence + "\n";
        List<Commitment> found = analyzer.analyze(SourceDocument.of("belief", text)).commitments();

        assertThat(found).extracting(Commitment::text).containsExactlyElementsOf(pledge == null ? List.of() : List.of(pledge));
    }

    /** Older statements name each state's government as the subject: "甲国政府和联合王国政府同意…". */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "中华人民共和国政府和联合王国政府同意，成立联合工作小组。",
            "中華人民共和國政府和聯合王國政府同意，成立聯合工作小組。",
    })
    void readsStatesNamedByTheirGovernmentsAsTheSubject(String sentence) {
        String text = "关于成立联合工作小组的联合声明\n" + sentence + "\n";
        List<Commitment> found = analyzer.analyze(SourceDocument.of("governments", text)).commitments();

        assertThat(found).extracting(Commitment::text).containsExactly(sentence);
        assertThat(found.get(0).parties()).containsExactlyInAnyOrder("CN", "GB");
    }

    /**
     * A web copy repeats the title around the line that says where and when it was signed: that day dates it,
     * not the last day of the visit; the inviting host's name ends before "邀请".
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "甲乙两国联合声明NL甲乙两国联合声明NL2023年6月2日于甲国首都NL甲乙两国联合声明NL应甲国主席张三邀请，乙国总统李四于2023年6月1日至5日对甲国进行国事访问，两国元首举行了会谈。NL双方将加强港口合作。|2023-06-02|张三",
            "甲乙兩國聯合聲明NL甲乙兩國聯合聲明NL2023年6月2日於甲國首都NL甲乙兩國聯合聲明NL應甲國主席張三邀請，乙國總統李四於2023年6月1日至5日對甲國進行國事訪問，兩國元首舉行了會談。NL雙方將加強港口合作。|2023-06-02|張三",
            "甲乙两国联合声明NL应甲国主席张三邀请，乙国总统李四于2023年6月1日至5日对甲国进行国事访问，两国元首举行了会谈。NL双方将加强港口合作。|2023-06-05|张三",
    })
    void datesACopyByTheSigningLineBetweenItsRepeatedTitles(String text, String date, String host) {
        DocumentMetadata document = analyzer.analyze(SourceDocument.of("signed-at", text.replace("NL", "\n"))).document();

        assertThat(document.date()).isEqualTo(LocalDate.parse(date));
        assertThat(document.signatories()).first().isEqualTo(host);
    }

    /**
     * After a bare reaffirmation, a deadline and an action pledge the action by then ("双方重申，2027年底前完成…");
     * a date recalled before what was done on it states nothing to do.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "双方重申，2027年底前完成界河航道的联合测量工作。|true",
            "雙方重申，2027年底前完成界河航道的聯合測量工作。|true",
            "双方确认，2026年上半年前举行新一轮磋商。|true",
            "双方强调，2001年7月16日签署的合作条约是两国关系的基础。|false",
            "双方重申，2027年底前界河航道的测量工作意义重大。|false",
    })
    void readsADeadlineAfterAReaffirmationAsAPledge(String sentence, boolean pledge) {
        String text = "甲乙两国联合声明\n应甲国政府邀请，乙国总理于2025年3月3日至5日对甲国进行正式访问。\n" + sentence + "\n";
        List<Commitment> found = analyzer.analyze(SourceDocument.of("deadline", text)).commitments();

        assertThat(found).extracting(Commitment::text).containsExactlyElementsOf(pledge ? List.of(sentence) : List.of());
        assertThat(found).allSatisfy(c -> assertThat(c.timeExpressions()).isNotEmpty());
    }

    /** A part whose text opens with a year ("二、2019年…") is part 二; a decimal ("1.5") opens no part. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "甲乙两国联合声明NL一、双方将加强港口合作。NL二、2026年两国将迎来建交50周年。双方将举办纪念活动。NL三、双方愿深化人文交流。",
            "甲乙兩國聯合聲明NL一、雙方將加強港口合作。NL二、2026年兩國將迎來建交50週年。雙方將舉辦紀念活動。NL三、雙方願深化人文交流。",
    })
    void readsAPartWhoseTextOpensWithAYear(String text) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("year-part", text.replace("NL", "\n"))).commitments();

        assertThat(found).extracting(Commitment::section).containsExactly(1, 2, 3);
    }

    @Test
    void readsNoPartFromADecimalAtALineStart() {
        String text = "甲乙两国联合声明\n一、双方将加强港口合作。\n1.5倍的增长令人鼓舞。\n二、双方愿深化人文交流。\n";
        List<Commitment> found = analyzer.analyze(SourceDocument.of("decimal", text)).commitments();

        assertThat(found).extracting(Commitment::section).containsExactly(1, 2);
    }

    /**
     * A lead-in that pledges before it leads in is a commitment of its own, and its pledge agrees the list under
     * it; a lead-in that only agrees ("双方商定，…以下方向：") is none.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "甲乙两国联合声明NL双方将深化全面合作，致力于实现以下目标：NL——扩大贸易往来；NL——加强人文交流。",
            "甲乙兩國聯合聲明NL雙方將深化全面合作，致力於實現以下目標：NL——擴大貿易往來；NL——加強人文交流。",
    })
    void readsAPledgeInALeadInAndTheListItPledges(String text) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("lead-pledge", text.replace("NL", "\n"))).commitments();

        assertThat(found).extracting(Commitment::kind).containsExactly(
                Commitment.Kind.NARRATIVE, Commitment.Kind.BULLET, Commitment.Kind.BULLET);
        assertThat(found.get(0).text()).matches("^[双雙]方[将將].*").endsWith("：");
    }

    /** Paragraphs numbered "1." on through parts "一、" "二、" are the parts' paragraphs: the part is the section. */
    @Test
    void readsParagraphsNumberedThroughPartsAsParagraphsOfTheirPart() {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("parts-and-paragraphs", """
                甲乙两国联合声明
                一、政治关系
                1. 双方愿深化政治互信。
                2. 双方将保持高层交往。
                二、务实合作
                3. 双方将扩大贸易规模。
                """)).commitments();

        assertThat(found).extracting(Commitment::text).containsExactly("双方愿深化政治互信。", "双方将保持高层交往。", "双方将扩大贸易规模。");
        assertThat(found).extracting(Commitment::section).containsExactly(1, 1, 2);
    }

    /**
     * A clause in which another party pledges on its own starts a commitment that binds that party alone; a news
     * copy's subheading ("深化务实合作" on its own line) pledges nothing.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "中华人民共和国和哈萨克斯坦共和国联合声明NL深化务实合作NL双方愿加强农业合作，哈方愿扩大对华出口。",
            "中華人民共和國和哈薩克斯坦共和國聯合聲明NL深化務實合作NL雙方願加強農業合作，哈方願擴大對華出口。",
    })
    void splitsASentenceWhereAnotherPartyPledgesAndReadsNoPledgeInASubheading(String text) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("split", text.replace("NL", "\n"))).commitments();

        assertThat(found).extracting(Commitment::text).allMatch(item -> !item.contains("务实") && !item.contains("務實"));
        assertThat(found).extracting(Commitment::parties).containsExactly(List.of("CN", "KZ"), List.of("KZ"));
    }

    /**
     * Taiwan's own statements name it "中華民國" and its partners by Taiwan's transliterations ("史瓦帝尼"); the
     * parties are in the title's order, the issuer first.
     */
    @Test
    void readsTheRepublicOfChinaAndTaiwansNamesOfItsPartnersAsParties() {
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("tw", """
                中華民國與史瓦帝尼王國聯合公報
                史瓦帝尼王國國王應中華民國總統邀請訪問。
                雙方同意擴大農業合作。
                """));

        assertThat(analysis.document().parties()).containsExactly("TW", "SZ");
        assertThat(analysis.commitments()).extracting(Commitment::parties).containsExactly(List.of("TW", "SZ"));
    }

    /**
     * A plan whose title runs over a line ending on "的" is its list of agreed actions: the numbered actions under
     * a group heading ("（一）…" without punctuation) are bullets, the heading is none.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "落实甲乙两国联合宣言的NL行动计划（2026-2030）NL双方将根据各自法律努力开展合作。NL一、政治合作NL（一）深化政治对话NL1.举行年度领导人会议；NL2.扩大各层级互访；",
            "落實甲乙兩國聯合宣言的NL行動計劃（2026-2030）NL雙方將根據各自法律努力開展合作。NL一、政治合作NL（一）深化政治對話NL1.舉行年度領導人會議；NL2.擴大各層級互訪；",
    })
    void readsAPlanTitledOverTwoLinesAsItsListOfAgreedActions(String text) {
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("plan", text.replace("NL", "\n")));

        assertThat(analysis.document().title()).endsWith("（2026-2030）");
        assertThat(analysis.commitments()).extracting(Commitment::kind, Commitment::section).containsExactly(
                tuple(Commitment.Kind.NARRATIVE, null), tuple(Commitment.Kind.BULLET, 1), tuple(Commitment.Kind.BULLET, 1));
    }

    /**
     * A numeral alone on its line ("一" over its text) after "声明如下：" numbers the document's part, as the
     * statements of heads of state write it, not an item of a list under the lead-in.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "甲乙两国联合声明NL甲乙两国声明如下：NL一NL在双方共同努力下，两国关系不断发展。双方将加强港口合作。NL二NL双方愿深化人文交流。",
            "甲乙兩國聯合聲明NL甲乙兩國聲明如下：NL一NL在雙方共同努力下，兩國關係不斷發展。雙方將加強港口合作。NL二NL雙方願深化人文交流。",
    })
    void readsANumeralAloneOnItsLineAsAPartAfterADeclaringLeadIn(String text) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("bare-parts", text.replace("NL", "\n"))).commitments();

        assertThat(found).extracting(Commitment::kind, Commitment::section).containsExactly(
                tuple(Commitment.Kind.NARRATIVE, 1), tuple(Commitment.Kind.NARRATIVE, 2));
    }

    /** An excerpt that starts at a numbered paragraph ("36、…") keeps the paragraphs' numbers as sections. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "36、双方欢迎新馆舍建设取得进展。双方将研究有关问题。NL37、双方承诺加强海关合作。",
            "36、雙方歡迎新館舍建設取得進展。雙方將研究有關問題。NL37、雙方承諾加強海關合作。",
    })
    void readsAnExcerptOpeningAtANumberedParagraph(String text) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("excerpt", text.replace("NL", "\n"))).commitments();

        assertThat(found).extracting(Commitment::section).containsExactly(36, 37);
        assertThat(found.get(1).text()).matches("^[双雙]方承[诺諾].*");
    }

    /**
     * "我国", "我方" in a statement that one party issues (Taiwan's joint statements) bind that party, the state
     * its title names first, though the opening names the visiting partner first.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "中華民國與巴拉圭共和國聯合聲明NL巴拉圭共和國總統應中華民國總統邀請訪問臺灣。NL我國將持續提供獎學金，協助巴方培育人才。NL我方願擴大農業合作。",
            "中华民国与巴拉圭共和国联合声明NL巴拉圭共和国总统应中华民国总统邀请访问台湾。NL我国将持续提供奖学金，协助巴方培育人才。NL我方愿扩大农业合作。",
    })
    void bindsTheIssuingPartyByItsFirstPerson(String text) {
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("issuer", text.replace("NL", "\n")));

        assertThat(analysis.commitments()).extracting(Commitment::parties).containsExactly(List.of("TW"), List.of("TW"));
    }

    /** Agents joined by "和", each named with its state ("甲国共产党和乙国人民革命党"), bind both states. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "中老两党行动计划NL经友好协商，中国共产党和老挝人民革命党一致同意签订并实施本计划。",
            "中老兩黨行動計劃NL經友好協商，中國共產黨和老撾人民革命黨一致同意簽訂並實施本計劃。",
    })
    void readsJoinedAgentsOfTwoStatesAsBothParties(String text) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("parties", text.replace("NL", "\n"))).commitments();

        assertThat(found).extracting(Commitment::parties).containsExactly(List.of("CN", "LA"));
    }

    /**
     * A reaffirmation pledges the verb of commitment it reaffirms also across adverbs ("重申共同致力于…",
     * "重申积极落实…"), and following principles ("重申遵循…") is such a verb; the importance of a relation appraises.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "双方重申共同致力于维护地区和平稳定。, true",
            "雙方重申積極落實兩國國防部簽署的備忘錄。, true",
            "双方重申遵循两国条约确定的原则发展双边关系。, true",
            "双方重申两国关系的重要性。, false",
    })
    void readsAReaffirmedCommitmentAcrossAdverbs(String sentence, boolean pledge) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("reaffirm", "甲乙两国联合声明\n" + sentence)).commitments();

        assertThat(found).extracting(Commitment::text).containsExactlyElementsOf(pledge ? List.of(sentence) : List.of());
    }

    /**
     * A pledge whose subject an earlier clause of its sentence names with a condition ("成员国基于…原则，") starts
     * with that subject, not after an appraisal; a verb inside a
     * frame that closes the sentence ("…建立在…，恪守…原则基础上。") states a basis; "各国" of a declaration are its
     * members.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "成员国基于宪章原则，反对集团对抗，坚持统筹应对安全威胁。|成员国基于宪章原则，反对集团对抗，坚持统筹应对安全威胁。",
            "两国关系建立在相互尊重、平等的基础上，恪守国际法等原则基础上。|",
            "成员国强调，各国都致力于通过政治外交手段解决地区问题。|成员国强调，各国都致力于通过政治外交手段解决地区问题。",
            "各国积极评价合作成果，重申坚持互利共赢。|重申坚持互利共赢。",
    })
    void startsAPledgeWithItsSubjectAndReadsNoPledgeInAFrame(String sentence, String pledge) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("frame", "成员国元首宣言\n" + sentence)).commitments();

        assertThat(found).extracting(Commitment::text).containsExactlyElementsOf(pledge == null ? List.of() : List.of(pledge));
    }

    /** Organs and other names of organisations: the World Health Assembly is the WHO's; ICAO by its Chinese names. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "雙方支持臺灣參與世界衛生大會。, WHO",
            "双方将加强在国际民航组织框架内的合作。, ICAO",
    })
    void mapsOrgansAndNamesOfOrganisations(String sentence, String acronym) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("orgs", "中華民國與巴拉圭共和國聯合聲明\n" + sentence)).commitments();

        assertThat(found).extracting(Commitment::organisations).containsExactly(List.of(acronym));
    }

    /**
     * "双方商定：" over "一、加强…。": numbered lines that go on from an agreement lead-in are its items; numbered
     * parts that state something with a subject of their own ("一、双方将…") are the document's parts.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "双方商定：NL一、加强港口合作。NL二、扩大人文交流。|BULLET|BULLET",
            "雙方商定：NL一、加強港口合作。NL二、擴大人文交流。|BULLET|BULLET",
            "双方声明如下：NL一、双方将加强港口合作。NL二、双方愿扩大人文交流。|NARRATIVE|NARRATIVE",
    })
    void readsNumberedLinesUnderAnAgreementLeadInAsItsItems(String body, Commitment.Kind first, Commitment.Kind second) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("agreed-numbers", "甲乙两国联合声明\n" + body.replace("NL", "\n"))).commitments();

        assertThat(found).extracting(Commitment::kind).containsExactly(first, second);
    }

    /**
     * A web copy that flattened a page's ruby annotations glosses characters with their pinyin in brackets
     * ("國(guó)"): the readings are no part of the text, so the title still names the parties and the subject still
     * pledges; a bracketed letter without a tone mark ("(a)") is the text's own.
     */
    @Test
    void dropsThePinyinReadingsAWebCopyFlattenedIntoTheText() {
        String text = """
                中華人民共和國(guó)和新(xīn)西蘭聯(lián)合聲明
                兩國領(lǐng)導人同意進(jìn)一步加強(qiáng)港口合作(zuò)。
                雙方將落實協定第三條(a)款。
                """;
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("ruby", text));

        assertThat(analysis.document().parties()).containsExactly("CN", "NZ");
        assertThat(analysis.commitments()).extracting(Commitment::text).containsExactly(
                "兩國領導人同意進一步加強港口合作。", "雙方將落實協定第三條(a)款。");
    }

    /** "中美致力于…": the states' short forms compounded before a verb are its subject; "中美关系将…" is a relation. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "中美致力于扩大港口合作。|CN US",
            "中美決定繼續擴大港口合作。|CN US",
            "中美关系将迎来新的发展。|",
    })
    void readsACompoundOfShortFormsBeforeAVerbAsItsSubject(String sentence, String parties) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("compound", "中华人民共和国和美利坚合众国联合声明\n" + sentence)).commitments();

        assertThat(found).extracting(Commitment::parties).containsExactlyElementsOf(
                parties == null ? List.of() : List.of(List.of(parties.split(" "))));
    }

    /**
     * A chair's statement groups its numbered paragraphs under topic headings and numbers them from 1 again under
     * each: the heading is a line of its own, and the paragraph under it keeps its first sentence.
     */
    @Test
    void restartsParagraphNumbersUnderATopicHeading() {
        String text = """
                第三届港口峰会主席声明

                  1. 峰会于2030年5月1日举行。
                  2. 各国领导人交换了意见。

                港口合作

                  1. 我们重申致力于扩大港口合作。我们还将举办港口论坛。
                """;
        List<Commitment> found = analyzer.analyze(SourceDocument.of("topics", text)).commitments();

        assertThat(found).extracting(Commitment::section, Commitment::text).containsExactly(
                tuple(1, "我们重申致力于扩大港口合作。"), tuple(1, "我们还将举办港口论坛。"));
    }

    /** Three states speak as "三国" as two speak as "两国"; leaders who instruct their ministries pledge the task. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "中华人民共和国、日本国和大韩民国领导人联合宣言|三国将加强港口合作。",
            "中华人民共和国和新西兰联合声明|两国领导人指示两国外交部制定港口合作计划。",
    })
    void readsThreeStatesAndLeadersInstructingTheirMinistriesAsPledging(String title, String sentence) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("subjects", title + "\n" + sentence)).commitments();

        assertThat(found).extracting(Commitment::text).containsExactly(sentence);
    }

    /** A reaffirmed commitment is pledged again, whatever its object opens with; a reaffirmed view is not. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "我们强调我们根据国际法处理港口事务的承诺。|1",
            "我們強調我們根據國際法處理港口事務的承諾。|1",
            "我们强调港口合作的成果。|0",
    })
    void readsAReaffirmedCommitmentAsPledged(String sentence, int pledges) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("reaffirmed", "港口国家领导人联合宣言\n" + sentence)).commitments();

        assertThat(found).hasSize(pledges);
    }

    /** "坚持…是…": a verb's phrase as the subject of a definition pledges nothing; "特别是" defines nothing. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "双方一致认为，两国是友好邻邦。坚持睦邻友好是两国关系的鲜明特征。|0",
            "双方一致认为，两国是友好邻邦。坚持睦鄰友好是兩國關係的鮮明特徵。|0",
            "双方一致认为，两国是友好邻邦。支持港口合作特别是航运合作。|1",
    })
    void readsNoPledgeInAVerbPhraseThatADefinitionIsAbout(String text, int pledges) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("copula", "甲乙两国联合声明\n" + text)).commitments();

        assertThat(found).hasSize(pledges);
    }

    /**
     * A forum repost scatters random strings through the text to guard it against copying: a bracket they open and
     * nothing closes is no bracket, so the sentences after it still end at their full stops.
     */
    @Test
    void endsSentencesAfterABracketThatNothingCloses() {
        String text = "甲乙两国联合宣言\n: }3 c) h5 ~( d 为此，两国认识到合作的意义。两国将加强港口合作。% A h# ~, d4 ?/ [\n";
        List<Commitment> found = analyzer.analyze(SourceDocument.of("guarded", text)).commitments();

        assertThat(found).extracting(Commitment::text).containsExactly("两国将加强港口合作。");
    }

    /** What a visitor is to do next, in a sentence no party speaks in, is the visit's programme; a party's visit pledges. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "访问期间，甲国总统会见了乙国议长，将会见乙国企业家，并访问港口城市。|0",
            "訪問期間，甲國總統會見了乙國議長，將會見乙國企業家，並訪問港口城市。|0",
            "双方将访问对方港口城市。|1",
    })
    void readsAVisitsProgrammeAsNoPledge(String sentence, int pledges) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("programme", "甲乙两国联合声明\n" + sentence)).commitments();

        assertThat(found).hasSize(pledges);
    }

    /** A reaffirmed object that opens with a frame of where it applies pledges the verb of commitment after it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "双方重申在港口和航运问题上坚定相互支持。|1",
            "雙方重申在港口和航運問題上堅定相互支持。|1",
            "双方重申在港口合作领域继续支持对方。|1",
            "双方重申在港口问题上的一贯立场。|0",
    })
    void readsAVerbOfCommitmentAfterAFrameOfAReaffirmationAsPledged(String sentence, int pledges) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("framed", "甲乙两国联合声明\n" + sentence)).commitments();

        assertThat(found).hasSize(pledges);
    }

    /** Taiwan's statements and press spell its partners their own way, and join "台" with a partner's short form. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "中華民國與帛琉共和國聯合公報|PW",
            "中华民国与瓜地马拉共和国联合公报|GT",
            "中華民國與布吉納法索聯合公報|BF",
            "台布签署联合公报NL总统与布吉纳法索总统签署联合公报。|BF",
    })
    void readsThePartiesOfATaiwaneseStatement(String opening, String partner) {
        String text = opening.replace("NL", "\n") + "\n双方将持续深化渔业合作。\n";
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("taiwan", text));

        assertThat(analysis.document().parties()).containsExactly("TW", partner);
        assertThat(analysis.commitments()).extracting(Commitment::parties).containsExactly(List.of("TW", partner));
    }

    /**
     * Sentences that only look like pledges: "不仅…，还将…" where no party speaks predicts what its subject brings;
     * taking up a rotating chair or a meeting's host states the calendar; a clause of time closed by "后" that holds
     * an earlier time recounts the decision after it. Beside each, the pledge it is told from.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "频繁的港口往来不仅可以扩大贸易，还将为两国民众相互了解提供新渠道。|0",
            "頻繁的港口往來不但可以擴大貿易，還將為兩國民眾相互了解提供新渠道。|0",
            "双方不仅要加强沟通，还将深化港口合作。|1",
            "英国将于2030年担任港口论坛轮值主席国。|0",
            "英國將於2030年擔任港口論壇輪值主席國。|0",
            "法方将担任下届港口峰会东道国。|0",
            "双方将支持乙方担任港口论坛主席国。|1",
            "首相去年访问港口城市后，双方决定成立港口工作组。|0",
            "首相去年訪問港口城市後，雙方決定成立港口工作組。|0",
            "首相明年访问港口城市后，双方将成立港口工作组。|1",
    })
    void tellsPredictionsCalendarsAndRecountsFromPledges(String sentence, int pledges) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("look-alike", "中华人民共和国和英国联合声明\n" + sentence))
                .commitments();

        assertThat(found).hasSize(pledges);
    }

    /** The armed services of the parties, named as agents ("两国海军"), pledge for both parties. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "两国海军决定致力于就港口互访达成一致。|1",
            "兩國海軍將加強港口救援合作。|1",
            "两国国防部将加强港口救援合作。|1",
    })
    void readsTheArmedServicesOfThePartiesAsAgents(String sentence, int pledges) {
        List<Commitment> found = analyzer.analyze(SourceDocument.of("services", "中华人民共和国和美国联合声明\n" + sentence)).commitments();

        assertThat(found).hasSize(pledges);
        assertThat(found).extracting(Commitment::parties).containsOnly(List.of("CN", "US"));
    }
}
