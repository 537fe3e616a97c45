package org.commitmenttracker.registry.lineage;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.commitmenttracker.registry.access.AgencyScope;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.store.CommitmentNotFound;
import org.commitmenttracker.registry.store.CommitmentQueries;
import org.commitmenttracker.registry.store.Commitments;
import org.commitmenttracker.service.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/commitments/{id}/lineage}: the commitments of earlier communiqués this one repeats, renews or
 * fulfils ({@code earlier}), and those of later communiqués that do so to it ({@code later}). Readable like the
 * commitment itself: an agency token reads only commitments assigned to its agency, and sees only those among the
 * linked ones.
 */
@RestController
class LineageController {
    private final Commitments commitments;
    private final CommitmentQueries queries;
    private final CommitmentLinks links;

    LineageController(Commitments commitments, CommitmentQueries queries, CommitmentLinks links) {
        this.commitments = commitments;
        this.queries = queries;
        this.links = links;
    }

    record Lineage(String commitmentId, List<Linked> earlier, List<Linked> later) {
    }

    /** A linked commitment, its communiqué and how the later of the two stands to the earlier. */
    record Linked(String commitmentId, String documentId, LocalDate documentDate, CommitmentStatus status,
                  String relation, double similarity) {
    }

    @GetMapping("/api/commitments/{id}/lineage")
    Lineage lineage(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        String scope = AgencyScope.of(caller);
        commitments.find(id).filter(c -> visible(c, scope)).orElseThrow(() -> new CommitmentNotFound(id));
        return new Lineage(id, linked(links.withEnd(CommitmentLinks.FROM, id), CommitmentLinks.TO, scope),
                linked(links.withEnd(CommitmentLinks.TO, id), CommitmentLinks.FROM, scope));
    }

    /** The commitments at the {@code otherEnd} of these links that the caller may see, oldest communiqué first. */
    private List<Linked> linked(List<Document> found, String otherEnd, String scope) {
        Set<String> ids = found.stream().map(l -> l.getString(otherEnd)).collect(Collectors.toSet());
        Map<String, Commitment> visible = queries.withoutHistory(ids).stream()
                .filter(c -> visible(c, scope)).collect(Collectors.toMap(Commitment::id, Function.identity()));
        return found.stream().filter(l -> visible.containsKey(l.getString(otherEnd))).map(l -> {
            Commitment other = visible.get(l.getString(otherEnd));
            return new Linked(other.id(), other.facts().documentId(), other.facts().documentDate(), other.status(),
                    l.getString("relation"), l.getDouble("similarity"));
        }).sorted(Comparator.comparing(Linked::documentDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                .thenComparing(Linked::commitmentId)).toList();
    }

    private static boolean visible(Commitment commitment, String scope) {
        return scope == null || commitment.agencies().contains(scope);
    }
}
