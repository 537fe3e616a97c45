package org.commitmenttracker.extraction.engine.language;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;

import org.commitmenttracker.extraction.engine.TimeSpan;

/** How a language writes dates and periods. */
public interface DateForms {
    /**
     * Every time expression in {@code text} (matched on its folded form, cut from the text as written),
     * resolved against {@code documentDate}, which may be null (relative forms then resolve to nothing).
     */
    List<TimeSpan> find(String text, String folded, LocalDate documentDate);

    /**
     * The first date with day, month and year written out; where a form writes a range of days as one
     * ("7月9日至15日"), it may give the last (a visit's statement is issued by its last day).
     */
    Optional<LocalDate> firstFullDate(String folded);

    /** The month and day of a wire-service dateline ("… 11月30日电"). */
    Optional<MonthDay> dateline(String folded);
}
