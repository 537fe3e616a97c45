package org.commitmenttracker.extraction.engine.commitments;

import java.util.ArrayList;
import java.util.List;

import org.commitmenttracker.extraction.engine.language.Punctuation;

/**
 * Cuts folded text into sentences and sentences into clauses, at punctuation outside brackets and quotes
 * (a comma inside "（以下简称“双方”）" or a title does not end a clause).
 */
final class Sentences {
    private final Punctuation punctuation;

    Sentences(Punctuation punctuation) {
        this.punctuation = punctuation;
    }

    List<Span> sentences(String folded) {
        return split(folded, 0, folded.length(), true);
    }

    List<Span> clauses(String folded, Span sentence) {
        return split(folded, sentence.start(), sentence.end(), false);
    }

    private List<Span> split(String folded, int from, int to, boolean sentences) {
        List<Span> spans = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            char c = folded.charAt(i);
            depth = Math.max(0, depth + punctuation.depthChange(c));
            boolean boundary = sentences ? punctuation.endsSentenceAt(folded, i)
                    : punctuation.breaksClause(c) && !withinNumber(folded, i);
            if (depth == 0 && boundary) {
                spans.add(new Span(start, i + 1));
                start = i + 1;
            }
        }
        if (start < to) {
            spans.add(new Span(start, to));
        }
        return spans;
    }

    /** "1,000": a comma between digits separates thousands, not clauses. */
    private static boolean withinNumber(String folded, int i) {
        return folded.charAt(i) == ',' && i > 0 && i + 1 < folded.length() && Character.isDigit(folded.charAt(i - 1))
                && Character.isDigit(folded.charAt(i + 1));
    }
}
