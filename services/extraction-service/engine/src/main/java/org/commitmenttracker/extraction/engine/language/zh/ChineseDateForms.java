package org.commitmenttracker.extraction.engine.language.zh;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commitmenttracker.extraction.engine.TimeSpan;
import org.commitmenttracker.extraction.engine.language.DateForms;
import org.commitmenttracker.extraction.engine.language.Lexicon;

/**
 * Chinese dates and periods: "2022年", "2023—2027年", "2023–2027", "2022年12月", "2022年12月5日",
 * "2022年12月14—20日", "2030年前" (before 2030), "到2030年" (by the end of 2030), "2020年至2021年", "2025年底前", "今年/明年", "今年9月16日" and "11月1日"
 * (the document's year). The unit words come from the lexicon. Every quantifier is bounded, so matching is
 * linear in the length of the text whatever it holds.
 */
final class ChineseDateForms implements DateForms {
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2199;
    private static final int DATELINE_WINDOW = 300;

    private final Pattern expression;
    private final Pattern dateline;
    private final Map<String, Integer> relativeYears = new HashMap<>();
    private final Map<String, Integer> halves = new HashMap<>();
    private static final String YEAR_DIGITS = "〇零一二三四五六七八九";
    /** Zeros that copies write in a year of Chinese numerals instead of 〇 ("二○○九", "二00九", "二ＯＯ九"). */
    private static final String YEAR_ZEROS = "○Ｏ0０";
    private static final String NUMERALS = "一二三四五六七八九十";

    ChineseDateForms(Lexicon lexicon) {
        String year = quote(lexicon.single("date.year"));
        String month = quote(lexicon.single("date.month"));
        String day = quote(lexicon.single("date.day"));
        String before = quote(lexicon.single("date.before"));
        String yearEnd = quote(lexicon.single("date.year-end"));
        String range = alternation(lexicon.list("date.range"));
        List<String> relativeWords = new ArrayList<>();
        for (String entry : lexicon.list("date.relative-year")) {
            String[] wordAndOffset = entry.split(":");
            relativeYears.put(wordAndOffset[0], Integer.parseInt(wordAndOffset[1]));
            relativeWords.add(wordAndOffset[0]);
        }
        String relative = alternation(relativeWords);
        List<String> halves = new ArrayList<>();
        for (String entry : lexicon.listOrEmpty("date.half")) {
            String[] wordAndHalf = entry.split(":");
            this.halves.put(wordAndHalf[0], Integer.parseInt(wordAndHalf[1]));
            halves.add(wordAndHalf[0]);
        }
        String half = halves.isEmpty() ? "(?!)" : alternation(halves);
        String end = quote(lexicon.single("date.end"));
        List<String> byWords = lexicon.listOrEmpty("date.by");
        String by = byWords.isEmpty() ? "(?!)" : alternation(byWords);
        // Years in digits or in Chinese numerals ("二〇二四年"), months and days too ("十一月三十日").
        String y = "(?:\\d{4}|[" + YEAR_DIGITS + YEAR_ZEROS + "]{4})";
        String md = "(?:\\d{1,2}|[" + NUMERALS + "]{1,3})";
        // Every form starts with a digit or a relative year: saying so first lets most positions fail at once.
        StringBuilder initials = new StringBuilder("0-9" + YEAR_DIGITS + YEAR_ZEROS + NUMERALS);
        relativeWords.forEach(word -> initials.append(String.format("\\x{%x}", word.codePointAt(0))));
        byWords.forEach(word -> initials.append(String.format("\\x{%x}", word.codePointAt(0))));
        this.expression = Pattern.compile("(?<![0-9])(?=[" + initials + "])(?:"
                + "(?:(?<hYear>" + y + ")" + year + "|(?<hRel>" + relative + "))(?<half>" + half + ")"
                + "|(?<eRel>" + relative + ")" + year + "?" + end + "(?<erBefore>" + before + ")?"
                + "|(?<dRel>" + relative + ")?(?:(?<dYear>" + y + ")" + year + ")?(?<dMonth>" + md + ")" + month
                + "(?<dDay>" + md + ")(?:" + day + "?" + range + "(?<dLast>" + md + "))?" + day
                + "|(?<mYear>" + y + ")" + year + "(?<mMonth>" + md + ")" + month + "(?![0-9])(?<mBefore>" + before + ")?"
                + "|(?<rFirst>\\d{4})(?:" + year + ")?" + range + "(?<rLast>\\d{4})(?:" + year + ")?(?![0-9])"
                + "|(?<eYear>" + y + ")" + yearEnd + "(?<eBefore>" + before + ")?"
                + "|(?<yBy>" + by + ")?(?<yYear>" + y + ")" + year + "(?<yBefore>" + before + ")?"
                + "|(?<rel>" + relative + "))");
        this.dateline = Pattern.compile("(?<![0-9])(\\d{1,2})" + month + "(\\d{1,2})" + day
                + quote(lexicon.single("dateline.end")));
    }

    private static String quote(String word) {
        return Pattern.quote(word);
    }

    private static String alternation(List<String> words) {
        return "(?:" + String.join("|", words.stream().map(Pattern::quote).toList()) + ")";
    }

    @Override
    public List<TimeSpan> find(String text, String folded, LocalDate documentDate) {
        List<TimeSpan> spans = new ArrayList<>();
        Matcher m = expression.matcher(folded);
        while (m.find()) {
            Range range = resolve(m, documentDate);
            if (range != null) {
                boolean past = documentDate != null && range.end() != null && range.end().isBefore(documentDate);
                spans.add(new TimeSpan(text.substring(m.start(), m.end()), range.start(), range.end(), past, m.start(), m.end()));
            }
        }
        return spans;
    }

    private record Range(LocalDate start, LocalDate end) {
    }

    /** The day range a match denotes; null when it is no date after all (year 0042, 31 February …). */
    private Range resolve(Matcher m, LocalDate documentDate) {
        try {
            if (m.group("half") != null) {
                Integer year = yearOf(m.group("hYear"), m.group("hRel"), documentDate, false);
                if (year == null) {
                    return new Range(null, null);
                }
                return halves.get(m.group("half")) == 1 ? new Range(LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30))
                        : new Range(LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31));
            }
            if (m.group("eRel") != null) {
                Integer year = yearOf(null, m.group("eRel"), documentDate, false);
                if (year == null) {
                    return new Range(null, null);
                }
                return new Range(m.group("erBefore") != null ? null : LocalDate.of(year, 12, 1), LocalDate.of(year, 12, 31));
            }
            if (m.group("dMonth") != null) {
                Integer year = yearOf(m.group("dYear"), m.group("dRel"), documentDate, true);
                if (year == null) {
                    return new Range(null, null);
                }
                int month = number(m.group("dMonth"));
                LocalDate first = LocalDate.of(year, month, number(m.group("dDay")));
                LocalDate last = m.group("dLast") == null ? first : LocalDate.of(year, month, number(m.group("dLast")));
                return last.isBefore(first) ? null : new Range(first, last);
            }
            if (m.group("mYear") != null) {
                YearMonth month = YearMonth.of(plausibleYear(m.group("mYear")), number(m.group("mMonth")));
                return m.group("mBefore") != null ? new Range(null, month.atDay(1).minusDays(1))
                        : new Range(month.atDay(1), month.atEndOfMonth());
            }
            if (m.group("rFirst") != null) {
                int first = plausibleYear(m.group("rFirst"));
                int last = plausibleYear(m.group("rLast"));
                return last < first ? null : new Range(LocalDate.of(first, 1, 1), LocalDate.of(last, 12, 31));
            }
            if (m.group("eYear") != null) {
                LocalDate end = LocalDate.of(plausibleYear(m.group("eYear")), 12, 31);
                return new Range(m.group("eBefore") != null ? null : LocalDate.of(end.getYear(), 12, 1), end);
            }
            if (m.group("yYear") != null) {
                int year = plausibleYear(m.group("yYear"));
                if (m.group("yBefore") != null) {
                    return new Range(null, LocalDate.of(year - 1, 12, 31));
                }
                // "到2030年": by the end of that year, a deadline.
                return new Range(m.group("yBy") != null ? null : LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            Integer year = yearOf(null, m.group("rel"), documentDate, false);
            return year == null ? new Range(null, null) : new Range(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        } catch (DateTimeException | IllegalArgumentException notADate) {
            return null;
        }
    }

    /** The year written, or the relative year, or (for a month and day alone) the document's year. */
    private Integer yearOf(String written, String relative, LocalDate documentDate, boolean documentYearByDefault) {
        if (written != null) {
            return plausibleYear(written);
        }
        if (documentDate == null) {
            return null;
        }
        if (relative != null) {
            return documentDate.getYear() + relativeYears.get(relative);
        }
        return documentYearByDefault ? documentDate.getYear() : null;
    }

    /** A month or day in digits or in Chinese numerals ("11", "十一"). */
    private static int number(String written) {
        if (Character.isDigit(written.charAt(0))) {
            return Integer.parseInt(written);
        }
        if (!ChineseNumerals.isNumeral(written)) {
            throw new IllegalArgumentException("Not a numeral: " + written);
        }
        return ChineseNumerals.parse(written);
    }

    /** A year in digits or digit by digit in Chinese numerals ("二〇二四", "二零二四"). */
    private static int plausibleYear(String written) {
        StringBuilder digits = new StringBuilder();
        for (char c : written.toCharArray()) {
            int value = YEAR_ZEROS.indexOf(c) >= 0 ? 0 : YEAR_DIGITS.indexOf(c);
            digits.append(value < 0 ? Character.toString(c) : Integer.toString(value == 1 ? 0 : value > 1 ? value - 1 : 0));
        }
        int year = Integer.parseInt(digits.toString());
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("Not a year of this genre: " + written);
        }
        return year;
    }

    @Override
    public Optional<LocalDate> firstFullDate(String folded) {
        Matcher m = expression.matcher(folded);
        while (m.find()) {
            if (m.group("dYear") != null) {
                Range range = resolve(m, null);
                if (range != null) {
                    // A visit's days ("2024年7月9日至15日"): its statement is issued by the last of them.
                    return Optional.of(range.end());
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<MonthDay> dateline(String folded) {
        Matcher m = dateline.matcher(folded.substring(0, Math.min(folded.length(), DATELINE_WINDOW)));
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }
}
