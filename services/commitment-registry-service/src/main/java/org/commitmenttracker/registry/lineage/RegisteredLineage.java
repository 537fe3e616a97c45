package org.commitmenttracker.registry.lineage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.commitmenttracker.extraction.engine.lineage.CommitmentLink;
import org.commitmenttracker.extraction.engine.lineage.LineageCommitment;
import org.commitmenttracker.extraction.engine.lineage.LineageIndex;

/**
 * The registry's communiqués in a {@link LineageIndex}, each with the commitments it was registered with and the
 * links it got. The index cannot forget a communiqué, so one that must be forgotten (withdrawn, or analysed again
 * with other commitments) is dropped by building the index again from the others. Building registers each
 * communiqué in the order given (communiqué date order), so the index also knows which communiqué carried which
 * earlier undertaking on, as it would had they arrived in that order. Plain Java, not thread-safe.
 */
final class RegisteredLineage {
    private LineageIndex index = new LineageIndex();
    private final Map<String, Registered> communiques = new HashMap<>();

    /** Forgets every communiqué, then registers these, in the order given. */
    void rebuild(List<List<LineageCommitment>> inOrder) {
        index = new LineageIndex();
        communiques.clear();
        inOrder.forEach(this::register);
    }

    /**
     * The links a communiqué got when it was registered with exactly these commitments (a redelivery), or empty
     * when it was not, or with other commitments.
     */
    Optional<List<CommitmentLink>> linksIfRegistered(String documentId, List<LineageCommitment> commitments) {
        Registered registered = communiques.get(documentId);
        return registered != null && registered.commitments().equals(commitments)
                ? Optional.of(registered.links()) : Optional.empty();
    }

    boolean holds(String documentId) {
        return communiques.containsKey(documentId);
    }

    /**
     * Links one communiqué's commitments (all of one document, in its order) to the earlier ones held, then holds
     * it. A communiqué already held must be dropped first ({@link #rebuild} without it).
     */
    List<CommitmentLink> register(List<LineageCommitment> communique) {
        if (communique.isEmpty()) {
            return List.of();
        }
        String documentId = communique.get(0).documentId();
        if (communiques.containsKey(documentId)) {
            throw new IllegalStateException("Communiqué " + documentId + " is already registered");
        }
        if (communique.stream().anyMatch(c -> !c.documentId().equals(documentId))) {
            throw new IllegalArgumentException("A communiqué's commitments are all of one document");
        }
        List<CommitmentLink> links = index.register(communique);
        communiques.put(documentId, new Registered(List.copyOf(communique), links));
        return links;
    }

    int size() {
        return index.size();
    }

    private record Registered(List<LineageCommitment> commitments, List<CommitmentLink> links) {
    }
}
