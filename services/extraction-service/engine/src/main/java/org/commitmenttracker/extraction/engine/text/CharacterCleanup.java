package org.commitmenttracker.extraction.engine.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Character-level clean-up of text as published: full-width digits and Latin letters become ASCII (what NFKC
 * does to them), odd spaces become plain ones, invisible characters go, and every line or page break becomes
 * a newline, and Markdown's headings, quotes and bold markers, HTML's inline tags and the pinyin readings a web
 * copy flattened after its characters ("会(huì)见") go. Full-width punctuation
 * is kept: it is part of the text as the parties published it. Each character of the result keeps where it stood
 * in the raw text.
 */
public final class CharacterCleanup {
    private static final char FULL_WIDTH_OFFSET = 0xFEE0;
    private static final int MAX_HEADING_LEVEL = 6;
    private static final int MAX_HEADING_LINES = 3;

    private CharacterCleanup() {
    }

    /** The cleaned text and, for each of its characters, its offset in the raw text. */
    public record Cleaned(String text, SourceOffsets offsets) {
    }

    public static Cleaned clean(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        SourceOffsets.Builder offsets = new SourceOffsets.Builder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int at = i;
            int markup = Math.max(Math.max(markdownMarkup(raw, i), htmlTag(raw, i)), pinyinReading(raw, i, out));
            if (markup > 0 && lineBreakTag(raw, i, markup)) {
                // "…in their respective<br />areas": the break the tag stood for, unless a newline follows anyway.
                out.append('\n');
                offsets.add(at);
                i += markup - 1;
                continue;
            }
            if (markup > 0 && (closesBoldHeading(raw, i) || i > 0 && opensBoldHeading(raw, i))) {
                // "**Trade and\nInvestment**" between paragraphs: the heading's bold sets it apart, as blank lines would.
                out.append('\n');
                offsets.add(at);
                i += markup - 1;
                continue;
            }
            if (markup > 0) {
                i += markup - 1;
                continue;
            }
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\f' || c == '\u000B' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                out.append('\n');
            } else if (c == '\u3000' || c == '\u00A0' || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\t') {
                out.append(' ');
            } else if ((c >= '\u200B' && c <= '\u200D') || c == '\uFEFF' || c == '\u00AD') {
                continue;
            } else if ((c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ')) {
                out.append((char) (c - FULL_WIDTH_OFFSET));
            } else if (c == '\u2015') {
                // The horizontal bar is how some converters render the em dash of a "——" list marker.
                out.append('\u2014');
            } else if (Character.isISOControl(c) && c != '\n') {
                out.append(' ');
            } else {
                out.append(c);
            }
            if (out.length() > offsets.size()) {
                offsets.add(at);
            }
        }
        return new Cleaned(out.toString(), offsets.build());
    }

    /**
     * Whether the bold marker at {@code i} closes a line whose bold opened at the start of it or of one of the two
     * lines above (a web copy's heading, "**Trade and Investment**"), with more text on the next line.
     */
    private static boolean closesBoldHeading(String raw, int i) {
        char c = raw.charAt(i);
        if (c != '*' && c != '_') {
            return false;
        }
        int next = i + 2;
        while (next < raw.length() && raw.charAt(next) == ' ') {
            next++;
        }
        if (next >= raw.length() || (raw.charAt(next) != '\n' && raw.charAt(next) != '\r')) {
            return false;
        }
        int open = raw.lastIndexOf(raw.substring(i, i + 2), i - 1);
        boolean lineStart = open == 0 || open > 0 && (raw.charAt(open - 1) == '\n' || raw.charAt(open - 1) == '\r');
        return open >= 0 && lineStart && raw.substring(open, i).chars().filter(ch -> ch == '\n').count() <= MAX_HEADING_LINES - 1;
    }

    /** Whether the bold marker at {@code i} opens a line whose bold closes at the end of it or of one of the next two. */
    private static boolean opensBoldHeading(String raw, int i) {
        char c = raw.charAt(i);
        if ((c != '*' && c != '_') || raw.charAt(i - 1) != '\n' && raw.charAt(i - 1) != '\r') {
            return false;
        }
        int close = raw.indexOf(raw.substring(i, i + 2), i + 2);
        return close > 0 && closesBoldHeading(raw, close) && raw.lastIndexOf(raw.substring(i, i + 2), close - 1) == i;
    }

    private static final Pattern HTML_TAG = Pattern.compile(
            "</?(?i:br|p|u|b|i|em|strong|sup|sub|span|font|small)(?:\\s[^<>\n]{0,200})?\\s?/?>");

    /**
     * How many characters of an HTML inline tag start at {@code i} (0 for none): {@code <br />}, {@code <u>},
     * {@code </sup>} … that a web copy of a PDF or a page's source left in the text. Communiqués never write these.
     */
    private static int htmlTag(String raw, int i) {
        if (raw.charAt(i) != '<') {
            return 0;
        }
        Matcher tag = HTML_TAG.matcher(raw).region(i, Math.min(raw.length(), i + 220));
        return tag.lookingAt() ? tag.end() - i : 0;
    }

    /** The vowels of pinyin with a tone mark: ā á ǎ à … ǜ. */
    private static final String TONE_MARKS = "\u0101\u00E1\u01CE\u00E0\u0113\u00E9\u011B\u00E8\u012B\u00ED\u01D0\u00EC"
            + "\u014D\u00F3\u01D2\u00F2\u016B\u00FA\u01D4\u00F9\u01D6\u01D8\u01DA\u01DC";
    private static final Pattern PINYIN_READING = Pattern.compile("[(（][a-z\u00FC" + TONE_MARKS + "]{1,6} ?[)）]");

    /**
     * How many characters of a pinyin reading start at {@code i} (0 for none): one syllable with its tone mark in
     * brackets right after a Han character, "國(guó)", as a page's ruby annotations read when copied as text. A
     * communiqué never glosses its own characters; a syllable without a tone mark ("(a)") is left alone.
     */
    private static int pinyinReading(String raw, int i, CharSequence cleaned) {
        char c = raw.charAt(i);
        if ((c != '(' && c != '（') || cleaned.length() == 0
                || Character.UnicodeScript.of(cleaned.charAt(cleaned.length() - 1)) != Character.UnicodeScript.HAN) {
            return 0;
        }
        Matcher reading = PINYIN_READING.matcher(raw).region(i, Math.min(raw.length(), i + 10));
        if (!reading.lookingAt()) {
            return 0;
        }
        boolean toned = reading.group().chars().anyMatch(ch -> TONE_MARKS.indexOf(ch) >= 0);
        return toned ? reading.end() - i : 0;
    }

    private static boolean lineBreakTag(String raw, int i, int length) {
        boolean lineBreak = raw.regionMatches(true, i, "<br", 0, 3) || raw.regionMatches(true, i, "</p", 0, 3);
        int next = i + length;
        return lineBreak && next < raw.length() && raw.charAt(next) != '\n' && raw.charAt(next) != '\r';
    }

    /**
     * How many characters of Markdown markup start at {@code i} (0 for none): a heading's {@code #}s with the
     * spaces after them at a line's start, a quote's {@code >}, and the {@code **} or {@code __} of bold text. A
     * communiqué copied from a web page or an archive in Markdown reads as its text; communiqués never write these.
     */
    private static int markdownMarkup(String raw, int i) {
        char c = raw.charAt(i);
        if ((c == '*' || c == '_') && i + 1 < raw.length() && raw.charAt(i + 1) == c) {
            return 2;
        }
        boolean lineStart = i == 0 || raw.charAt(i - 1) == '\n' || raw.charAt(i - 1) == '\r';
        if (!lineStart || (c != '#' && c != '>')) {
            return 0;
        }
        int end = i;
        while (end < raw.length() && end - i < MAX_HEADING_LEVEL && raw.charAt(end) == c) {
            end++;
        }
        if (c == '>' && end - i > 1 || end >= raw.length() || raw.charAt(end) != ' ') {
            return 0;
        }
        while (end < raw.length() && raw.charAt(end) == ' ') {
            end++;
        }
        return end - i;
    }
}
