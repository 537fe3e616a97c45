package org.commitmenttracker.registry.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.commitmenttracker.registry.lifecycle.HistoryEntry;
import org.commitmenttracker.registry.lifecycle.Milestone;
import org.commitmenttracker.registry.lineage.LineageFacts;

/**
 * A commitment as the API shows it: its facts, status, milestones, compliance, lineage facts and history (left out
 * of list items: {@code history} absent). {@code lineage} is absent from the answers of curation's writes.
 */
public record CommitmentView(String id, long version, String status, boolean completedLate, Integer complianceScore,
                             LocalDate dueDate, List<Milestone> milestones, Integer percentComplete,
                             List<String> agencies, List<String> evidenceUrls, String supersededBy,
                             Set<String> correctedFields, ExtractedFacts facts,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<HistoryEntry> history,
                             Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) LineageFacts lineage) {
    /** A commitment as a write left it (its lineage is not read). */
    public static CommitmentView of(Commitment c) {
        return of(c, c.history(), null);
    }

    /** A commitment read with its history and its lineage facts. */
    static CommitmentView of(Commitment c, LineageFacts lineage) {
        return of(c, c.history(), lineage);
    }

    /** A list item, read without its history: {@code history} is left out rather than shown empty. */
    static CommitmentView listItem(Commitment c, LineageFacts lineage) {
        return of(c, null, lineage);
    }

    private static CommitmentView of(Commitment c, List<HistoryEntry> history, LineageFacts lineage) {
        return new CommitmentView(c.id(), c.version(), c.status().name(), c.completedLate(), c.complianceScore(),
                c.dueDate(), c.milestones(), c.percentComplete(), c.agencies(), c.evidenceUrls(), c.supersededBy(),
                c.correctedFields(), c.facts(), history, c.updatedAt(), lineage);
    }
}
