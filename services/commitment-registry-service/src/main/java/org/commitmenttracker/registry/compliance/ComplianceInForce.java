package org.commitmenttracker.registry.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.lifecycle.ComplianceScore;
import org.commitmenttracker.registry.lifecycle.HistoryEntry;
import org.commitmenttracker.registry.store.CommitmentQueries;
import org.springframework.stereotype.Component;

/**
 * Scores commitments as the overview reports them: each at the latest assessment of its communiqué's period that
 * has ended (interim, then final), from its history then; not assessed before the interim assessment (a pledge
 * made yesterday is not "no compliance" yet). Commitments are read without history; only those written since their
 * cutoff have their history read, in one query.
 */
@Component
public class ComplianceInForce {
    private final CommitmentQueries queries;
    private final CompliancePeriods periods;

    ComplianceInForce(CommitmentQueries queries, CompliancePeriods periods) {
        this.queries = queries;
        this.periods = periods;
    }

    /** A commitment counted under its current status, scored at its assessment in force (null: not assessed). */
    public record Scored(Commitment commitment, CommitmentStatus status, Integer score) implements ComplianceGroup.Member {
    }

    public List<Scored> score(List<Commitment> commitments) {
        Map<String, CompliancePeriod> byDocument = periods.periodsOf(commitments);
        LocalDate today = LocalDate.ofInstant(periods.now(), periods.zone());
        Map<String, Instant> cutoffs = new HashMap<>();
        List<String> needHistory = new ArrayList<>();
        for (Commitment c : commitments) {
            CompliancePeriod period = byDocument.get(c.facts().documentId());
            Assessment inForce = period == null ? null : period.inForce(today);
            if (inForce != null) {
                Instant cutoff = AssessmentCut.endOf(period.dateOf(inForce), periods.zone());
                cutoffs.put(c.id(), cutoff);
                if (StatusAt.needsHistory(c, cutoff)) {
                    needHistory.add(c.id());
                }
            }
        }
        Map<String, List<HistoryEntry>> histories = histories(needHistory);
        List<Scored> scored = new ArrayList<>(commitments.size());
        for (Commitment c : commitments) {
            Instant cutoff = cutoffs.get(c.id());
            CommitmentStatus then = cutoff == null ? null
                    : histories.containsKey(c.id()) ? StatusAt.of(histories.get(c.id()), cutoff).status() : c.status();
            scored.add(new Scored(c, c.status(), then == null ? null : ComplianceScore.of(then)));
        }
        return scored;
    }

    private Map<String, List<HistoryEntry>> histories(List<String> ids) {
        Map<String, List<HistoryEntry>> histories = new HashMap<>();
        queries.whole(ids).forEach(c -> histories.put(c.id(), c.history()));
        return histories;
    }
}
