package org.commitmenttracker.extraction.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's entry point. This first version recovers paragraphs from hard-wrapped text, numbered parts,
 * and the "——" bullets agreed under an agreement cue; lists of signed documents are returned apart.
 */
public final class CommuniqueAnalyzer {
    public static final String VERSION = "0.1.0";

    private static final Pattern PAGE_MARKER = Pattern.compile("^[\\s\\f]*[—\\-–]\\s*\\d+\\s*[—\\-–][\\s\\f]*$");
    private static final Pattern SECTION_NUMERAL = Pattern.compile("^[一二三四五六七八九十]{1,3}$");
    private static final String BULLET = "——";
    private static final Pattern AGREEMENT_CUE = Pattern.compile("(商定|同意|决定)：$");
    private static final Pattern SIGNED_LIST_CUE = Pattern.compile("签署了以下文件：$");

    public CommuniqueAnalysis analyze(SourceDocument source) {
        List<String> paragraphs = paragraphs(source.text());
        List<Commitment> commitments = new ArrayList<>();
        List<String> signed = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        Integer section = null;
        String listKind = null;
        String title = source.title();
        for (String paragraph : paragraphs) {
            if (SECTION_NUMERAL.matcher(paragraph).matches()) {
                section = ChineseNumerals.parse(paragraph);
                listKind = null;
                continue;
            }
            if (title == null) {
                title = paragraph;
                continue;
            }
            if (paragraph.startsWith(BULLET)) {
                String text = paragraph.substring(BULLET.length()).trim();
                if ("signed".equals(listKind)) {
                    signed.add(stripBrackets(text));
                } else if ("agreed".equals(listKind)) {
                    int occurrence = occurrences.merge(text, 1, Integer::sum);
                    commitments.add(new Commitment(CommitmentIds.of(source.documentId(), text, occurrence),
                            Commitment.Kind.BULLET, section, commitments.size() + 1, text, List.of(), List.of(),
                            List.of(), List.of(), List.of()));
                }
                continue;
            }
            listKind = SIGNED_LIST_CUE.matcher(paragraph).find() ? "signed"
                    : AGREEMENT_CUE.matcher(paragraph).find() ? "agreed" : null;
        }
        DocumentMetadata metadata = new DocumentMetadata(title, source.language() != null ? source.language() : "zh",
                source.publicationDate(), List.of(), List.of(), null);
        return new CommuniqueAnalysis(metadata, commitments, signed);
    }

    private static String stripBrackets(String text) {
        Matcher m = Pattern.compile("^《(.*)》[。；;]?$").matcher(text);
        return m.matches() ? m.group(1) : text;
    }

    /** Joins hard-wrapped lines into paragraphs; CJK text is joined without inventing spaces. */
    static List<String> paragraphs(String raw) {
        String text = halfWidthAlphanumerics(raw).replace("\r\n", "\n").replace('\r', '\n');
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String rawLine : text.split("\n")) {
            String line = rawLine.strip();
            if (line.isEmpty() || PAGE_MARKER.matcher(line).matches()) {
                continue;
            }
            boolean startsNew = current.isEmpty()
                    || line.startsWith(BULLET)
                    || SECTION_NUMERAL.matcher(line).matches()
                    || SECTION_NUMERAL.matcher(current).matches()
                    || endsParagraph(current);
            if (startsNew && !current.isEmpty()) {
                paragraphs.add(current.toString());
                current.setLength(0);
            }
            if (!current.isEmpty() && needsSpace(current.charAt(current.length() - 1), line.charAt(0))) {
                current.append(' ');
            }
            current.append(line);
        }
        if (!current.isEmpty()) {
            paragraphs.add(current.toString());
        }
        return paragraphs;
    }

    /**
     * A bullet item ends at its terminator (a title-only item such as a signed document at its closing
     * bracket); running prose lines are joined until a structural break.
     */
    private static boolean endsParagraph(CharSequence current) {
        char last = current.charAt(current.length() - 1);
        String head = current.subSequence(0, Math.min(3, current.length())).toString();
        boolean bullet = head.startsWith(BULLET);
        boolean titleItem = head.equals(BULLET + "《");
        return last == '：' || (bullet && (last == '。' || last == '；' || (titleItem && last == '》')));
    }

    /**
     * Full-width digits and Latin letters become ASCII (what NFKC does to them); full-width punctuation
     * is kept, because it is part of the text as the parties published it.
     */
    static String halfWidthAlphanumerics(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean fullWidthAlnum = (c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ');
            out.append(fullWidthAlnum ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c);
        }
        return out.toString();
    }

    private static boolean needsSpace(char before, char after) {
        return isLatinOrDigit(before) && isLatinOrDigit(after);
    }

    private static boolean isLatinOrDigit(char c) {
        return (c < 0x2E80) && Character.isLetterOrDigit(c);
    }
}
