package org.commitmenttracker.extraction.engine.text;

import java.util.Arrays;

/**
 * What the line structure of a text says. Text extracted from a PDF is hard-wrapped at a fixed width: a line
 * shorter than that width ends a paragraph, a full one may not. Text with one paragraph per line (or none at
 * all, as wire copy with collapsed newlines) is not wrapped: there every newline ends a paragraph. Blank lines
 * mean a paragraph break only where they are not simply put after every line.
 */
record Layout(boolean wrapped, int wrapColumns, boolean blankLinesSeparateParagraphs) {
    private static final int MIN_LINES = 5;
    private static final int MAX_WRAP_COLUMNS = 200;
    private static final double FULL_LINE = 0.8;
    private static final double OVERLONG_LINE = 1.25;
    private static final double MAX_OVERLONG_SHARE = 0.1;
    private static final double MIN_FULL_SHARE = 0.4;
    private static final double BLANK_AFTER_EVERY_LINE = 0.6;

    static Layout of(int[] lineColumns, int lineGaps, int blankGaps) {
        boolean blankLinesMeaningful = lineGaps > 0 && blankGaps < BLANK_AFTER_EVERY_LINE * lineGaps;
        if (lineColumns.length < MIN_LINES) {
            return new Layout(false, 0, blankLinesMeaningful);
        }
        int[] sorted = lineColumns.clone();
        Arrays.sort(sorted);
        int wrapColumns = sorted[(int) Math.floor(0.9 * (sorted.length - 1))];
        long full = Arrays.stream(lineColumns).filter(c -> c >= FULL_LINE * wrapColumns).count();
        // A hard wrap sets the longest a line may be: lines well past the width most lines reach (more than a
        // title's worth) are paragraphs of a copy with one paragraph per line, as a news page whose paragraphs
        // happen to be of similar length.
        long overlongLines = Arrays.stream(lineColumns).filter(c -> c > OVERLONG_LINE * wrapColumns).count();
        boolean overlong = overlongLines > MAX_OVERLONG_SHARE * lineColumns.length;
        boolean wrapped = wrapColumns <= MAX_WRAP_COLUMNS && full >= MIN_FULL_SHARE * lineColumns.length && !overlong;
        return new Layout(wrapped, wrapColumns, blankLinesMeaningful);
    }

    /** Whether a line of this many columns stops short of the wrap width, so its paragraph may end there. */
    boolean isShort(int columns) {
        return !wrapped || columns < FULL_LINE * wrapColumns;
    }
}
