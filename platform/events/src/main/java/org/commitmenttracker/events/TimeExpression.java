package org.commitmenttracker.events;

import java.time.LocalDate;

/**
 * A date, year or period as written in a commitment, resolved to an inclusive day range. {@code start} is
 * null for open-ended "before …" expressions; {@code past} is true when it ends before the document date.
 */
public record TimeExpression(String text, LocalDate start, LocalDate end, boolean past) {
}
