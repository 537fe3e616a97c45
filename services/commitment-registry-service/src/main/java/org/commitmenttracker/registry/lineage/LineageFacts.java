package org.commitmenttracker.registry.lineage;

import java.time.LocalDate;

/**
 * What a commitment's chain of earlier links says about it: when its undertaking was first pledged (the earliest
 * communiqué date in its chain, itself included; null when none is dated), how many earlier commitments it renews
 * (directly or through others), and whether it was renewed while every one of those made no progress.
 */
public record LineageFacts(LocalDate firstPledged, int renewals, boolean renewedWithoutProgress) {

    /** A commitment that renews nothing: first pledged in its own communiqué. */
    public static LineageFacts unlinked(LocalDate documentDate) {
        return new LineageFacts(documentDate, 0, false);
    }
}
