package org.commitmenttracker.notification.silences;

import java.util.Set;

/**
 * {@code POST /api/subscriptions/{id}/silences}: mute until {@code until} (an ISO-8601 instant) the alerts about
 * these commitments, communiqués ({@code documentIds}) and event kinds ({@code events}); no criterion mutes
 * the whole subscription. Unknown fields are refused while parsing (a misspelt criterion must not widen a silence).
 */
record SilenceRequest(String until, Set<String> commitmentIds, Set<String> documentIds, Set<String> events, String comment) {
}
