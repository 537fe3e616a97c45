package org.commitmenttracker.registry.lineage;

import java.time.LocalDate;

/**
 * The list filters on {@link LineageFacts}: at least {@code minRenewals} renewals, {@code renewedWithoutProgress}
 * as asked, first pledged on or before / on or after a day. A null part does not filter.
 */
public record LineageFilter(Integer minRenewals, Boolean renewedWithoutProgress, LocalDate firstPledgedBefore,
                            LocalDate firstPledgedAfter) {
    public LineageFilter {
        if (minRenewals != null && minRenewals < 0) {
            throw new IllegalArgumentException("minRenewals must be ≥ 0.");
        }
        if (firstPledgedBefore != null && firstPledgedAfter != null && firstPledgedAfter.isAfter(firstPledgedBefore)) {
            throw new IllegalArgumentException("firstPledgedAfter must not be later than firstPledgedBefore.");
        }
    }
}
