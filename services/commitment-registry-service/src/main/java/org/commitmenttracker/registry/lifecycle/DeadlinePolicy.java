package org.commitmenttracker.registry.lifecycle;

import java.util.List;

/** Horizons, in days before a milestone, at which {@code DeadlineApproaching} is announced. */
public record DeadlinePolicy(List<Integer> horizons) {
    public static final DeadlinePolicy DEFAULT = new DeadlinePolicy(List.of(30, 7, 1));

    public DeadlinePolicy {
        if (horizons == null || horizons.isEmpty() || horizons.stream().anyMatch(h -> h == null || h < 0)) {
            throw new IllegalArgumentException("Deadline horizons must be a non-empty list of days ≥ 0: " + horizons);
        }
        horizons = horizons.stream().distinct().sorted().toList();
    }
}
