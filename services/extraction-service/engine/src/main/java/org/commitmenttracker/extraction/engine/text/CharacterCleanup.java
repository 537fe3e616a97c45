package org.commitmenttracker.extraction.engine.text;

/**
 * Character-level clean-up of text as published: full-width digits and Latin letters become ASCII (what NFKC
 * does to them), odd spaces become plain ones, invisible characters go, and every line or page break becomes
 * a newline. Full-width punctuation is kept: it is part of the text as the parties published it. Each character
 * of the result keeps where it stood in the raw text.
 */
public final class CharacterCleanup {
    private static final char FULL_WIDTH_OFFSET = 0xFEE0;

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
}
