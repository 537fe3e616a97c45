package org.commitmenttracker.extraction.engine.language;

/** The marks that end sentences and clauses and that open and close brackets, as one language writes them. */
public final class Punctuation {
    private final String sentenceEnds;
    private final String clauseBreaks;
    private final String leadEnds;
    private final String itemEnds;
    private final String opening;
    private final String closing;
    private final char titleOpen;
    private final char titleClose;

    Punctuation(Lexicon lexicon) {
        this.sentenceEnds = lexicon.chars("sentence.end");
        this.clauseBreaks = lexicon.chars("clause.break");
        this.leadEnds = lexicon.chars("lead.end");
        this.itemEnds = lexicon.chars("item.end");
        this.opening = lexicon.chars("bracket.open");
        this.closing = lexicon.chars("bracket.close");
        this.titleOpen = lexicon.single("title.open").charAt(0);
        this.titleClose = lexicon.single("title.close").charAt(0);
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
