package org.commitmenttracker.notification.matching;

import java.util.Set;

/**
 * One event kind a subscription wants, optionally narrowed: {@code horizons} (days before the due date) for
 * {@code deadline.approaching}, {@code from}/{@code to} statuses for {@code status.changed}. Empty = any.
 */
public record KindFilter(EventKind kind, Set<Integer> horizons, Set<String> from, Set<String> to) {

    public KindFilter {
        horizons = horizons == null ? Set.of() : Set.copyOf(horizons);
        from = from == null ? Set.of() : Set.copyOf(from);
        to = to == null ? Set.of() : Set.copyOf(to);
    }

    boolean matches(Occurrence occurrence) {
        return kind == occurrence.kind()
                && (horizons.isEmpty() || occurrence.horizonDays() != null && horizons.contains(occurrence.horizonDays()))
                && (from.isEmpty() || occurrence.from() != null && from.contains(occurrence.from()))
                && (to.isEmpty() || to.contains(occurrence.status()));
    }
}
