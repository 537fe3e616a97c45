package org.commitmenttracker.extraction.engine;

import java.time.LocalDate;

/**
 * A time expression as written, resolved to an inclusive day range; {@code start} is null for "before …".
 * {@code past} is true when it ends before the document date (a reference, not a deadline).
 * {@code sourceStart} and {@code sourceEnd} (exclusive) locate its text, in UTF-16 characters: in a commitment,
 * in the text as ingested; as a date form finds it, in the text it was given.
 */
public record TimeSpan(String text, LocalDate start, LocalDate end, boolean past, int sourceStart, int sourceEnd) {
    /** The same expression, located at {@code [sourceStart, sourceEnd)} of another text. */
    public TimeSpan locatedAt(int sourceStart, int sourceEnd) {
        return new TimeSpan(text, start, end, past, sourceStart, sourceEnd);
    }
}
