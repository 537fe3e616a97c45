package org.commitmenttracker.extraction.engine.language;

/** The marks that end sentences and clauses and that open and close brackets, as one language writes them. */
public final class Punctuation {
    private static final String QUOTE_OPENINGS = "“«„‘「『";
    private final String sentenceEnds;
    private final String clauseBreaks;
    private final String leadEnds;
    private final String itemEnds;
    private final String opening;
    private final String closing;
    private final char titleOpen;
    private final char titleClose;
    private final boolean periodRules;
    private final java.util.Set<String> abbreviations;

    Punctuation(Lexicon lexicon) {
        this.sentenceEnds = lexicon.chars("sentence.end");
        this.clauseBreaks = lexicon.chars("clause.break");
        this.leadEnds = lexicon.chars("lead.end");
        this.itemEnds = lexicon.chars("item.end");
        this.opening = lexicon.chars("bracket.open");
        this.closing = lexicon.chars("bracket.close");
        this.titleOpen = lexicon.single("title.open").charAt(0);
        this.titleClose = lexicon.single("title.close").charAt(0);
        this.periodRules = sentenceEnds.indexOf('.') >= 0;
        this.abbreviations = java.util.Set.copyOf(lexicon.listOrEmpty("abbreviation"));
    }

    /**
     * Whether the mark at {@code i} ends a sentence in its context. A full stop of an alphabetic script does only
     * when followed by a space, a closing mark or the end, and not after an abbreviation ("e.g.", "U.S.",
     * "No.") nor inside a number ("1.5"); the marks of Chinese end a sentence wherever they stand.
     */
    public boolean endsSentenceAt(CharSequence text, int i) {
        char c = text.charAt(i);
        if (!endsSentence(c)) {
            return false;
        }
        if (c != '.' || !periodRules) {
            return true;
        }
        int next = i + 1;
        while (next < text.length() && depthChange(text.charAt(next)) < 0) {
            next++;
        }
        if (next < text.length() && !Character.isWhitespace(text.charAt(next))) {
            return false;
        }
        int wordStart = i;
        while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1)) && depthChange(text.charAt(wordStart - 1)) <= 0) {
            wordStart--;
        }
        String word = text.subSequence(wordStart, i + 1).toString();
        // "ASEAN-U.S.": initials closing a compound are initials too.
        String last = word.substring(Math.max(word.lastIndexOf('-'), word.lastIndexOf('/')) + 1);
        return !abbreviations.contains(word) && !isInitials(word) && !isInitials(last);
    }

    /** "U.S.", "e.g.": single letters each followed by a full stop. */
    private static boolean isInitials(String word) {
        if (word.length() < 2 || word.length() % 2 != 0) {
            return false;
        }
        for (int k = 0; k < word.length(); k += 2) {
            if (!Character.isLetter(word.charAt(k)) || word.charAt(k + 1) != '.') {
                return false;
            }
        }
        return word.length() >= 4 || Character.isUpperCase(word.charAt(0));
    }

    public boolean endsSentence(char c) {
        return sentenceEnds.indexOf(c) >= 0;
    }

    public boolean breaksClause(char c) {
        return clauseBreaks.indexOf(c) >= 0;
    }

    /** A colon: what precedes it introduces a list. */
    public boolean endsLeadIn(char c) {
        return leadEnds.indexOf(c) >= 0;
    }

    /** +1 for an opening bracket or quote, -1 for a closing one, 0 otherwise. */
    public int depthChange(char c) {
        if (opening.indexOf(c) >= 0) {
            return 1;
        }
        return closing.indexOf(c) >= 0 ? -1 : 0;
    }

    /** Whether {@code c} opens a quotation rather than a parenthesis. */
    public boolean opensQuote(char c) {
        return QUOTE_OPENINGS.indexOf(c) >= 0 && opening.indexOf(c) >= 0;
    }

    /** Whether {@code c} separates the items of a list ("；", ";"). */
    public boolean endsItem(char c) {
        return itemEnds.indexOf(c) >= 0;
    }

    /** Whether a list item may follow a character: after a sentence, a lead-in, a semicolon or a title. */
    public boolean mayPrecedeItem(char c) {
        return endsSentence(c) || endsLeadIn(c) || itemEnds.indexOf(c) >= 0 || c == titleClose;
    }

    public char titleOpen() {
        return titleOpen;
    }

    public char titleClose() {
        return titleClose;
    }
}
