package org.commitmenttracker.extraction.engine.language.zh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.extraction.engine.Commitment;
import org.commitmenttracker.extraction.engine.CommuniqueAnalysis;
import org.commitmenttracker.extraction.engine.CommuniqueAnalyzer;
import org.commitmenttracker.extraction.engine.Corpus;
import org.commitmenttracker.extraction.engine.SourceDocument;
import org.commitmenttracker.extraction.engine.TimeSpan;
import org.junit.jupiter.api.Test;

/**
 * Traditional script (zh-Hant) is read by the same rules as Simplified: a communiqué written in Traditional
 * characters gives as many commitments, of the same kinds, parts, dates and instruments, as its Simplified twin.
 */
class TraditionalScriptTest {
    /** A constructed communiqué with the genre's forms: parts 一、, sub-items （一）, a signing list, dates. */
    private static final String SIMPLIFIED = """
            中华人民共和国和新西兰关于加强全面战略伙伴关系的联合声明
            　　2024年3月18日，中华人民共和国国务院总理同新西兰总理在惠灵顿举行会谈。
            　　一、政治关系
            　　双方将保持高层交往，2025年上半年举行下一次总理年度会晤。
            　　二、务实合作
            　　双方商定：
            　　（一）在2025年底前完成自由贸易协定升级议定书的国内程序；
            　　（二）落实《关于农业合作的谅解备忘录》，明年举办农业合作论坛；
            　　（三）二〇二六年六月前启动科技合作联合委员会第五次会议。
            　　三、人文交流
            　　中方愿为新方学生提供更多奖学金名额。双方同意将2025年定为“中新文化年”。
            　　四、会谈期间，双方签署了以下文件：
            　　——《中华人民共和国政府和新西兰政府关于教育合作的协定》；
            　　——《中华人民共和国商务部和新西兰外交贸易部关于服务贸易合作的备忘录》。
            """;

    /** The same communiqué as Taiwan and Hong Kong write it: Traditional characters, 「」 quotes. */
    private static final String TRADITIONAL = """
            中華人民共和國和新西蘭關於加強全面戰略夥伴關係的聯合聲明
            　　2024年3月18日，中華人民共和國國務院總理同新西蘭總理在惠靈頓舉行會談。
            　　一、政治關係
            　　雙方將保持高層交往，2025年上半年舉行下一次總理年度會晤。
            　　二、務實合作
            　　雙方商定：
            　　（一）在2025年底前完成自由貿易協定升級議定書的國內程序；
            　　（二）落實《關於農業合作的諒解備忘錄》，明年舉辦農業合作論壇；
            　　（三）二〇二六年六月前啟動科技合作聯合委員會第五次會議。
            　　三、人文交流
            　　中方願為新方學生提供更多獎學金名額。雙方同意將2025年定為「中新文化年」。
            　　四、會談期間，雙方簽署了以下文件：
            　　——《中華人民共和國政府和新西蘭政府關於教育合作的協定》；
            　　——《中華人民共和國商務部和新西蘭外交貿易部關於服務貿易合作的備忘錄》。
            """;

    private final CommuniqueAnalyzer analyzer = new CommuniqueAnalyzer();

    /** What a reader compares across scripts: kind, part, the days each date denotes, how many instruments. */
    private record Reading(Commitment.Kind kind, Integer section, List<String> dates, int instruments, List<String> parties) {
        static Reading of(Commitment commitment) {
            return new Reading(commitment.kind(), commitment.section(),
                    commitment.timeExpressions().stream().map(TimeSpan::start).map(String::valueOf).toList(),
                    commitment.instruments().size(), commitment.parties());
        }
    }

    private List<Reading> read(String id, String text) {
        return analyzer.analyze(SourceDocument.of(id, text)).commitments().stream().map(Reading::of).toList();
    }

    @Test
    void readsAConstructedCommuniqueInTraditionalScriptAsItsSimplifiedTwin() {
        CommuniqueAnalysis simplified = analyzer.analyze(SourceDocument.of("nz-hans", SIMPLIFIED));
        CommuniqueAnalysis traditional = analyzer.analyze(SourceDocument.of("nz-hant", TRADITIONAL));

        assertThat(CommuniqueAnalyzer.detect(TRADITIONAL).script()).isEqualTo("Hant");
        assertThat(simplified.commitments()).extracting(Commitment::kind).containsExactly(
                Commitment.Kind.NARRATIVE, Commitment.Kind.BULLET, Commitment.Kind.BULLET, Commitment.Kind.BULLET,
                Commitment.Kind.NARRATIVE, Commitment.Kind.NARRATIVE);
        assertThat(simplified.signedInstruments()).hasSize(2);
        assertThat(read("nz-hant", TRADITIONAL)).isEqualTo(read("nz-hans", SIMPLIFIED));
        assertThat(traditional.signedInstruments()).containsExactly(
                "中華人民共和國政府和新西蘭政府關於教育合作的協定", "中華人民共和國商務部和新西蘭外交貿易部關於服務貿易合作的備忘錄");
        assertThat(traditional.document().date()).isEqualTo(simplified.document().date());
        assertThat(traditional.document().parties()).containsExactly("CN", "NZ");
        assertThat(traditional.commitments().get(2).instruments()).containsExactly("關於農業合作的諒解備忘錄");
    }

    @Test
    void readsTheSeedConvertedToTraditionalScriptAsTheSeed() throws IOException {
        String seed = Corpus.seedText();
        String traditional = toTraditional(seed);
        assertThat(traditional).isNotEqualTo(seed).contains("雙方").contains("將").contains("簽署");

        List<Reading> fromSimplified = read("seed-hans", seed);
        assertThat(fromSimplified).hasSize(104);
        assertThat(read("seed-hant", traditional)).isEqualTo(fromSimplified);
        assertThat(analyzer.analyze(SourceDocument.of("seed-hant", traditional)).signedInstruments()).hasSize(14);
    }

    /**
     * Simplified to Traditional, one character for one: the engine's folding table read backwards, so every
     * character the folding knows is written in its Traditional form (the text then reads as Traditional to the
     * engine only through the folding, which is what is under test).
     */
    private static String toTraditional(String simplified) throws IOException {
        Map<Character, Character> map = new HashMap<>();
        try (InputStream in = TraditionalScriptTest.class.getResourceAsStream(
                "/org/commitmenttracker/extraction/engine/language/zh/traditional-simplified.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                for (String pair : line.strip().split("\\s+")) {
                    if (pair.length() == 2) {
                        map.putIfAbsent(pair.charAt(1), pair.charAt(0));
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder(simplified.length());
        simplified.chars().forEach(c -> out.append(map.getOrDefault((char) c, (char) c)));
        return out.toString();
    }
}
