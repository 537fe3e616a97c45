package org.commitmenttracker.registry.compliance;

import java.util.Arrays;
import java.util.Locale;

/** When commitments are assessed: on the period's interim or final date, or today (a provisional standing). */
public enum Assessment {
    INTERIM, FINAL, TODAY;

    /** {@code interim}, {@code final} or {@code today}, as the API names them. */
    public static Assessment parse(String name) {
        return Arrays.stream(values()).filter(a -> a.apiName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("at must be interim, final or today."));
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
