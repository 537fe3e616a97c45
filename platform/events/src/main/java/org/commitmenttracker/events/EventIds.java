package org.commitmenttracker.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids: the same fact always gets the same id, so a producer that re-runs (after a
 * crash, a redelivery, a re-extraction) emits duplicates that consumers recognise and drop.
 */
public final class EventIds {
    private EventIds() {
    }

    public static UUID of(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
    }
}
