package org.commitmenttracker.extraction.engine.commitments;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.commitmenttracker.extraction.engine.language.Punctuation;

/**
 * Cuts folded text into sentences and sentences into clauses, at punctuation outside brackets and quotes
 * (a comma inside "（以下简称“双方”）" or a title does not end a clause). A quote that opens the sentence and
 * closes before its reporting tail ("«В духе …, Стороны продолжат …», — говорится в документе.") is the
 * statement a news copy quotes, whose clauses are cut as the statement's own; so is one that closes after the
 * statement's own comma ("“We will …,” the declaration said.") or runs on over several sentences, each of which
 * stays a sentence.
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
        int quotedStatement = sentences ? -1 : quotedStatement(folded, from, to);
        BitSet unclosed = unclosedBrackets(folded, from, to);
        // A quote that opens a sentence and holds several ("“We will …. We will …,” the declaration said."): the
        // statement a news copy quotes, whose sentences stay sentences of their own.
        boolean quotedSentences = false;
        boolean blankSinceStart = true; // kept as it goes: looking back at every quote mark would be quadratic
        for (int i = from; i < to; i++) {
            char c = folded.charAt(i);
            if (sentences && depth == 0 && punctuation.opensQuote(c) && blankSinceStart) {
                quotedSentences = true;
            }
            blankSinceStart &= Character.isWhitespace(c);
            if (i != quotedStatement && !unclosed.get(i)) {
                depth = Math.max(0, depth + punctuation.depthChange(c));
            }
            quotedSentences &= depth > 0;
            boolean boundary = sentences ? punctuation.endsSentenceAt(folded, i)
                    : punctuation.breaksClause(c) && !withinNumber(folded, i);
            if ((depth == 0 || quotedSentences && depth == 1) && boundary) {
                spans.add(new Span(start, i + 1));
                start = i + 1;
                blankSinceStart = true;
            }
        }
        if (start < to) {
            spans.add(new Span(start, to));
        }
        return spans;
    }

    /**
     * Where a quote opening the sentence stands when it closes right before a clause break or the sentence's end,
     * so that it quotes a statement rather than names a title; -1 otherwise.
     */
    private int quotedStatement(String folded, int from, int to) {
        int open = from;
        while (open < to && Character.isWhitespace(folded.charAt(open))) {
            open++;
        }
        if (open >= to || folded.charAt(open) != punctuation.titleOpen() && !punctuation.opensQuote(folded.charAt(open))) {
            return -1;
        }
        int depth = 0;
        for (int i = open; i < to; i++) {
            depth += punctuation.depthChange(folded.charAt(i));
            if (depth == 0) {
                int next = i + 1;
                while (next < to && Character.isWhitespace(folded.charAt(next))) {
                    next++;
                }
                // English closes the quote after the statement's own comma: "“We will …,” the declaration said."
                char closed = folded.charAt(i - 1);
                return next >= to || punctuation.breaksClause(folded.charAt(next))
                        || punctuation.endsSentence(folded.charAt(next)) || punctuation.breaksClause(closed)
                        || punctuation.endsSentence(closed) ? open : -1;
            }
        }
        // A quote still open at the sentence's end goes on into the next sentence: a statement quoted at length.
        return punctuation.opensQuote(folded.charAt(open)) ? open : -1;
    }

    /**
     * The opening brackets that no bracket closes before {@code to}: stray characters, such as the random strings
     * a forum's copy guard scatters through a repost ("~( d 为此，…"), not brackets, so the sentence ends after them
     * still count.
     */
    private BitSet unclosedBrackets(String folded, int from, int to) {
        ArrayDeque<Integer> open = new ArrayDeque<>();
        for (int i = from; i < to; i++) {
            int change = punctuation.depthChange(folded.charAt(i));
            if (change > 0) {
                open.push(i);
            } else if (change < 0 && !open.isEmpty()) {
                open.pop();
            }
        }
        BitSet unclosed = new BitSet();
        open.forEach(unclosed::set);
        return unclosed;
    }

    /** "1,000": a comma between digits separates thousands, not clauses. */
    private static boolean withinNumber(String folded, int i) {
        return folded.charAt(i) == ',' && i > 0 && i + 1 < folded.length() && Character.isDigit(folded.charAt(i - 1))
                && Character.isDigit(folded.charAt(i + 1));
    }
}
