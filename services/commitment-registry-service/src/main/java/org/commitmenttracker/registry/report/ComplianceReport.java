package org.commitmenttracker.registry.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.registry.compliance.AssessmentCut;
import org.commitmenttracker.registry.compliance.ComplianceGroup;
import org.commitmenttracker.registry.compliance.CompliancePeriod;
import org.commitmenttracker.registry.compliance.StatusAt;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.lifecycle.HistoryEntry;
import org.commitmenttracker.registry.lifecycle.Milestone;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A communiqué's compliance report at one assessment: every commitment as it stood at the cutoff (status, percent,
 * agency reports and evidence up to then, from history), counts by status and compliance overall and per section,
 * agency, party and topic. Commitments withdrawn by then (false extractions, withdrawn communiqués) are not
 * commitments and are left out; one registered after the cutoff counts as pledged ({@link StatusAt}). Pure: built
 * from commitments read with their history.
 *
 * @param at               {@code interim}, {@code final} or {@code today}
 * @param assessmentDate   the date asked for
 * @param asOf             the date the statuses are from (today when the assessment date is still to come)
 * @param assessed         whether compliance is scored (false before the assessment date has ended)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplianceReport(String documentId, String documentTitle, LocalDate documentDate, CompliancePeriod period,
                               String at, LocalDate assessmentDate, LocalDate asOf, boolean assessed,
                               ComplianceGroup summary, Map<String, ComplianceGroup> bySection,
                               Map<String, ComplianceGroup> byAgency, Map<String, ComplianceGroup> byParty,
                               Map<String, ComplianceGroup> byTopic, List<Item> commitments) {

    /** One commitment at the cutoff; {@code score} null: not assessed. */
    public record Item(String id, Integer section, int ordinal, String kind, String text, CommitmentStatus status,
                       @JsonInclude(JsonInclude.Include.ALWAYS) Integer score,
                       @JsonInclude(JsonInclude.Include.ALWAYS) Integer percentComplete, LocalDate dueDate,
                       List<MilestoneAt> milestones, List<String> parties, List<String> topics, List<String> agencies,
                       List<AgencyReport> reports, List<String> evidenceUrls, String supersededBy)
            implements ComplianceGroup.Member {
    }

    /** A milestone: {@code met} (completed by the end of its day), {@code missed} (its day ended first) or {@code open}. */
    public record MilestoneAt(String text, LocalDate dueDate, String state) {
    }

    /** An agency's progress report, as history keeps it. */
    public record AgencyReport(Instant at, String agencyId, CommitmentStatus status, Integer percentComplete,
                               String note, List<String> evidenceUrls) {
    }

    /** The report of {@code documentId} over {@code commitments} (with their history) at {@code cut}. */
    public static ComplianceReport build(String documentId, CompliancePeriod period, AssessmentCut cut, ZoneId zone,
                                         List<Commitment> commitments) {
        List<Item> items = new ArrayList<>();
        for (Commitment c : commitments.stream().sorted(Comparator.comparingInt((Commitment c) -> c.facts().ordinal())
                .thenComparing(Commitment::id)).toList()) {
            StatusAt then = StatusAt.of(c.history(), cut.cutoff());
            if (then.status() == null || then.status() == CommitmentStatus.WITHDRAWN) {
                continue;
            }
            items.add(new Item(c.id(), c.facts().section(), c.facts().ordinal(), c.facts().kind(), c.facts().text(),
                    then.status(), cut.assessed() ? then.score() : null, then.percentComplete(), c.dueDate(),
                    milestones(c, cut, zone), c.facts().parties(), c.facts().topics(), c.agencies(),
                    then.reports().stream().map(ComplianceReport::agencyReport).toList(), then.evidenceUrls(),
                    then.status() == CommitmentStatus.SUPERSEDED ? c.supersededBy() : null));
        }
        Commitment first = commitments.isEmpty() ? null : commitments.get(0);
        return new ComplianceReport(documentId, first == null ? null : first.facts().documentTitle(),
                first == null ? null : first.facts().documentDate(), period, cut.assessment().apiName(),
                cut.assessmentDate(), cut.asOf(), cut.assessed(), ComplianceGroup.of(items),
                ComplianceGroup.by(items, i -> ComplianceGroup.sectionKey(i.section())),
                ComplianceGroup.by(items, Item::agencies), ComplianceGroup.by(items, Item::parties),
                ComplianceGroup.by(items, Item::topics), items);
    }

    private static List<MilestoneAt> milestones(Commitment c, AssessmentCut cut, ZoneId zone) {
        List<MilestoneAt> result = new ArrayList<>();
        for (Milestone m : c.milestones()) {
            Instant end = AssessmentCut.endOf(m.dueDate(), zone);
            Instant seen = end.isBefore(cut.cutoff()) ? end : cut.cutoff();
            boolean completed = StatusAt.of(c.history(), seen).status() == CommitmentStatus.COMPLETED;
            result.add(new MilestoneAt(m.text(), m.dueDate(),
                    completed ? "met" : end.isBefore(cut.cutoff()) ? "missed" : "open"));
        }
        return result;
    }

    private static AgencyReport agencyReport(HistoryEntry entry) {
        return new AgencyReport(entry.at(), StatusAt.agencyOf(entry), entry.status(), entry.percentComplete(),
                entry.cause(), entry.evidenceUrls());
    }
}
