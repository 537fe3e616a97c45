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

/**
 * A commitment as the API shows it: its facts, status, milestones, compliance and history (left out of list
 * items: {@code history} absent).
 */
public record CommitmentView(String id, long version, String status, boolean completedLate, Integer complianceScore,
                             LocalDate dueDate, List<Milestone> milestones, Integer percentComplete,
                             List<String> agencies, List<String> evidenceUrls, String supersededBy,
                             Set<String> correctedFields, ExtractedFacts facts,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<HistoryEntry> history,
                             Instant updatedAt) {
    public static CommitmentView of(Commitment c) {
        return of(c, c.history());
    }

    /** A list item, read without its history: {@code history} is left out rather than shown empty. */
    public static CommitmentView listItem(Commitment c) {
        return of(c, null);
    }

    private static CommitmentView of(Commitment c, List<HistoryEntry> history) {
        return new CommitmentView(c.id(), c.version(), c.status().name(), c.completedLate(), c.complianceScore(),
                c.dueDate(), c.milestones(), c.percentComplete(), c.agencies(), c.evidenceUrls(), c.supersededBy(),
                c.correctedFields(), c.facts(), history, c.updatedAt());
    }
}
