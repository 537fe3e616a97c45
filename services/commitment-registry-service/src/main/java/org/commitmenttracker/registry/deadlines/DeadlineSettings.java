package org.commitmenttracker.registry.deadlines;

import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tracker.deadlines.*} read by the code. (The watcher's schedule, {@code check-interval},
 * {@code initial-delay} and {@code lock-at-most-for}, is read by its {@code @Scheduled}/{@code @SchedulerLock}
 * annotations, which take placeholders only.)
 *
 * @param horizons days before a milestone at which {@code deadline.approaching.v1} is announced
 * @param zone     a milestone passes at the end of its last day in this zone; assessment dates are days in it
 */
@ConfigurationProperties("tracker.deadlines")
public record DeadlineSettings(@DefaultValue({"30", "7", "1"}) List<Integer> horizons, @DefaultValue("UTC") ZoneId zone) {
}
