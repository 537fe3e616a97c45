package org.commitmenttracker.notification.noise;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * A digest instead of immediate alerts: once a day, or once a week on {@code day}, at the subscriber's local
 * time {@code at} in {@code zone}. Local time, not UTC: "08:00 in Shanghai" stays 08:00 there, and a day
 * without that time (a daylight-saving gap) sends at the first instant after it.
 */
public record Digest(Frequency frequency, LocalTime at, ZoneId zone, DayOfWeek day) {

    public enum Frequency { DAILY, WEEKLY }

    public Digest {
        if (frequency == Frequency.WEEKLY && day == null) {
            throw new IllegalArgumentException("a weekly digest needs its day");
        }
        day = frequency == Frequency.DAILY ? null : day;
    }

    /** The first digest time strictly after {@code instant}: an alert arriving then goes out in that digest. */
    public Instant nextAfter(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        if (frequency == Frequency.WEEKLY) {
            date = date.with(TemporalAdjusters.nextOrSame(day));
        }
        Instant candidate = ZonedDateTime.of(date, at, zone).toInstant();
        while (!candidate.isAfter(instant)) {
            date = date.plusDays(frequency == Frequency.DAILY ? 1 : 7);
            candidate = ZonedDateTime.of(date, at, zone).toInstant();
        }
        return candidate;
    }
}
