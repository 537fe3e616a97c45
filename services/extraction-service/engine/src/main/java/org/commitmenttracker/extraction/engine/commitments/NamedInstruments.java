package org.commitmenttracker.extraction.engine.commitments;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.commitmenttracker.extraction.engine.language.Lexicon;

/**
 * Instruments named without brackets, as English writes them: a title in title case that ends in an instrument
 * noun ("Paris Agreement", "2030 Agenda", "Work Plan III (2022-2026)"), optionally with a qualifier in title case
 * that opens with a listed preposition ("… on Trade in Services"). A name is introduced by a determiner ("the",
 * "this", "a new"; {@code instrument.article}, {@code instrument.adjective}) or by an owner's possessive
 * ("Chancellor Weber’s Recovery Formula": the title is what follows), or opens with an organisation's acronym ("SADC
 * Roadmap on Industrialisation"), or carries its number ("Presidential Order 2231", "Notice … No. 7 of 2024").
 * A date of adoption before it ("the March 2019 … Statement") is no part of it; a bare year is ("the 2005
 * Convention on …"). An acronym in brackets inside the title that more title words follow belongs to it ("United
 * Nations (UN) Charter"); one after it is its alias, not another instrument. A title in quotation marks is taken
 * as quoted. Every word comes from the lexicon ({@code instrument.noun}, {@code instrument.numbered-noun},
 * {@code instrument.acronym}, {@code instrument.qualifier}, {@code instrument.connector}). A bare noun ("the
 * Agreement") and lowercase mentions ("the agreement") are no names. Linear in the text: a title is tried only
 * where a determiner, possessive, acronym or capitalised word opens one, and reads at most {@value #MAX_WORDS}
 * words.
 */
public final class NamedInstruments {
    private static final int MAX_WORDS = 40;
    private static final String NUMBER_SIGN = "No.";

    private final Set<String> articles;
    private final Set<String> adjectives;
    private final Set<String> nouns;
    private final Set<String> numberedNouns;
    private final Set<String> acronyms;
    private final Set<String> qualifiers;
    private final Set<String> connectors;
    private final Set<String> months;

    public NamedInstruments(Lexicon lexicon) {
        this.articles = lower(lexicon.listOrEmpty("instrument.article"));
        this.adjectives = lower(lexicon.listOrEmpty("instrument.adjective"));
        this.nouns = Set.copyOf(lexicon.listOrEmpty("instrument.noun"));
        this.numberedNouns = Set.copyOf(lexicon.listOrEmpty("instrument.numbered-noun"));
        this.acronyms = Set.copyOf(lexicon.listOrEmpty("instrument.acronym"));
        this.qualifiers = lower(lexicon.listOrEmpty("instrument.qualifier"));
        this.connectors = lower(lexicon.listOrEmpty("instrument.connector"));
        this.months = Set.copyOf(lexicon.listOrEmpty("date.month").stream().map(m -> m.split(":")[0]).toList());
    }

    public boolean enabled() {
        return !articles.isEmpty() && !nouns.isEmpty();
    }

    private static Set<String> lower(List<String> words) {
        return Set.copyOf(words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
    }

    /** A word of the text: its bounds. */
    private record Word(int start, int end, String text) {
        boolean capitalised() {
            return Character.isUpperCase(text.charAt(0));
        }

        /** A number: "2063", "IV", or a document code "A/RES/75/239". */
        boolean numeric() {
            return Character.isDigit(text.charAt(0)) || text.length() >= 2 && text.chars().allMatch(c -> c == 'I' || c == 'V' || c == 'X')
                    || text.indexOf('/') > 0 && text.chars().anyMatch(Character::isDigit);
        }

        boolean titled() {
            return capitalised() || numeric();
        }

        boolean is(String s) {
            return text.equals(s);
        }

        /** "Weber’s", "SADC’s": the owner of what follows. */
        boolean possessive() {
            return text.length() > 2 && (text.endsWith("’s") || text.endsWith("'s"));
        }

        /** "ASEAN", "G7", "UN", "U.S.", "ASEAN’s": capitals (and digits) only. */
        boolean acronym() {
            String bare = possessive() ? text.substring(0, text.length() - 2) : text;
            long letters = bare.chars().filter(Character::isLetter).count();
            return letters >= 1 && bare.length() >= 2 && bare.chars().allMatch(c -> Character.isUpperCase(c)
                    || Character.isDigit(c) || c == '.' || c == '-');
        }
    }

    /** A title found at a position of the text. */
    public record Found(int start, String title) {
    }

    /** A title's last word (exclusive index) and whether it carries its number. */
    private record Span(int end, boolean numbered) {
    }

    public List<Found> in(String text) {
        List<Found> found = new ArrayList<>();
        if (!enabled()) {
            return found;
        }
        List<Word> words = words(text);
        Set<String> aliases = new HashSet<>();
        int i = 0;
        while (i < words.size()) {
            Word word = words.get(i);
            int quoteEnd = quotedTitleEnd(words, i);
            if (quoteEnd > i) {
                found.add(quoted(text, words, i, quoteEnd));
                i = quoteEnd + 1;
                continue;
            }
            int start = -1;
            boolean mustBeNumbered = false;
            boolean afterTitled = i > 0 && words.get(i - 1).titled() && adjacent(text, words.get(i - 1), word);
            if (articles.contains(word.text().toLowerCase(Locale.ROOT))) {
                start = afterDeterminer(words, i + 1);
            } else if (word.possessive() && !word.acronym() && word.capitalised()) {
                start = i + 1;
            } else if (!afterTitled && word.acronym()) {
                start = i;
            } else if (!afterTitled && word.capitalised()) {
                start = i;
                mustBeNumbered = true;
            }
            if (start >= 0 && start < words.size() && adjacentRun(text, words, i, start)) {
                Span span = title(text, words, start);
                if (span != null && (!mustBeNumbered || span.numbered())) {
                    Word first = words.get(start);
                    String title = text.substring(first.start(), words.get(span.end() - 1).end());
                    if (!aliases.contains(title)) {
                        found.add(new Found(first.start(), title));
                    }
                    i = span.end();
                    int aliasEnd = bracketedAliasEnd(words, i);
                    if (aliasEnd > i) {
                        aliases.add(text.substring(words.get(i + 1).start(), words.get(aliasEnd - 2).end()));
                        i = aliasEnd;
                    }
                    continue;
                }
            }
            i++;
        }
        return found;
    }

    /** Past the adjectives ("new") and a date of adoption ("November 2022") after a determiner. */
    private int afterDeterminer(List<Word> words, int from) {
        int at = from;
        while (at < words.size() && adjectives.contains(words.get(at).text())) {
            at++;
        }
        if (at + 1 < words.size() && months.contains(words.get(at).text()) && words.get(at + 1).numeric()) {
            at += 2;
        }
        return at;
    }

    /** The index of the closing quotation mark when a quoted title in title case opens at {@code at}; else -1. */
    private int quotedTitleEnd(List<Word> words, int at) {
        if (!words.get(at).is("“")) {
            return -1;
        }
        boolean noun = false;
        for (int k = at + 1; k < words.size() && k - at <= MAX_WORDS; k++) {
            Word word = words.get(k);
            if (word.is("”")) {
                return noun && k > at + 1 && words.get(at + 1).capitalised() ? k : -1;
            }
            if (word.is(".") || word.is("!") || word.is("?") || word.is(":") || word.is("“")) {
                return -1;
            }
            noun |= nouns.contains(word.text());
        }
        return -1;
    }

    private static Found quoted(String text, List<Word> words, int open, int close) {
        int last = close - 1;
        while (last > open + 1 && ",;.".contains(words.get(last).text())) {
            last--;
        }
        Word first = words.get(open + 1);
        return new Found(first.start(), text.substring(first.start(), words.get(last).end()));
    }

    /** "(SEANWFZ Treaty)" right after a title: its short name; the index after the bracket, else -1. */
    private static int bracketedAliasEnd(List<Word> words, int at) {
        if (at + 2 >= words.size() || !words.get(at).is("(") || !words.get(at + 1).capitalised()) {
            return -1;
        }
        for (int k = at + 2; k < words.size() && k <= at + 6; k++) {
            if (words.get(k).is(")")) {
                return k + 1;
            }
            if (!words.get(k).titled()) {
                return -1;
            }
        }
        return -1;
    }

    /** "( MPAC )" at {@code at}: the acronym; else null. */
    private static String bracketedAcronymAt(List<Word> words, int at) {
        if (at + 2 < words.size() && words.get(at).is("(") && words.get(at + 1).acronym() && words.get(at + 2).is(")")) {
            return words.get(at + 1).text();
        }
        return null;
    }

    /** "(2015-2025)", "(1999)": the years an instrument covers or was adopted in; the index after it, else -1. */
    private static int bracketedYearsEnd(List<Word> words, int at) {
        if (at + 2 < words.size() && words.get(at).is("(") && Character.isDigit(words.get(at + 1).text().charAt(0))
                && words.get(at + 1).text().chars().allMatch(c -> Character.isDigit(c) || c == '-' || c == '–')
                && words.get(at + 2).is(")")) {
            return at + 3;
        }
        return -1;
    }

    /** Words of letters, digits, hyphens, dashes and apostrophes, and every other non-space character alone. */
    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (Character.isLetterOrDigit(c)) {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || isJoiner(text, i)
                        || isInitialStop(text, start, i) || isCode(text, i))) {
                    i++;
                }
                if (i < text.length() && isPluralPossessive(text, i)) {
                    i++;
                } else if (text.startsWith(NUMBER_SIGN, start) && i == start + 2 && i + 2 < text.length()
                        && text.charAt(i + 1) == ' ' && Character.isDigit(text.charAt(i + 2))) {
                    i++;
                }
            } else {
                i++;
            }
            words.add(new Word(start, i, text.substring(start, i)));
        }
        return words;
    }

    /** A hyphen, dash or apostrophe between two letters or digits joins them into one word. */
    private static boolean isJoiner(String text, int i) {
        char c = text.charAt(i);
        boolean joiner = c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2013' || c == '\'' || c == '\u2019';
        return joiner && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1))
                && i > 0 && Character.isLetterOrDigit(text.charAt(i - 1));
    }

    /** "U.S.", "ASEAN-U.S.": the full stop after a single capital initial belongs to the word. */
    private static boolean isInitialStop(String text, int wordStart, int i) {
        if (text.charAt(i) != '.' || i == wordStart || !Character.isUpperCase(text.charAt(i - 1))
                || i - 2 >= wordStart && Character.isLetter(text.charAt(i - 2))) {
            return false;
        }
        boolean nextInitial = i + 2 < text.length() && Character.isUpperCase(text.charAt(i + 1)) && text.charAt(i + 2) == '.';
        return nextInitial || text.lastIndexOf('.', i - 1) >= wordStart;
    }

    /** "A/RES/75/239": a slash between letters or digits joins a document code. */
    private static boolean isCode(String text, int i) {
        return text.charAt(i) == '/' && i > 0 && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i - 1))
                && Character.isLetterOrDigit(text.charAt(i + 1));
    }

    /** "Leaders’ …": the apostrophe of a plural's possessive belongs to the word. */
    private static boolean isPluralPossessive(String text, int i) {
        char c = text.charAt(i);
        return (c == '\u2019' || c == '\'') && text.charAt(i - 1) == 's'
                && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
    }

    private static boolean adjacentRun(String text, List<Word> words, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!adjacent(text, words.get(k), words.get(k + 1))) {
                return false;
            }
        }
        return true;
    }

    private static boolean adjacent(String text, Word a, Word b) {
        for (int k = a.end(); k < b.start(); k++) {
            if (!Character.isWhitespace(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The title whose first word is at {@code from}: groups of title words, each with its qualifier, joined by an
     * acronym in brackets; it ends after the last group whose head has an instrument noun (and what numbers it:
     * "IV", "2025", "(2015-2025)", "No. 4 of 2025"). Null when there is none.
     */
    private Span title(String text, List<Word> words, int from) {
        int k = from;
        int end = -1;
        int count = 0;
        boolean numbered = false;
        boolean acronymOnly = false;
        while (k < words.size() && k - from < MAX_WORDS) {
            Group group = group(text, words, k, from);
            if (group == null) {
                break;
            }
            if (group.valid()) {
                end = group.end();
                count += group.words();
                numbered |= group.numbered();
                acronymOnly = group.words() == 1 && acronyms.contains(words.get(k).text());
            } else if (end >= 0 && group.allNumbers()) {
                end = group.end();
                count += group.words();
            } else if (end >= 0) {
                break;
            } else {
                count += group.words();
            }
            int years = end == group.end() ? bracketedYearsEnd(words, group.end()) : -1;
            if (years > 0) {
                end = years;
                break;
            }
            String inner = bracketedAcronymAt(words, group.end());
            if (inner == null || group.end() + 3 >= words.size() || !words.get(group.end() + 3).titled()) {
                break;
            }
            k = group.end() + 3;
        }
        if (end < 0) {
            return null;
        }
        return count >= 2 || acronymOnly || numbered ? new Span(end, numbered) : null;
    }

    /** Title words and their qualifier; valid when the head has an instrument noun (or the group a number sign). */
    private record Group(int end, int words, boolean valid, boolean numbered, boolean allNumbers) {
    }

    private Group group(String text, List<Word> words, int from, int titleStart) {
        // The head: titled words (and "and" between two of them, not after a noun).
        int lastNoun = -1;
        int end = from;
        int count = 0;
        boolean allNumbers = true;
        for (int k = from; k < words.size() && k - titleStart < MAX_WORDS; k++) {
            Word word = words.get(k);
            if (k > from && !adjacent(text, words.get(k - 1), word)) {
                break;
            }
            if (lastNoun == k - 1 && qualifiers.contains(word.text().toLowerCase(Locale.ROOT))) {
                break; // "… Roadmap Towards 2030": a title-case preposition opens the qualifier
            }
            if (word.titled() && !articles.contains(word.text().toLowerCase(Locale.ROOT))) {
                end = k + 1;
                count++;
                allNumbers &= word.numeric();
                boolean numberFollows = k + 1 < words.size() && words.get(k + 1).numeric();
                if (nouns.contains(word.text()) || acronyms.contains(word.text())
                        || numberFollows && numberedNouns.contains(word.text())) {
                    lastNoun = k;
                }
            } else if (k > from && word.is("and") && lastNoun != k - 1 && k + 1 < words.size()
                    && words.get(k + 1).capitalised() && adjacent(text, word, words.get(k + 1))) {
                continue;
            } else {
                break;
            }
        }
        if (end == from) {
            return null;
        }
        boolean numbered = lastNoun >= 0 && lastNoun + 1 < end && words.get(lastNoun + 1).numeric();
        // After the last noun only a number may follow ("Agenda 2063", "Work Plan IV").
        for (int tail = lastNoun + 1; lastNoun >= 0 && tail < end; tail++) {
            if (!words.get(tail).numeric()) {
                lastNoun = -1;
            }
        }
        // The qualifier: "on/for/of/between" + title-case words joined by connectors.
        if (end < words.size() && adjacent(text, words.get(end - 1), words.get(end))
                && qualifiers.contains(words.get(end).text().toLowerCase(Locale.ROOT))) {
            boolean between = false;
            int k = end;
            int qualifiedEnd = end;
            while (k < words.size() && k - titleStart < MAX_WORDS) {
                // one or more connectors, then a titled word
                int c = k;
                while (c < words.size() && connectors.contains(words.get(c).text().toLowerCase(Locale.ROOT))
                        && (c == k || !words.get(c).capitalised()) && adjacent(text, words.get(c - 1), words.get(c))) {
                    c++;
                }
                if (c == k && k != qualifiedEnd) {
                    break;
                }
                for (int j = k; j < c; j++) {
                    between |= words.get(j).is("between");
                }
                if (c == k || c >= words.size() || !words.get(c).titled() || !adjacent(text, words.get(c - 1), words.get(c))) {
                    break;
                }
                if (!between && c - k >= 2 && words.get(k).is("and")
                        && articles.contains(words.get(k + 1).text().toLowerCase(Locale.ROOT))) {
                    break; // "… and the Paris Agreement": a second name, not part of this one
                }
                if (!between && words.get(c - 1).is("and") && (nouns.contains(words.get(c).text())
                        || words.get(c).is(words.get(titleStart).text()))) {
                    break; // "… No. 7 of 2024 and Notice …": the next instrument of a list
                }
                if (words.get(c - 1).is("in") && words.get(c).numeric()) {
                    break; // "… on Climate Change in 2025": when, not which
                }
                if (months.contains(words.get(c).text()) && c + 1 < words.size() && words.get(c + 1).numeric()) {
                    break; // "… 2231 of May 3, 2024": the date it was issued
                }
                k = c;
                while (k < words.size() && words.get(k).titled() && adjacent(text, words.get(k - 1), words.get(k))
                        && !connectors.contains(words.get(k).text())) {
                    numbered |= words.get(k).is(NUMBER_SIGN);
                    k++;
                    count++;
                }
                qualifiedEnd = k;
            }
            end = qualifiedEnd;
            allNumbers = false;
        }
        for (int k = from; k < end; k++) {
            numbered |= words.get(k).is(NUMBER_SIGN);
        }
        return new Group(end, count, lastNoun >= 0 || numbered, numbered, allNumbers);
    }
}
