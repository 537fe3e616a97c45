package org.commitmenttracker.extraction.engine.commitments;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.commitmenttracker.extraction.engine.TimeSpan;
import org.commitmenttracker.extraction.engine.language.DateForms;
import org.commitmenttracker.extraction.engine.language.Lexicon;
import org.commitmenttracker.extraction.engine.text.Characters;

/**
 * A pledge in the past tense that its sentence places in an earlier time recounts an earlier decision instead of
 * stating this meeting's ("In 2015, we committed to …", "At our last meeting, leaders agreed to …", "When the
 * partnership was launched, we pledged to …", "Ранее Стороны договорились …"). The pledge's verb opens with a
 * past form ({@code recount.past-word}, or a word ending in {@code recount.past-ending}), and the sentence says
 * "earlier" at the opening of a clause before it (within its first {@value #OPENING_WORDS} words, after a
 * preposition of {@code recount.preposition} or first) or before the verb in the pledge's own clause:
 * <ul>
 * <li>a time expression that ends before the document's year ("in 2015", "last year", "в 2019 году");</li>
 * <li>a word of an earlier time ({@code recount.earlier}: "last", "previous", "ранее");</li>
 * <li>a clause of time or manner in the past ({@code recount.conjunction}: "when", "since", "как", and a past
 * form in that clause: "When the agreement was signed,", "Как было условлено …,");</li>
 * <li>a clause of time closed by a postposition ({@code recount.postposition}) that holds a word of an earlier time
 * or an earlier time expression anywhere ("首相去年访华后，").</li>
 * </ul>
 * A present or future pledge in such a sentence still counts, and so does a past one whose own clause says "now"
 * before its verb ({@code recount.present}: "At our last meeting we agreed X; today we agreed Y" pledges Y). In a script without spaces ({@link Characters#isWide})
 * a past form or a word of an earlier time may start at any character ("此前，双方商定…"). A lexicon without
 * these keys reads no recount.
 */
final class Recounts {
    private static final int OPENING_WORDS = 3;
    private static final int MIN_ENDING_STEM = 2;

    private final Lexicon.PhraseIndex pastWords;
    private final List<String> pastEndings;
    private final Lexicon.PhraseIndex earlierWords;
    private final Lexicon.PhraseIndex presentWords;
    private final Lexicon.PhraseIndex prepositions;
    private final Lexicon.PhraseIndex conjunctions;
    private final List<String> postpositions;
    private final DateForms dates;
    private final boolean enabled;

    Recounts(Lexicon lexicon, DateForms dates) {
        this.pastWords = new Lexicon.PhraseIndex(longestFirst(lexicon, "recount.past-word"));
        this.pastEndings = lexicon.listOrEmpty("recount.past-ending").stream().map(Recounts::lower).toList();
        this.earlierWords = new Lexicon.PhraseIndex(longestFirst(lexicon, "recount.earlier"));
        this.presentWords = new Lexicon.PhraseIndex(longestFirst(lexicon, "recount.present"));
        this.enabled = lexicon.has("recount.past-word") || lexicon.has("recount.past-ending");
        this.prepositions = new Lexicon.PhraseIndex(longestFirst(lexicon, "recount.preposition"));
        this.conjunctions = new Lexicon.PhraseIndex(longestFirst(lexicon, "recount.conjunction"));
        this.postpositions = longestFirst(lexicon, "recount.postposition");
        this.dates = dates;
    }

    /** Whether the lexicon says how the language writes the past (else nothing is read as a recount). */
    boolean enabled() {
        return enabled;
    }

    /** Reads one sentence clause by clause; {@code documentDate} may be null (no time expression dates earlier). */
    InSentence in(String folded, Span sentence, LocalDate documentDate) {
        return new InSentence(folded, sentence, documentDate);
    }

    /**
     * What a sentence has placed earlier so far: the finder tells it each clause it goes past, then asks about a
     * pledge. The sentence's time expressions are read once, when first needed.
     */
    final class InSentence {
        private final String folded;
        private final Span sentence;
        private final LocalDate documentDate;
        private List<TimeSpan> earlierTimes;
        private boolean placedEarlier;

        private InSentence(String folded, Span sentence, LocalDate documentDate) {
            this.folded = folded;
            this.sentence = sentence;
            this.documentDate = documentDate;
        }

        /** A clause before any pledge this sentence may still hold. */
        void passed(Span clause) {
            placedEarlier = placedEarlier || placesEarlier(folded, clause, this::earlierTimes);
        }

        /** Whether the pledge whose verb starts at {@code verbStart}, in {@code clause}, recounts an earlier one. */
        boolean recounts(Span clause, int verbStart) {
            return isPast(folded, verbStart, wordEnd(folded, verbStart))
                    && !wordWithin(presentWords, folded, clause.start(), verbStart)
                    && (placedEarlier || earlierWithin(folded, clause.start(), verbStart, earlierTimes()));
        }

        /** The sentence's time expressions that end before the document's year. */
        private List<TimeSpan> earlierTimes() {
            if (earlierTimes == null) {
                earlierTimes = documentDate == null ? List.of() : readEarlierTimes();
            }
            return earlierTimes;
        }

        private List<TimeSpan> readEarlierTimes() {
            String text = folded.substring(sentence.start(), sentence.end());
            LocalDate yearStart = documentDate.withDayOfYear(1);
            int from = sentence.start();
            return dates.find(text, text, documentDate).stream()
                    .filter(time -> time.end() != null && time.end().isBefore(yearStart))
                    .map(time -> time.locatedAt(from + time.sourceStart(), from + time.sourceEnd()))
                    .toList();
        }
    }

    /** A clause before the pledge's that opens by placing what follows earlier. */
    private boolean placesEarlier(String folded, Span clause, Supplier<List<TimeSpan>> earlierTimes) {
        int first = skipNonWords(folded, clause.start(), clause.end());
        String conjunction = conjunctions.at(folded, first);
        if (conjunction != null && hasPastWord(folded, first + conjunction.length(), clause.end())) {
            return true;
        }
        if (endsOnPostposition(folded, clause) && earlierWithin(folded, first, clause.end(), earlierTimes.get())) {
            // "首相去年访华后，": a clause of time closed by its postposition, in an earlier time.
            return true;
        }
        String preposition = prepositions.at(folded, first);
        if (preposition == null) {
            // Only the clause's first word: "Last year,", "Ранее,", "In 2015," (the date form takes its "in").
            return earlierWords.at(folded, first) != null
                    || earlierTimes.get().stream().anyMatch(time -> time.sourceStart() == first);
        }
        // "At our last meeting,", "At the 2019 Summit,": the preposition and the words after it.
        int end = first + preposition.length();
        for (int word = 0; word < OPENING_WORDS - 1 && end < clause.end(); word++) {
            end = wordEnd(folded, skipNonWords(folded, end, clause.end()));
        }
        return earlierWithin(folded, first, Math.min(end, clause.end()), earlierTimes.get());
    }

    /** Whether the clause, without its closing mark, ends on a postposition of time ({@code recount.postposition}). */
    private boolean endsOnPostposition(String folded, Span clause) {
        int end = clause.end();
        while (end > clause.start() && !Character.isLetterOrDigit(folded.charAt(end - 1))) {
            end--;
        }
        String text = folded.substring(clause.start(), end);
        return postpositions.stream().anyMatch(text::endsWith);
    }

    /** Whether a word of an earlier time or an earlier time expression starts between {@code from} and {@code to}. */
    private boolean earlierWithin(String folded, int from, int to, List<TimeSpan> earlierTimes) {
        return earlierTimes.stream().anyMatch(time -> time.sourceStart() >= from && time.sourceStart() < to)
                || wordWithin(earlierWords, folded, from, to);
    }

    /** Whether a word or phrase of {@code words} starts between {@code from} and {@code to}. */
    private static boolean wordWithin(Lexicon.PhraseIndex words, String folded, int from, int to) {
        for (int at = skipNonWords(folded, from, to); at < to; at = nextWord(folded, at, to)) {
            if (words.at(folded, at) != null) {
                return true;
            }
        }
        return false;
    }

    private boolean hasPastWord(String folded, int from, int to) {
        for (int at = skipNonWords(folded, from, to); at < to; at = nextWord(folded, at, to)) {
            if (isPast(folded, at, wordEnd(folded, at))) {
                return true;
            }
        }
        return false;
    }

    private boolean isPast(String folded, int start, int end) {
        if (pastWords.at(folded, start) != null) {
            return true;
        }
        if (pastEndings.isEmpty()) {
            return false;
        }
        String word = lower(folded.substring(start, end));
        for (String ending : pastEndings) {
            if (word.length() >= ending.length() + MIN_ENDING_STEM && word.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /** The next place a word may start: the next word of a spaced script, the next character of a wide one. */
    private static int nextWord(String folded, int at, int to) {
        return skipNonWords(folded, Characters.isWide(folded.charAt(at)) ? at + 1 : wordEnd(folded, at), to);
    }

    private static int wordEnd(String folded, int at) {
        int end = at;
        while (end < folded.length() && (Character.isLetterOrDigit(folded.charAt(end)) || folded.charAt(end) == '-')) {
            end++;
        }
        return end;
    }

    private static int skipNonWords(String folded, int from, int to) {
        int at = from;
        while (at < to && !Character.isLetterOrDigit(folded.charAt(at))) {
            at++;
        }
        return at;
    }

    private static List<String> longestFirst(Lexicon lexicon, String key) {
        return lexicon.has(key) ? lexicon.longestFirst(key) : List.of();
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
