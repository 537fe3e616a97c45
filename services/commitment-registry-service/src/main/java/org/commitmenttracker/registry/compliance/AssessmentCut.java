package org.commitmenttracker.registry.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Where an assessment cuts a commitment's history. An assessment date whose day has ended is assessed at the end of
 * that day ({@code assessed}, figures fixed from then on); one still to come is not assessed yet, and its report
 * shows today's statuses. {@code TODAY} is assessed with everything recorded so far (history up to the end of today,
 * none of which lies ahead): a provisional standing.
 *
 * @param assessmentDate the date asked for
 * @param asOf           the date the statuses are from
 * @param cutoff         history up to (excluding) this instant counts
 * @param assessed       whether compliance is scored
 */
public record AssessmentCut(Assessment assessment, LocalDate assessmentDate, LocalDate asOf, Instant cutoff,
                            boolean assessed) {

    /**
     * @throws IllegalArgumentException for an interim or final assessment without a compliance period
     */
    public static AssessmentCut of(Assessment assessment, CompliancePeriod period, Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (assessment == Assessment.TODAY) {
            return new AssessmentCut(assessment, today, today, endOf(today, zone), true);
        }
        if (period == null) {
            throw new NoCompliancePeriod();
        }
        LocalDate date = period.dateOf(assessment);
        return today.isAfter(date) ? new AssessmentCut(assessment, date, date, endOf(date, zone), true)
                : new AssessmentCut(assessment, date, today, endOf(today, zone), false);
    }

    /** The end of {@code date}'s last day in {@code zone}: the assessment's cutoff. */
    public static Instant endOf(LocalDate date, ZoneId zone) {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
