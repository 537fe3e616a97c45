package org.commitmenttracker.extraction.engine.language.alphabetic;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commitmenttracker.extraction.engine.TimeSpan;
import org.commitmenttracker.extraction.engine.language.DateForms;
import org.commitmenttracker.extraction.engine.language.Lexicon;

/**
 * Dates and periods of languages written with spaces between words (English, Russian), every word from the
 * lexicon: an optional preposition that shapes the range ("in", "by", "before"; "в", "к", "до") and a core:
 * "9-10 September 2023", "14–20 декабря 2022 года", "30 November – 1 December 2023", "September 9-10, 2023",
 * "September 2023", "2023–2027 (годы)", "mid-2026", "the end of 2024", "конца текущего года", "this year",
 * "в 2023 году", a year, an ordinal century ("the 21st century": 2001–2100), and a day and month alone (in the
 * document's year).
 * <p>
 * "by" ends the range where the core ends (start null); "before" ends it the day before the core starts
 * ("before 2030", "до 2030 года": up to 31 December 2029, as "2030年前"), except before the end of a year.
 * A year that is part of a name is no time expression: next to a capitalised word ("the 2030 Agenda",
 * "G20 2023 Presidency", "Agenda 2063") where the lexicon says names are capitalised, unless the name is of a
 * meeting or an act the year dates ("the 2025 Annual Meetings", "the 1992 Convention on …") or the year follows
 * a word that sets a horizon ("a Roadmap Towards 2040"), or after a lead
 * ("на период") within reach of a name word ("Повестки дня … на период до 2030 года").
 * Every quantifier is bounded, so matching stays linear whatever the text holds.
 */
public final class AlphabeticDateForms implements DateForms {
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2199;
    private static final int NAME_CONTEXT_WINDOW = 100;
    /** Words after a year within which the head of a dated name ("the 2019 Leaders’ Summit in Osaka") is sought. */
    private static final int DATED_NAME_REACH = 4;
    /** The most days a meeting lasts: a span of dates no longer than this is a meeting's days. */
    private static final int MAX_MEETING_DAYS = 7;

    private enum Mode { IN, BY, BEFORE }

    private final Pattern expression;
    private final java.util.BitSet initials = new java.util.BitSet();
    private final java.util.Set<String> heads = new java.util.HashSet<>();
    private final Map<String, Integer> months = new HashMap<>();
    private final Map<String, Mode> prefixes = new HashMap<>();
    private final Map<String, String> parts = new HashMap<>();
    private final Map<String, Integer> relativeYears = new HashMap<>();
    private final boolean yearWordRequired;
    private final boolean meetingByLastDay;
    private final boolean capitalisedNames;
    private final List<String> nameWordsBefore;
    private final List<String> nameContextLeads;
    private final List<String> nameContextWords;
    private final List<String> partsAlone;
    private final List<String> datedNameHeads;
    private final List<String> horizonWords;

    public AlphabeticDateForms(Lexicon lexicon) {
        List<String> monthWords = pairs(lexicon.list("date.month"), (word, value) -> months.put(word, Integer.parseInt(value)));
        List<String> prefixWords = pairs(lexicon.list("date.prefix"),
                (word, value) -> prefixes.put(key(word), Mode.valueOf(value.toUpperCase(Locale.ROOT))));
        List<String> partWords = pairs(lexicon.list("date.part"), (word, value) -> parts.put(key(word), value));
        List<String> relativeWords = pairs(lexicon.list("date.relative-year"),
                (word, value) -> relativeYears.put(key(word), Integer.parseInt(value)));
        String month = alternation(monthWords);
        String range = "\\s{0,2}" + alternation(lexicon.list("date.range")) + "\\s{0,2}";
        String yearWord = lexicon.listOrEmpty("date.year-word").isEmpty() ? "(?!)" : alternation(lexicon.list("date.year-word"));
        String yearsWord = lexicon.listOrEmpty("date.years-word").isEmpty() ? "(?!)" : alternation(lexicon.list("date.years-word"));
        String relative = "(?iu:" + alternation(relativeWords) + ")";
        // "the 21st century"; a language without the form keeps the group, never matched.
        String century = lexicon.listOrEmpty("date.century-word").isEmpty() ? "(?<cn>(?!))"
                : "(?<cn>\\d{1,2})" + alternation(lexicon.list("date.ordinal-suffix")) + "\\s{1,3}(?iu:"
                + alternation(lexicon.list("date.century-word")) + ")";
        String sp = "\\s{1,3}";
        this.yearWordRequired = lexicon.has("date.year-word-required");
        this.meetingByLastDay = lexicon.has("date.meeting-by-last-day");
        this.capitalisedNames = lexicon.has("date.names-capitalised");
        this.nameWordsBefore = lexicon.listOrEmpty("date.name-before");
        this.nameContextLeads = lexicon.listOrEmpty("date.name-context-lead");
        this.nameContextWords = lexicon.listOrEmpty("date.name-context");
        this.datedNameHeads = lexicon.listOrEmpty("date.dated-name-head");
        this.horizonWords = lexicon.listOrEmpty("date.horizon-before").stream().map(AlphabeticDateForms::key).toList();
        this.partsAlone = lexicon.listOrEmpty("date.part-alone").stream().map(AlphabeticDateForms::key).toList();
        // Every form starts with a digit or the first letter of one of its words: matching is only tried there.
        for (List<String> words : List.of(monthWords, prefixWords, partWords, relativeWords)) {
            for (String word : words) {
                initials.set(Character.toLowerCase(word.charAt(0)));
                initials.set(Character.toUpperCase(word.charAt(0)));
                heads.add(head(word, 0));
            }
        }
        initials.set('0', '9' + 1);
        this.expression = Pattern.compile("(?<![\\p{L}\\p{N}])"
                + "(?:(?<pre>(?iu:" + alternation(prefixWords) + "))" + sp + ")?(?:"
                + "(?<xd1>\\d{1,2})" + sp + "(?<xm1>" + month + ")" + range + "(?<xd2>\\d{1,2})" + sp + "(?<xm2>" + month + ")"
                + ",?" + sp + "(?<xy>\\d{4})(?:" + sp + yearWord + ")?"
                + "|(?<dd1>\\d{1,2})(?:" + range + "(?<dd2>\\d{1,2}))?" + sp + "(?<dm>" + month + ")"
                + "(?:,?" + sp + "(?<dy>\\d{4})(?:" + sp + yearWord + ")?)?"
                + "|(?<um>" + month + ")" + sp + "(?<ud1>\\d{1,2})(?:" + range + "(?<ud2>\\d{1,2}))?," + sp + "(?<uy>\\d{4})"
                + "|(?<mm>" + month + ")" + sp + "(?<my>\\d{4})(?:" + sp + yearWord + ")?"
                + "|(?<r1>\\d{4})" + range + "(?<r2>\\d{4})(?:" + sp + yearsWord + ")?"
                + "|(?<part>(?iu:" + alternation(partWords) + "))(?:\\s{0,3}(?:(?<py>\\d{4})(?:" + sp + yearWord + ")?|(?<prel>" + relative + ")))?"
                + "|(?<rel>" + relative + ")"
                + "|" + century
                + "|(?<y>\\d{4})(?:" + sp + "(?<yw>" + yearWord + "))?"
                + ")(?![\\p{L}\\p{N}])");
    }

    private interface Pair {
        void accept(String word, String value);
    }

    /** Reads "word:value" entries; returns the words. */
    private static List<String> pairs(List<String> entries, Pair pair) {
        List<String> words = new ArrayList<>();
        for (String entry : entries) {
            int colon = entry.lastIndexOf(':');
            String word = entry.substring(0, colon).strip();
            pair.accept(word, entry.substring(colon + 1).strip());
            words.add(word);
        }
        return words;
    }

    private static String key(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** Longest first, so that "the end of" wins over "end", spaces matching any run of spaces. */
    private static String alternation(List<String> words) {
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return "(?:" + String.join("|", sorted.stream()
                .map(w -> Pattern.quote(w).replace(" ", "\\E\\s{1,3}\\Q")).toList()) + ")";
    }

    @Override
    public List<TimeSpan> find(String text, String folded, LocalDate documentDate) {
        List<TimeSpan> spans = new ArrayList<>();
        Matcher m = expression.matcher(folded);
        for (int from = 0; (from = next(m, folded, from)) >= 0; ) {
            if (isName(folded, m)) {
                continue;
            }
            Range core = resolve(m, documentDate);
            if (core == null) {
                continue;
            }
            Range range = shaped(core, m);
            boolean past = documentDate != null && range.end() != null && range.end().isBefore(documentDate);
            spans.add(new TimeSpan(text.substring(m.start(), m.end()), range.start(), range.end(), past, m.start(), m.end()));
        }
        return spans;
    }

    private record Range(LocalDate start, LocalDate end) {
    }

    /** The first two characters at {@code at}, lower case, any space as ' ' (a one-letter word: it and a space). */
    private static String head(String text, int at) {
        char first = Character.toLowerCase(text.charAt(at));
        char second = at + 1 < text.length() ? text.charAt(at + 1) : ' ';
        return "" + first + (Character.isWhitespace(second) ? ' ' : Character.toLowerCase(second));
    }

    /**
     * Finds the next expression at or after {@code from}, trying the pattern only where a form may start (a digit
     * or the initial of one of its words, at the start of a word); returns where to search next, or -1.
     */
    private int next(Matcher m, String folded, int from) {
        m.useTransparentBounds(true);
        for (int i = from; i < folded.length(); i++) {
            char c = folded.charAt(i);
            boolean mayStart = c >= '0' && c <= '9' || (initials.get(c) && heads.contains(head(folded, i)));
            if (mayStart && (i == 0 || !Character.isLetterOrDigit(folded.charAt(i - 1)))) {
                m.region(i, folded.length());
                if (m.lookingAt()) {
                    return Math.max(m.end(), i + 1);
                }
            }
        }
        return -1;
    }

    /** The range as the preposition shapes it. */
    private Range shaped(Range core, Matcher m) {
        Mode mode = m.group("pre") == null ? Mode.IN : prefixes.get(key(m.group("pre")));
        if (core.start() == null && core.end() == null) {
            return core;
        }
        return switch (mode) {
            case IN -> core;
            case BY -> new Range(null, core.end());
            case BEFORE -> "end".equals(partOf(m)) ? new Range(null, core.end()) : new Range(null, core.start().minusDays(1));
        };
    }

    private String partOf(Matcher m) {
        return m.group("part") == null ? null : parts.get(key(m.group("part")));
    }

    /** The day range the core denotes; null when it is no date after all (31 February, year 0042 …). */
    private Range resolve(Matcher m, LocalDate documentDate) {
        try {
            if (m.group("xd1") != null) {
                int year = plausibleYear(m.group("xy"));
                LocalDate first = LocalDate.of(year, months.get(m.group("xm1")), Integer.parseInt(m.group("xd1")));
                LocalDate last = LocalDate.of(year, months.get(m.group("xm2")), Integer.parseInt(m.group("xd2")));
                return last.isBefore(first) ? null : new Range(first, last);
            }
            if (m.group("dd1") != null || m.group("um") != null) {
                boolean dayFirst = m.group("dd1") != null;
                String yearDigits = dayFirst ? m.group("dy") : m.group("uy");
                if (yearDigits == null && documentDate == null) {
                    return new Range(null, null);
                }
                int year = yearDigits == null ? documentDate.getYear() : plausibleYear(yearDigits);
                int month = months.get(dayFirst ? m.group("dm") : m.group("um"));
                String firstDay = dayFirst ? m.group("dd1") : m.group("ud1");
                String lastDay = dayFirst ? m.group("dd2") : m.group("ud2");
                LocalDate first = LocalDate.of(year, month, Integer.parseInt(firstDay));
                LocalDate last = lastDay == null ? first : LocalDate.of(year, month, Integer.parseInt(lastDay));
                return last.isBefore(first) ? null : new Range(first, last);
            }
            if (m.group("mm") != null) {
                YearMonth month = YearMonth.of(plausibleYear(m.group("my")), months.get(m.group("mm")));
                return new Range(month.atDay(1), month.atEndOfMonth());
            }
            if (m.group("r1") != null) {
                int first = plausibleYear(m.group("r1"));
                int last = plausibleYear(m.group("r2"));
                return last < first ? null : new Range(LocalDate.of(first, 1, 1), LocalDate.of(last, 12, 31));
            }
            if (m.group("part") != null) {
                if (m.group("py") == null && m.group("prel") == null && !partsAlone.contains(key(m.group("part")))) {
                    return null;
                }
                // "в первом полугодии" without a year: the half of the document's year.
                Integer year = m.group("py") != null ? Integer.valueOf(plausibleYear(m.group("py")))
                        : m.group("prel") != null ? relativeYear(m.group("prel"), documentDate)
                        : documentDate == null ? null : documentDate.getYear();
                return year == null ? new Range(null, null) : partOfYear(partOf(m), year);
            }
            if (m.group("cn") != null) {
                int last = Integer.parseInt(m.group("cn")) * 100;
                return last == 0 ? null : new Range(LocalDate.of(last - 99, 1, 1), LocalDate.of(last, 12, 31));
            }
            if (m.group("rel") != null) {
                Integer year = relativeYear(m.group("rel"), documentDate);
                return year == null ? new Range(null, null) : new Range(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            if (yearWordRequired && m.group("yw") == null) {
                return null;
            }
            int year = plausibleYear(m.group("y"));
            return new Range(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        } catch (DateTimeException | IllegalArgumentException | NullPointerException notADate) {
            return null;
        }
    }

    /** early: January–April, mid: May–August, late: September–December, end: December, h1/h2: halves. */
    private static Range partOfYear(String part, int year) {
        return switch (part) {
            case "early" -> new Range(LocalDate.of(year, 1, 1), LocalDate.of(year, 4, 30));
            case "mid" -> new Range(LocalDate.of(year, 5, 1), LocalDate.of(year, 8, 31));
            case "late" -> new Range(LocalDate.of(year, 9, 1), LocalDate.of(year, 12, 31));
            case "end" -> new Range(LocalDate.of(year, 12, 1), LocalDate.of(year, 12, 31));
            case "h1" -> new Range(LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30));
            case "h2" -> new Range(LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31));
            default -> throw new IllegalArgumentException("Unknown part of a year: " + part);
        };
    }

    private Integer relativeYear(String words, LocalDate documentDate) {
        return documentDate == null ? null : documentDate.getYear() + relativeYears.get(key(words));
    }

    private static int plausibleYear(String digits) {
        int year = Integer.parseInt(digits);
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("Not a year of this genre: " + digits);
        }
        return year;
    }

    /** Whether a bare year is part of a name ("the 2030 Agenda", "G20 2023 Presidency", "Agenda 2063"). */
    private boolean isName(String folded, Matcher m) {
        if (!nameContextLeads.isEmpty() && inNameContext(folded, m.start())) {
            return true;
        }
        if (!capitalisedNames || m.group("y") == null || m.group("pre") != null) {
            return false;
        }
        if (datesAName(folded, m.end())) {
            return false;
        }
        int end = m.end();
        if (end + 1 < folded.length() && folded.charAt(end) == ' ' && Character.isUpperCase(folded.charAt(end + 1))
                && !startsWithMonth(folded, end + 1)) {
            return true;
        }
        int start = m.start();
        if (start < 2 || folded.charAt(start - 1) != ' ') {
            return false;
        }
        int wordStart = start - 1;
        while (wordStart > 0 && !Character.isWhitespace(folded.charAt(wordStart - 1))) {
            wordStart--;
        }
        String before = folded.substring(wordStart, start - 1);
        if (horizonWords.contains(key(before))) {
            return false;
        }
        boolean code = before.chars().anyMatch(Character::isDigit) && before.chars().anyMatch(Character::isLetter);
        boolean acronym = before.length() >= 2 && before.chars().allMatch(Character::isUpperCase);
        return code || acronym || nameWordsBefore.contains(before) || inTitleCase(folded, wordStart, before);
    }

    /**
     * "the 2025 Annual Meetings", "the 2019 Leaders’ Summit": a name of a meeting or an act whose head follows the
     * year within a few capitalised words; the year dates it, so it is a time expression after all.
     */
    private boolean datesAName(String folded, int end) {
        int at = end;
        for (int word = 0; word < DATED_NAME_REACH && at + 1 < folded.length() && folded.charAt(at) == ' '; word++) {
            int wordEnd = at + 1;
            while (wordEnd < folded.length() && !Character.isWhitespace(folded.charAt(wordEnd))) {
                wordEnd++;
            }
            String next = folded.substring(at + 1, wordEnd).replaceAll("(?:['’]s?)?\\p{P}*$", "");
            if (next.isEmpty() || !Character.isUpperCase(next.charAt(0))) {
                return false;
            }
            if (datedNameHeads.contains(next)) {
                return true;
            }
            at = wordEnd;
        }
        return false;
    }

    /**
     * "… Principles on Food Security and Nutrition 2023": a year after a capitalised word that does not open
     * its sentence closes a name written in title case.
     */
    private boolean inTitleCase(String folded, int wordStart, String before) {
        if (before.isEmpty() || !Character.isUpperCase(before.charAt(0)) || months.containsKey(before)) {
            return false;
        }
        int at = wordStart - 1;
        while (at >= 0 && Character.isWhitespace(folded.charAt(at))) {
            at--;
        }
        return at >= 0 && Character.isLetterOrDigit(folded.charAt(at));
    }

    private boolean startsWithMonth(String folded, int at) {
        int end = at;
        while (end < folded.length() && Character.isLetter(folded.charAt(end))) {
            end++;
        }
        return months.containsKey(folded.substring(at, end));
    }

    /** "Повестки дня … на период до 2030 года": a lead just before, a name word shortly before it. */
    private boolean inNameContext(String folded, int start) {
        String before = folded.substring(Math.max(0, start - NAME_CONTEXT_WINDOW), start);
        String trimmed = before.stripTrailing();
        boolean lead = nameContextLeads.stream().anyMatch(trimmed::endsWith);
        return lead && nameContextWords.stream().anyMatch(before::contains);
    }

    @Override
    public Optional<LocalDate> firstFullDate(String folded) {
        Matcher m = expression.matcher(folded);
        for (int from = 0; (from = next(m, folded, from)) >= 0; ) {
            boolean full = m.group("xy") != null || m.group("dy") != null || m.group("uy") != null;
            if (full) {
                Range range = resolve(m, null);
                if (range != null && range.start() != null) {
                    // A meeting's days ("13–14 июня 2025 года") where the language's statements are issued by the
                    // last of them, as in Chinese; a longer span ("1 January – 31 December") dates by its start.
                    boolean meetingDays = meetingByLastDay && range.end() != null
                            && !range.end().isAfter(range.start().plusDays(MAX_MEETING_DAYS));
                    return Optional.of(meetingDays ? range.end() : range.start());
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<MonthDay> dateline(String folded) {
        return Optional.empty();
    }
}
