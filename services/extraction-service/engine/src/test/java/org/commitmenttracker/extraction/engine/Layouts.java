package org.commitmenttracker.extraction.engine;

import java.util.List;

/** Renders paragraphs the ways communiqués reach users: hard-wrapped from a PDF, or as wire copy. */
final class Layouts {
    private static final List<String> PAGE_MARKERS = List.of("— 1 —", "- 2 -", "第 3 页", "\f");

    private Layouts() {
    }

    /** One paragraph per line. */
    static String lines(List<String> paragraphs) {
        return String.join("\n", paragraphs);
    }

    /** Every newline collapsed into a space, as wire services republish. */
    static String wire(List<String> paragraphs) {
        return String.join(" ", paragraphs);
    }

    /**
     * Hard-wrapped at {@code width} characters with a blank line after every line (as text extracted from a
     * PDF) and a page marker of another form every {@code pageLines} lines.
     */
    static String pdf(List<String> paragraphs, int width, int pageLines) {
        StringBuilder out = new StringBuilder();
        int line = 0;
        for (String paragraph : paragraphs) {
            for (int start = 0; start < paragraph.length(); start += width) {
                out.append(paragraph, start, Math.min(paragraph.length(), start + width)).append("\n\n");
                if (++line % pageLines == 0) {
                    out.append(PAGE_MARKERS.get(line / pageLines % PAGE_MARKERS.size())).append("\n\n");
                }
            }
        }
        return out.toString();
    }

    /** Hard-wrapped, with blank lines only between paragraphs. */
    static String wrappedWithBlankLinesBetweenParagraphs(List<String> paragraphs, int width) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : paragraphs) {
            for (int start = 0; start < paragraph.length(); start += width) {
                out.append(paragraph, start, Math.min(paragraph.length(), start + width)).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Full-width digits, and a space on each side of every run of digits ("2023 年"). */
    static String fullWidthSpacedDigits(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean runStarts = digit && (i == 0 || !Character.isDigit(text.charAt(i - 1)));
            boolean runEnds = digit && (i + 1 == text.length() || !Character.isDigit(text.charAt(i + 1)));
            out.append(runStarts ? " " : "").append(digit ? (char) (c + 0xFEE0) : c).append(runEnds ? " " : "");
        }
        return out.toString();
    }
}
