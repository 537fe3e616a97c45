package org.commitmenttracker.registry.deadlines;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * {@code tracker.deadlines.*}: the deadline rules and the watcher's schedule ({@link DeadlineWatcher}).
 *
 * @param horizons      days before a milestone at which {@code deadline.approaching.v1} is announced
 * @param zone          a milestone passes at the end of its last day in this zone; assessment dates are days in it
 * @param checkInterval how long the watcher waits after one check before the next
 * @param initialDelay  how long after start-up the watcher first checks
 * @param lockAtMostFor how long a replica's lease on the check lasts at most (should it die while checking): no
 *                      other replica checks meanwhile
 */
@Validated
@ConfigurationProperties("tracker.deadlines")
public record DeadlineSettings(@DefaultValue({"30", "7", "1"}) @NotNull List<@NotNull @PositiveOrZero Integer> horizons,
                               @DefaultValue("UTC") @NotNull ZoneId zone,
                               @DefaultValue("60s") @NotNull @DurationMin(millis = 1) Duration checkInterval,
                               @DefaultValue("10s") @NotNull @DurationMin(millis = 0) Duration initialDelay,
                               @DefaultValue("10m") @NotNull @DurationMin(millis = 1) Duration lockAtMostFor) {
}
