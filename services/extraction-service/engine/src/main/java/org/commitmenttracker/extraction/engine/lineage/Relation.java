package org.commitmenttracker.extraction.engine.lineage;

import java.util.Locale;

/** How a later commitment stands to an earlier one of another communiqué (corpus lineage README). */
public enum Relation {
    /** The same pledge restated with essentially the same content, adding no new step. */
    REPEATS,
    /** The same undertaking carried on, or given a new step, target or date. */
    RENEWS,
    /** The later text reports the earlier pledge completed, or builds on its completion. */
    FULFILS;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
