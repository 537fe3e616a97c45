package org.commitmenttracker.notification.noise;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.commitmenttracker.notification.matching.EventKind;
import org.commitmenttracker.notification.matching.Occurrence;

/**
 * Mutes a subscription's alerts until {@code until}: all of them when no criterion is given, else those about
 * one of {@code commitmentIds}, {@code documentIds} and {@code kinds} (criteria combine with AND, values with
 * OR, as in filters). A muted alert is still recorded, as suppressed by this silence.
 */
public record Silence(String id, Instant until, Set<String> commitmentIds, Set<String> documentIds, Set<EventKind> kinds,
                      String comment, Instant createdAt) {

    public Silence {
        commitmentIds = commitmentIds == null ? Set.of() : Set.copyOf(commitmentIds);
        documentIds = documentIds == null ? Set.of() : Set.copyOf(documentIds);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(until);
    }

    public boolean mutes(Occurrence occurrence, Instant now) {
        return activeAt(now)
                && (commitmentIds.isEmpty() || commitmentIds.contains(occurrence.commitmentId()))
                && (documentIds.isEmpty() || documentIds.contains(occurrence.documentId()))
                && (kinds.isEmpty() || kinds.contains(occurrence.kind()));
    }

    /** The first of {@code silences} muting {@code occurrence} at {@code now}. */
    public static Optional<Silence> muting(List<Silence> silences, Occurrence occurrence, Instant now) {
        for (Silence silence : silences) {
            if (silence.mutes(occurrence, now)) {
                return Optional.of(silence);
            }
        }
        return Optional.empty();
    }
}
