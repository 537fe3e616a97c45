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
 * "2022年12月14—20日", "2030年前" (before 2030), "2025年底前", "今年/明年", "今年9月16日" and "11月1日"
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
        // Every form starts with a digit or a relative year: saying so first lets most positions fail at once.
        StringBuilder initials = new StringBuilder("0-9");
        relativeWords.forEach(word -> initials.append(String.format("\\x{%x}", word.codePointAt(0))));
        this.expression = Pattern.compile("(?<![0-9])(?=[" + initials + "])(?:"
                + "(?<dRel>" + relative + ")?(?:(?<dYear>\\d{4})" + year + ")?(?<dMonth>\\d{1,2})" + month
                + "(?<dDay>\\d{1,2})(?:" + range + "(?<dLast>\\d{1,2}))?" + day
                + "|(?<mYear>\\d{4})" + year + "(?<mMonth>\\d{1,2})" + month + "(?![0-9])"
                + "|(?<rFirst>\\d{4})" + range + "(?<rLast>\\d{4})(?:" + year + ")?(?![0-9])"
                + "|(?<eYear>\\d{4})" + yearEnd + "(?<eBefore>" + before + ")?"
                + "|(?<yYear>\\d{4})" + year + "(?<yBefore>" + before + ")?"
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
            if (m.group("dMonth") != null) {
                Integer year = yearOf(m.group("dYear"), m.group("dRel"), documentDate, true);
                if (year == null) {
                    return new Range(null, null);
                }
                int month = Integer.parseInt(m.group("dMonth"));
                LocalDate first = LocalDate.of(year, month, Integer.parseInt(m.group("dDay")));
                LocalDate last = m.group("dLast") == null ? first : LocalDate.of(year, month, Integer.parseInt(m.group("dLast")));
                return last.isBefore(first) ? null : new Range(first, last);
            }
            if (m.group("mYear") != null) {
                YearMonth month = YearMonth.of(plausibleYear(m.group("mYear")), Integer.parseInt(m.group("mMonth")));
                return new Range(month.atDay(1), month.atEndOfMonth());
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
                return m.group("yBefore") != null ? new Range(null, LocalDate.of(year - 1, 12, 31))
                        : new Range(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
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

    private static int plausibleYear(String digits) {
        int year = Integer.parseInt(digits);
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("Not a year of this genre: " + digits);
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
                    return Optional.of(range.start());
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
