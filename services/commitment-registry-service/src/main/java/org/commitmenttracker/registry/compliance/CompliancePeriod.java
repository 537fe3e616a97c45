package org.commitmenttracker.registry.compliance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A communiqué's compliance period: commitments are assessed on the {@code interim} and {@code finalAssessment}
 * dates, each taken at the end of its day. The default runs from the communiqué's date to the same date a year
 * later (the next regular meeting), with the interim assessment at the midpoint, where the G7 and G20 Research
 * Groups publish their interim reports.
 */
public record CompliancePeriod(LocalDate start, LocalDate interim, @JsonProperty("final") LocalDate finalAssessment) {

    public CompliancePeriod {
        if (start == null || interim == null || finalAssessment == null) {
            throw new IllegalArgumentException("A compliance period needs start, interim and final dates.");
        }
        if (!start.isBefore(interim) || !interim.isBefore(finalAssessment)) {
            throw new IllegalArgumentException("A compliance period needs start < interim < final; got start "
                    + start + ", interim " + interim + ", final " + finalAssessment + ".");
        }
    }

    /** The default period of a communiqué dated {@code start}. */
    public static CompliancePeriod from(LocalDate start) {
        return of(start, null, null);
    }

    /**
     * The period starting on {@code start}, with the final date (default: a year after the start) and the interim
     * date (default: midway between start and final) where given.
     */
    public static CompliancePeriod of(LocalDate start, LocalDate interim, LocalDate finalAssessment) {
        if (start == null) {
            throw new IllegalArgumentException("A compliance period needs its start date.");
        }
        LocalDate end = finalAssessment != null ? finalAssessment : start.plusYears(1);
        LocalDate middle = interim != null ? interim : start.plusDays(ChronoUnit.DAYS.between(start, end) / 2);
        return new CompliancePeriod(start, middle, end);
    }

    /** The date of an assessment of this period ({@code TODAY} is not one of its dates). */
    public LocalDate dateOf(Assessment assessment) {
        return switch (assessment) {
            case INTERIM -> interim;
            case FINAL -> finalAssessment;
            case TODAY -> throw new IllegalArgumentException("today is not a date of the compliance period.");
        };
    }

    /**
     * The latest assessment whose day has ended by {@code today} (its figures no longer change), or null before
     * the interim assessment: then nothing is assessed yet.
     */
    public Assessment inForce(LocalDate today) {
        if (today.isAfter(finalAssessment)) {
            return Assessment.FINAL;
        }
        return today.isAfter(interim) ? Assessment.INTERIM : null;
    }
}
