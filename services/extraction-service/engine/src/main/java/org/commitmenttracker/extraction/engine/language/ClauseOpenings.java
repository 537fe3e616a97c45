package org.commitmenttracker.extraction.engine.language;

import java.util.List;

import org.commitmenttracker.extraction.engine.gazetteer.Countries;

/**
 * Reads how a clause opens: an optional subject ("双方", "俄方", "两国总理（…）"), optional adverbs, then a
 * verb of commitment ("愿", "将", "商定" …) or of reporting ("重申", "强调" …). Commitments are recognised by
 * this opening, never by a verb somewhere inside a clause, which keeps predictions ("…将创下新高") and
 * past appraisals ("积极评价…") out.
 */
public final class ClauseOpenings {
    /** The parties a subject names: every party of the document, or the listed ones. */
    public record Subject(boolean everyParty, List<String> codes) {
        static final Subject EVERY_PARTY = new Subject(true, List.of());
    }

    public enum Verb { COMMITMENT, REPORTING }

    /** What a clause opens with; {@code subject} and {@code verb} may each be null. {@code end} follows the verb. */
    public record Opening(Subject subject, Verb verb, int end) {
    }

    private static final int MAX_PARENTHETICAL = 40;
    private static final int MAX_ADVERBS = 3;

    private final List<String> everyPartySubjects;
    private final String partySuffix;
    private final List<String> adverbs;
    private final List<String> commitmentVerbs;
    private final List<String> reportingVerbs;
    private final Punctuation punctuation;
    private final Countries countries;

    ClauseOpenings(Lexicon lexicon, Punctuation punctuation, Countries countries) {
        this.everyPartySubjects = lexicon.longestFirst("subject.all");
        this.partySuffix = lexicon.single("subject.party-suffix");
        this.adverbs = lexicon.longestFirst("subject.adverb");
        this.commitmentVerbs = lexicon.longestFirst("cue.commitment");
        this.reportingVerbs = lexicon.longestFirst("verb.reporting");
        this.punctuation = punctuation;
        this.countries = countries;
    }

    public Opening at(String folded, int from) {
        int at = skipSpaces(folded, from);
        Subject subject = null;
        String everyParty = Lexicon.prefixAt(folded, at, everyPartySubjects);
        if (everyParty != null) {
            subject = Subject.EVERY_PARTY;
            at += everyParty.length();
        } else {
            int end = singlePartyEnd(folded, at);
            if (end > at) {
                subject = new Subject(false, List.of(countries.codeOfShortForm(folded.charAt(at))));
                at = end;
            }
        }
        if (subject != null) {
            at = skipParenthetical(folded, at);
        }
        for (int i = 0; i < MAX_ADVERBS; i++) {
            String adverb = Lexicon.prefixAt(folded, at, adverbs);
            if (adverb == null) {
                break;
            }
            at += adverb.length();
        }
        String commitment = Lexicon.prefixAt(folded, at, commitmentVerbs);
        if (commitment != null) {
            return new Opening(subject, Verb.COMMITMENT, at + commitment.length());
        }
        String reporting = Lexicon.prefixAt(folded, at, reportingVerbs);
        if (reporting != null) {
            return new Opening(subject, Verb.REPORTING, at + reporting.length());
        }
        return new Opening(subject, null, at);
    }

    /** "俄方": one short form followed by the party suffix. */
    private int singlePartyEnd(String folded, int at) {
        if (at < folded.length() && countries.codeOfShortForm(folded.charAt(at)) != null
                && folded.startsWith(partySuffix, at + 1)) {
            return at + 1 + partySuffix.length();
        }
        return at;
    }

    /** Skips a bracketed aside right after the subject, e.g. "（以下简称“双方”）". */
    private int skipParenthetical(String folded, int at) {
        if (at >= folded.length() || punctuation.depthChange(folded.charAt(at)) <= 0) {
            return at;
        }
        int depth = 0;
        int limit = Math.min(folded.length(), at + MAX_PARENTHETICAL);
        for (int i = at; i < limit; i++) {
            depth += punctuation.depthChange(folded.charAt(i));
            if (depth == 0) {
                return i + 1;
            }
        }
        return at;
    }

    private static int skipSpaces(String text, int from) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }
}
