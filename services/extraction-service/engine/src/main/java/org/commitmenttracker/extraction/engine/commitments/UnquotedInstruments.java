package org.commitmenttracker.extraction.engine.commitments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.commitmenttracker.extraction.engine.language.Lexicon;

/**
 * Instruments named without quotes in a language that inflects them ("Устава ООН", "Договора о дружбе",
 * "Соглашение между … о …"): a capitalised word whose stem is an
 * instrument head ({@code instrument.head}), then its complement up to a clause or sentence end, a bracket, or
 * a phrase that opens an adverbial of the sentence rather than the title ({@code instrument.name-stop}: "в
 * свете", "в целях" …). A head after a word of {@code instrument.not-after} names a body ("Организации Договора
 * о коллективной безопасности"); a word of {@code instrument.date-stop} before a number starts the date of
 * signing ("от 16 июля 2001 года"), which is no part of the name; a head alone ("положения Договора") names nothing. Outermost names only: a
 * treaty named inside a programme's title stays in it. Enabled by {@code instrument.name-stop}.
 */
final class UnquotedInstruments {
    private static final int MAX_WORDS = 40;

    private final List<String> heads;
    private final List<String> stops;
    private final List<String> notAfter;
    private final List<String> verbs;
    private final List<String> dateStops;
    private final String and;
    private final List<String> sides;

    UnquotedInstruments(Lexicon lexicon) {
        this.heads = lower(lexicon.listOrEmpty("instrument.head"));
        this.stops = lexicon.has("instrument.name-stop") ? lexicon.longestFirst("instrument.name-stop") : List.of();
        this.notAfter = lower(lexicon.listOrEmpty("instrument.not-after"));
        this.dateStops = lexicon.listOrEmpty("instrument.date-stop");
        List<String> cues = new ArrayList<>(lexicon.listOrEmpty("cue.commitment"));
        cues.addAll(lexicon.listOrEmpty("verb.reporting"));
        this.verbs = cues.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        this.and = lexicon.listOrEmpty("subject.and").isEmpty() ? null : lexicon.list("subject.and").get(0);
        this.sides = lexicon.listOrEmpty("instrument.sides");
    }

    boolean enabled() {
        return !stops.isEmpty() && !heads.isEmpty();
    }

    List<NamedInstruments.Found> in(String text) {
        List<NamedInstruments.Found> found = new ArrayList<>();
        String previousWord = "";
        int quoted = 0;
        int at = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            // A quoted title is read as such (InstrumentTitles), not again word by word.
            quoted = Math.max(0, quoted + (c == '«' ? 1 : c == '»' ? -1 : 0));
            if (quoted > 0 || !Character.isLetter(c)) {
                at++;
                continue;
            }
            int wordEnd = wordEnd(text, at);
            String word = text.substring(at, wordEnd);
            if (Character.isUpperCase(word.charAt(0)) && isHead(word) && !isBody(previousWord)) {
                int end = nameEnd(text, wordEnd);
                if (end > wordEnd) {
                    found.add(new NamedInstruments.Found(at, text.substring(at, end)));
                    previousWord = "";
                    at = end;
                    continue;
                }
            }
            previousWord = word;
            at = wordEnd;
        }
        return found;
    }

    /** Where the name whose head ends at {@code from} ends: after its last word before a stop; {@code from} if none. */
    private int nameEnd(String text, int from) {
        int end = from;
        int at = from;
        for (int words = 0; words < MAX_WORDS; words++) {
            int next = at;
            while (next < text.length() && !Character.isLetterOrDigit(text.charAt(next))) {
                char c = text.charAt(next);
                int sidesEnd = c == ',' ? sidesEnd(text, next + 1) : -1;
                if (sidesEnd > 0) {
                    // "между X, с одной стороны, и Y, с другой стороны": the parties' sides belong to the title.
                    return sidesEnd;
                }
                boolean enumerated = c == ',' && enumerationAt(text, next + 1);
                if (!enumerated && (c == ',' || c == ';' || c == ':' || c == '.' || c == '(' || c == ')' || c == '«'
                        || c == '»' || c == '!' || c == '?' || c == '\n')) {
                    return end;
                }
                next++;
            }
            int wordStart = next;
            if (wordStart >= text.length() || stops.stream().anyMatch(stop -> stopsAt(text, wordStart, stop))
                    || predicateAt(text, wordStart) || dateAt(text, wordStart)) {
                return end;
            }
            end = wordEnd(text, next);
            at = end;
        }
        return end;
    }

    /**
     * Where a title's second party closes ("…, с другой стороны") when the text after a comma names its first
     * party's side ({@code instrument.sides}: "с одной стороны", then "с другой стороны" before the sentence ends);
     * -1 otherwise.
     */
    private int sidesEnd(String text, int from) {
        if (sides.size() < 2) {
            return -1;
        }
        int at = from;
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        if (!text.startsWith(sides.get(0), at)) {
            return -1;
        }
        int second = text.indexOf(sides.get(1), at + sides.get(0).length());
        int sentenceEnd = text.indexOf('.', at);
        return second < 0 || (sentenceEnd >= 0 && sentenceEnd < second) ? -1 : second + sides.get(1).length();
    }

    /**
     * ", дружбе и сотрудничестве": after a comma, a lowercase word followed by "и" or another comma goes on
     * enumerating what the title is about ("Договор о добрососедстве, дружбе и сотрудничестве").
     */
    private boolean enumerationAt(String text, int from) {
        int at = from;
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        if (at >= text.length() || !Character.isLowerCase(text.charAt(at))) {
            return false;
        }
        int end = wordEnd(text, at);
        if (end < text.length() && text.charAt(end) == ',') {
            return true;
        }
        return and != null && end + 1 < text.length() && text.charAt(end) == ' ' && stopsAt(text, end + 1, and);
    }

    private boolean dateAt(String text, int at) {
        for (String stop : dateStops) {
            int next = at + stop.length();
            if (stopsAt(text, at, stop) && next + 1 < text.length() && text.charAt(next) == ' '
                    && Character.isDigit(text.charAt(next + 1))) {
                return true;
            }
        }
        return false;
    }

    /** "… и будут содействовать": the sentence's own predicate, joined to its subject, follows the title. */
    private boolean predicateAt(String text, int at) {
        if (and == null || !stopsAt(text, at, and)) {
            return false;
        }
        int next = at + and.length();
        while (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        int verbAt = next;
        return verbs.stream().anyMatch(verb -> stopsAt(text, verbAt, verb));
    }

    private static boolean stopsAt(String text, int at, String stop) {
        int end = at + stop.length();
        return text.regionMatches(true, at, stop, 0, stop.length())
                && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)));
    }

    private static int wordEnd(String text, int from) {
        int end = from;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end))
                || (text.charAt(end) == '-' && end + 1 < text.length() && Character.isLetter(text.charAt(end + 1))))) {
            end++;
        }
        return end;
    }

    private boolean isHead(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return heads.stream().anyMatch(lower::startsWith);
    }

    private boolean isBody(String previousWord) {
        String lower = previousWord.toLowerCase(Locale.ROOT);
        return !lower.isEmpty() && notAfter.stream().anyMatch(lower::startsWith);
    }

    private static List<String> lower(List<String> entries) {
        return entries.stream().map(entry -> entry.toLowerCase(Locale.ROOT)).toList();
    }
}
