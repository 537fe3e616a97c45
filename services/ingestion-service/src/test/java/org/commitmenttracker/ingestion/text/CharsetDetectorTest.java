package org.commitmenttracker.ingestion.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.commitmenttracker.ingestion.TestDocuments;
import org.junit.jupiter.api.Test;

class CharsetDetectorTest {
    private final CharsetDetector detector = new CharsetDetector();

    @Test
    void utf8IsTakenAsIs() {
        String seed = TestDocuments.seed();
        DecodedText decoded = detector.decode(seed.getBytes(StandardCharsets.UTF_8), null);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).isEqualTo(seed);
    }

    @Test
    void simplifiedChineseInGb18030IsDetected() {
        String seed = TestDocuments.seed();
        DecodedText decoded = detector.decode(seed.getBytes(CharsetDetector.GB18030), null);
        assertThat(decoded.charset()).isEqualTo(CharsetDetector.GB18030);
        assertThat(decoded.text()).isEqualTo(seed);
    }

    @Test
    void simplifiedChineseInGbkIsReadAsGb18030WhichContainsIt() {
        Charset gbk = Charset.forName("GBK");
        String text = "中华人民共和国政府和俄罗斯联邦政府联合公报。双方商定：加强能源、贸易和科技领域合作，扩大相互投资。\n";
        assertThat(gbk.newEncoder().canEncode(text)).isTrue();
        DecodedText decoded = detector.decode(text.getBytes(gbk), null);
        assertThat(decoded.charset()).isEqualTo(CharsetDetector.GB18030);
        assertThat(decoded.text()).isEqualTo(text);
    }

    @Test
    void traditionalChineseInBig5IsDetected() {
        DecodedText decoded = detector.decode(TestDocuments.TRADITIONAL_CHINESE.getBytes(CharsetDetector.BIG5), null);
        assertThat(decoded.charset()).isEqualTo(CharsetDetector.BIG5);
        assertThat(decoded.text()).isEqualTo(TestDocuments.TRADITIONAL_CHINESE);
    }

    @Test
    void russianInWindows1251IsDetected() {
        DecodedText decoded = detector.decode(TestDocuments.RUSSIAN.getBytes(CharsetDetector.WINDOWS_1251), null);
        assertThat(decoded.charset()).isEqualTo(CharsetDetector.WINDOWS_1251);
        assertThat(decoded.text()).isEqualTo(TestDocuments.RUSSIAN);
    }

    @Test
    void aDeclaredLegacyCharsetIsTrustedWhenItDecodes() {
        DecodedText decoded = detector.decode(TestDocuments.RUSSIAN.getBytes(CharsetDetector.WINDOWS_1251),
                Charset.forName("KOI8-R"));
        assertThat(decoded.charset()).isEqualTo(Charset.forName("KOI8-R")); // the sender said so, and it decodes
    }

    @Test
    void byteOrderMarksAreHonouredAndDropped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "联合公报".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertThat(detector.decode(withBom, null).text()).isEqualTo("联合公报");

        byte[] utf16 = "\uFEFF联合公报".getBytes(StandardCharsets.UTF_16LE);
        assertThat(detector.decode(utf16, null).text()).isEqualTo("联合公报");
    }

    @Test
    void binaryJunkIsRejected() {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        assertThatThrownBy(() -> detector.decode(junk, null))
                .isInstanceOf(DocumentRejected.class)
                .hasMessageContaining("not valid UTF-8")
                .extracting(e -> ((DocumentRejected) e).reason()).isEqualTo(DocumentRejected.Reason.UNREADABLE);
    }

    @Test
    void wrongDecodingsScoreFarBelowRightOnes() {
        byte[] gb = TestDocuments.seed().getBytes(CharsetDetector.GB18030);
        assertThat(CharsetDetector.score(TestDocuments.seed())).isGreaterThan(0.9);
        assertThat(CharsetDetector.score(new String(gb, CharsetDetector.WINDOWS_1251))).isLessThan(CharsetDetector.MIN_SCORE);
        byte[] big5 = TestDocuments.TRADITIONAL_CHINESE.getBytes(CharsetDetector.BIG5);
        assertThat(CharsetDetector.score(new String(big5, CharsetDetector.GB18030))).isLessThan(CharsetDetector.MIN_SCORE);
    }
}
