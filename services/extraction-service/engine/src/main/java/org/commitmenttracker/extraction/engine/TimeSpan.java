package org.commitmenttracker.extraction.engine;

import java.time.LocalDate;

/**
 * A time expression as written, resolved to an inclusive day range; {@code start} is null for "before …".
 * {@code past} is true when it ends before the document date (a reference, not a deadline).
 */
public record TimeSpan(String text, LocalDate start, LocalDate end, boolean past) {
}
