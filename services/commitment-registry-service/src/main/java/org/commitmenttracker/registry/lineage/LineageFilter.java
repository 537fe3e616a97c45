package org.commitmenttracker.registry.lineage;

import java.time.LocalDate;

/**
 * The list filters on {@link LineageFacts}: at least {@code minRenewals} renewals, {@code renewedWithoutProgress}
 * as asked, first pledged on or before / on or after a day. A null part does not filter.
 */
public record LineageFilter(Integer minRenewals, Boolean renewedWithoutProgress, LocalDate firstPledgedBefore,
                            LocalDate firstPledgedAfter) {
    public static final LineageFilter NONE = new LineageFilter(null, null, null, null);

    public LineageFilter {
        if (minRenewals != null && minRenewals < 0) {
            throw new IllegalArgumentException("minRenewals must be ≥ 0.");
        }
        if (firstPledgedBefore != null && firstPledgedAfter != null && firstPledgedAfter.isAfter(firstPledgedBefore)) {
            throw new IllegalArgumentException("firstPledgedAfter must not be later than firstPledgedBefore.");
        }
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    boolean matches(LineageFacts facts) {
        return (minRenewals == null || facts.renewals() >= minRenewals)
                && (renewedWithoutProgress == null || facts.renewedWithoutProgress() == renewedWithoutProgress)
                && firstPledgedMatches(facts.firstPledged());
    }

    /** Whether a commitment that renews nothing may match: then only its own communiqué's date is asked about. */
    boolean admitsUnlinked() {
        return (minRenewals == null || minRenewals == 0) && !Boolean.TRUE.equals(renewedWithoutProgress);
    }

    boolean asksFirstPledged() {
        return firstPledgedBefore != null || firstPledgedAfter != null;
    }

    private boolean firstPledgedMatches(LocalDate firstPledged) {
        if (!asksFirstPledged()) {
            return true;
        }
        return firstPledged != null && (firstPledgedBefore == null || !firstPledged.isAfter(firstPledgedBefore))
                && (firstPledgedAfter == null || !firstPledged.isBefore(firstPledgedAfter));
    }
}
