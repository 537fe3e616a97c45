package org.commitmenttracker.ingestion.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Decodes the bytes of a text file. Valid UTF-8 is taken as is (so is a byte-order mark); otherwise the
 * legacy encodings Chinese and Russian files still come in are tried — GB18030 (a superset of GBK and
 * GB2312), Big5 and Windows-1251 — and the decoding that reads most like real text wins.
 * <p>Each strict decoding is scored per non-ASCII character: +1 for what real text is made of (frequent
 * Chinese characters, CJK punctuation, Cyrillic words with sane letter case), −1 for what a wrong decoding
 * produces (rare ideographs, kana, box drawing, private-use characters, Cyrillic runs with random case
 * and no spaces), −5 for control characters. A wrong decoding of real text scores near zero; the right one
 * near one. Below {@link #MIN_SCORE} nothing is accepted.
 */
public final class CharsetDetector {
    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset BIG5 = Charset.forName("Big5");
    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final List<Charset> LEGACY = List.of(GB18030, BIG5, WINDOWS_1251);
    static final double MIN_SCORE = 0.5;

    /** Cyrillic words longer than this are what Chinese bytes read as Windows-1251 look like. */
    private static final int LONGEST_PLAUSIBLE_WORD = 24;

    /**
     * Decodes {@code bytes}; {@code declared} (may be null) is trusted when it is not UTF-8 and decodes
     * cleanly, since a sender that names a legacy charset usually knows.
     */
    public DecodedText decode(byte[] bytes, Charset declared) {
        DecodedText withBom = decodeByteOrderMark(bytes);
        if (withBom != null) {
            return withBom;
        }
        if (declared != null && !declared.equals(StandardCharsets.UTF_8) && !declared.equals(StandardCharsets.US_ASCII)) {
            String text = strictly(bytes, declared);
            if (text != null) {
                return new DecodedText(text, declared);
            }
        }
        String utf8 = strictly(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new DecodedText(utf8, StandardCharsets.UTF_8);
        }
        DecodedText best = null;
        double bestScore = MIN_SCORE;
        for (Charset candidate : LEGACY) {
            String text = strictly(bytes, candidate);
            if (text != null) {
                double score = score(text);
                if (score >= bestScore) {
                    best = new DecodedText(text, candidate);
                    bestScore = score;
                }
            }
        }
        if (best == null) {
            throw new DocumentRejected(DocumentRejected.Reason.UNREADABLE,
                    "The text is not valid UTF-8, nor GB18030/GBK, Big5 or Windows-1251 text: "
                            + "save it as UTF-8 and upload it again.");
        }
        return best;
    }

    private static DecodedText decodeByteOrderMark(byte[] bytes) {
        Charset charset = null;
        int skip = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        if (charset == null) {
            return null;
        }
        String text = strictly(Arrays.copyOfRange(bytes, skip, bytes.length), charset);
        if (text == null) {
            throw new DocumentRejected(DocumentRejected.Reason.UNREADABLE,
                    "The text starts with a " + charset.name() + " byte-order mark but is not valid " + charset.name() + ".");
        }
        return new DecodedText(text, charset);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The text, or null when {@code bytes} are not valid in {@code charset}. */
    static String strictly(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** How much {@code text} reads like real text, from −5 to 1 per non-ASCII character (1 when all ASCII). */
    static double score(String text) {
        long total = 0;
        long counted = 0;
        int wordLength = 0;
        boolean previousLowerCyrillic = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean cyrillicLetter = isRussianLetter(c);
            wordLength = cyrillicLetter ? wordLength + 1 : 0;
            if (c < 0x80 && (c >= 0x20 && c != 0x7F || c == '\n' || c == '\r' || c == '\t' || c == '\f')) {
                previousLowerCyrillic = false;
                continue; // ASCII text says nothing about the legacy encoding
            }
            counted++;
            if (Character.isISOControl(c) || c == 0xFFFD) {
                total -= 5;
            } else if (cyrillicLetter) {
                boolean caseFlip = previousLowerCyrillic && Character.isUpperCase(c);
                total += caseFlip || wordLength > LONGEST_PLAUSIBLE_WORD ? -1 : 1;
            } else {
                total += isCommonInRealText(c) ? 1 : -1;
            }
            previousLowerCyrillic = cyrillicLetter && Character.isLowerCase(c);
        }
        return counted == 0 ? 1 : (double) total / counted;
    }

    private static boolean isRussianLetter(int c) {
        return (c >= 0x0410 && c <= 0x044F) || c == 0x0401 || c == 0x0451;
    }

    private static boolean isCommonInRealText(int c) {
        return CommonHan.contains(c)
                || (c >= 0x3000 && c <= 0x303F)       // CJK punctuation: 、。「」《》
                || (c >= 0xFF01 && c <= 0xFF5E)       // full-width punctuation and digits
                || (c >= 0x2010 && c <= 0x2027)       // dashes, quotes, ellipsis
                || c == 0x00A0 || c == 0x00AB || c == 0x00BB || c == 0x00B7 || c == 0x2116 // nbsp « » · №
                || c == 0x00B0;
    }

    /**
     * The ideographs of everyday text: GB2312 level 1 (the 3,755 most frequent simplified characters) and
     * Big5's "frequently used" block (5,401 traditional characters). Read from the JDK's own encoders.
     */
    private static final class CommonHan {
        private static final int FIRST = 0x4E00;
        private static final int LAST = 0x9FFF;
        private static final BitSet COMMON = build();

        static boolean contains(int c) {
            return c >= FIRST && c <= LAST && COMMON.get(c - FIRST);
        }

        private static BitSet build() {
            BitSet common = new BitSet(LAST - FIRST + 1);
            CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
            CharsetEncoder big5 = BIG5.newEncoder();
            for (int c = FIRST; c <= LAST; c++) {
                int gb = encodedAsTwoBytes(gb2312, c);
                int b5 = encodedAsTwoBytes(big5, c);
                boolean level1 = gb >= 0xB0A1 && gb <= 0xD7FE;
                boolean frequentTraditional = b5 >= 0xA440 && b5 <= 0xC67E;
                if (level1 || frequentTraditional) {
                    common.set(c - FIRST);
                }
            }
            return common;
        }

        private static int encodedAsTwoBytes(CharsetEncoder encoder, int c) {
            if (!encoder.canEncode((char) c)) {
                return -1;
            }
            try {
                ByteBuffer bytes = encoder.encode(CharBuffer.wrap(new char[] {(char) c}));
                return bytes.remaining() == 2 ? ((bytes.get(0) & 0xFF) << 8) | (bytes.get(1) & 0xFF) : -1;
            } catch (CharacterCodingException e) {
                return -1;
            }
        }
    }
}
