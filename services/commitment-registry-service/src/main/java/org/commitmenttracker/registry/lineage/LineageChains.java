package org.commitmenttracker.registry.lineage;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commitmenttracker.registry.lifecycle.CommitmentStatus;

/**
 * The links between commitments (each from a later commitment to an earlier one it repeats, renews or fulfils) as
 * read at one moment, with the commitments at their ends, and the {@link LineageFacts} they give. A commitment's
 * chain is every commitment reachable from it over links to earlier ones; a withdrawn commitment is no part of any
 * chain (nor are those reached only through it). Pure: no I/O.
 */
public final class LineageChains {
    /** The statuses of an earlier commitment that made no progress: pledged and still open, or stuck. */
    static final Set<CommitmentStatus> WITHOUT_PROGRESS = Set.of(CommitmentStatus.PLEDGED, CommitmentStatus.STALLED,
            CommitmentStatus.OVERDUE);

    /** A commitment at an end of a link: its communiqué's date (null: undated) and its status. */
    public record End(LocalDate documentDate, CommitmentStatus status) {
    }

    /** A link as stored: {@code from} the later commitment, {@code to} the earlier one. */
    public record Link(String from, String to) {
    }

    private final Map<String, List<String>> earlierOf = new HashMap<>();
    private final Map<String, End> ends;

    /** @param ends the commitments at the links' ends; one missing is unknown (not registered, or gone) and skipped */
    public LineageChains(Collection<Link> links, Map<String, End> ends) {
        this.ends = Map.copyOf(ends);
        for (Link link : links) {
            earlierOf.computeIfAbsent(link.from(), from -> new ArrayList<>()).add(link.to());
        }
    }

    /** The facts of commitment {@code id}, whose own communiqué is dated {@code documentDate}. */
    public LineageFacts factsOf(String id, LocalDate documentDate) {
        Set<String> earlier = earlierCommitments(id);
        LocalDate first = documentDate;
        boolean withoutProgress = true;
        for (String commitment : earlier) {
            End end = ends.get(commitment);
            if (end.documentDate() != null && (first == null || end.documentDate().isBefore(first))) {
                first = end.documentDate();
            }
            withoutProgress &= WITHOUT_PROGRESS.contains(end.status());
        }
        return new LineageFacts(first, earlier.size(), !earlier.isEmpty() && withoutProgress);
    }

    /**
     * Whether a commitment and its chain made no progress: it is pledged, stalled or overdue, and, when it renews
     * others ({@code renewsOthers}), it was renewed without progress (every one of them made none either). A commitment
     * linked to such a one is renewed without progress.
     */
    static boolean madeNoProgress(CommitmentStatus status, boolean renewsOthers, boolean renewedWithoutProgress) {
        return WITHOUT_PROGRESS.contains(status) && (!renewsOthers || renewedWithoutProgress);
    }

    /** The commitments in {@code id}'s chain before it, each once (links may reach one by several ways). */
    private Set<String> earlierCommitments(String id) {
        Set<String> reached = new HashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(id));
        while (!next.isEmpty()) {
            for (String earlier : earlierOf.getOrDefault(next.pop(), List.of())) {
                End end = ends.get(earlier);
                if (end != null && end.status() != CommitmentStatus.WITHDRAWN && !earlier.equals(id) && reached.add(earlier)) {
                    next.push(earlier);
                }
            }
        }
        return reached;
    }
}
