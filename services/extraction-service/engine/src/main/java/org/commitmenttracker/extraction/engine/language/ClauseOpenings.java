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

    /**
     * What a clause opens with; {@code subject} and {@code verb} may each be null. {@code end} follows the verb.
     * {@code joined}: the clause opens with a conjunction ("and will …"), so it continues the sentence's subject.
     */
    public record Opening(Subject subject, Verb verb, int end, boolean joined) {
    }

    private static final int MAX_PARENTHETICAL = 40;
    private static final int MAX_ADVERBS = 3;

    private final Lexicon.PhraseIndex everyPartySubjects;
    private final Lexicon.PhraseIndex partySuffixes;
    private final String shortFormSuffix;
    private final Lexicon.PhraseIndex articles;
    private final Lexicon.PhraseIndex conjunctions;
    private final Lexicon.PhraseIndex adverbs;
    private final Lexicon.PhraseIndex commitmentVerbs;
    private final Lexicon.PhraseIndex reportingVerbs;
    private final Punctuation punctuation;
    private final Countries countries;
    private final boolean spacedWords;

    ClauseOpenings(Lexicon lexicon, Punctuation punctuation, Countries countries, boolean spacedWords) {
        this.everyPartySubjects = new Lexicon.PhraseIndex(lexicon.longestFirst("subject.all"));
        this.shortFormSuffix = lexicon.list("subject.party-suffix").get(0);
        this.partySuffixes = new Lexicon.PhraseIndex(lexicon.longestFirst("subject.party-suffix"));
        this.articles = new Lexicon.PhraseIndex(spacedWords ? lexicon.longestFirst("subject.article") : List.of());
        this.conjunctions = new Lexicon.PhraseIndex(spacedWords ? lexicon.longestFirst("subject.conjunction") : List.of());
        this.adverbs = new Lexicon.PhraseIndex(lexicon.longestFirst("subject.adverb"));
        this.commitmentVerbs = new Lexicon.PhraseIndex(lexicon.longestFirst("cue.commitment"));
        this.reportingVerbs = new Lexicon.PhraseIndex(lexicon.longestFirst("verb.reporting"));
        this.punctuation = punctuation;
        this.countries = countries;
        this.spacedWords = spacedWords;
    }

    public Opening at(String folded, int from) {
        int at = skipSpaces(folded, from);
        boolean joined = false;
        String conjunction = conjunctions.at(folded, at);
        if (conjunction != null) {
            joined = true;
            at = skipSpaces(folded, at + conjunction.length());
        }
        Subject subject = null;
        String everyParty = everyPartySubjects.at(folded, at);
        if (everyParty != null) {
            subject = Subject.EVERY_PARTY;
            at += everyParty.length();
        } else {
            int[] single = new int[1];
            String code = spacedWords ? namedParty(folded, at, single) : shortFormParty(folded, at, single);
            if (code != null) {
                subject = new Subject(false, List.of(code));
                at = single[0];
            }
        }
        if (subject != null) {
            at = skipParenthetical(folded, skipSpaces(folded, at));
        }
        for (int i = 0; i < MAX_ADVERBS; i++) {
            at = skipSpaces(folded, at);
            String adverb = adverbs.at(folded, at);
            if (adverb == null) {
                break;
            }
            at += adverb.length();
        }
        at = skipSpaces(folded, at);
        String commitment = commitmentVerbs.at(folded, at);
        if (commitment != null) {
            return new Opening(subject, Verb.COMMITMENT, at + commitment.length(), joined);
        }
        String reporting = reportingVerbs.at(folded, at);
        if (reporting != null) {
            return new Opening(subject, Verb.REPORTING, at + reporting.length(), joined);
        }
        return new Opening(subject, null, at, joined);
    }

    /** Whether a conjunction that continues a subject ("and") stands at {@code at}. */
    public boolean conjunctionAt(String folded, int at) {
        return conjunctions.at(folded, at) != null;
    }

    /** "俄方": one short form followed by the party suffix; the end goes to {@code end[0]}. */
    private String shortFormParty(String folded, int at, int[] end) {
        String suffix = shortFormSuffix;
        if (at < folded.length() && countries.codeOfShortForm(folded.charAt(at)) != null
                && folded.startsWith(suffix, at + 1)) {
            end[0] = at + 1 + suffix.length();
            return countries.codeOfShortForm(folded.charAt(at));
        }
        return null;
    }

    /** "China", "the Russian side", "Китайская сторона": an optional article, a state, an optional suffix. */
    private String namedParty(String folded, int from, int[] end) {
        int at = from;
        String article = articles.at(folded, at);
        if (article != null) {
            at = skipSpaces(folded, at + article.length());
        }
        String[] state = countries.subjectAt(folded, at);
        if (state == null) {
            return null;
        }
        at += Integer.parseInt(state[1]);
        int afterSpaces = skipSpaces(folded, at);
        String suffix = partySuffixes.at(folded, afterSpaces);
        end[0] = suffix != null ? afterSpaces + suffix.length() : at;
        return state[0];
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
