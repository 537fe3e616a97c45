package org.commitmenttracker.registry.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.lifecycle.ComplianceScore;
import org.commitmenttracker.registry.lifecycle.HistoryEntry;

/**
 * A commitment as it stood at a cutoff (the end of an assessment date), read from its history, so an assessment
 * taken once never changes afterwards: its status then, the percent last reported, and the agencies' reports up to
 * then. A commitment registered only after the cutoff (a communiqué back-filled later, a commitment an analyst added
 * later) was a commitment of its communiqué all the same, with nothing recorded by then: it counts as registered
 * (PLEDGED), so a report on an older communiqué covers all its commitments.
 */
public record StatusAt(CommitmentStatus status, Integer percentComplete, List<HistoryEntry> reports) {

    public StatusAt {
        reports = List.copyOf(reports);
    }

    /**
     * Whether {@link #of} needs the commitment's history: a commitment last written before the cutoff stood then as
     * it stands now, so reads of many commitments can leave the history (most of a stored commitment) out.
     */
    public static boolean needsHistory(Commitment commitment, Instant cutoff) {
        return commitment.updatedAt() == null || !commitment.updatedAt().isBefore(cutoff);
    }

    /** The standing at {@code cutoff} (exclusive) of a commitment with this {@code history}. */
    public static StatusAt of(List<HistoryEntry> history, Instant cutoff) {
        CommitmentStatus status = null;
        Integer percent = null;
        List<HistoryEntry> reports = new ArrayList<>();
        for (HistoryEntry entry : history) {
            if (!entry.at().isBefore(cutoff) && status != null) {
                break; // history is appended in time order; the registration counts even when later
            }
            status = entry.status();
            if (entry.percentComplete() != null && !HistoryEntry.LATE_REPORT.equals(entry.kind())) {
                percent = entry.percentComplete(); // as the commitment had it: a late report did not move it
            }
            if (entry.actor() != null && entry.actor().startsWith(Commitment.AGENCY_ACTOR)) {
                reports.add(entry);
            }
        }
        return new StatusAt(status, percent, reports);
    }

    /** −1 / 0 / +1 at the cutoff; null when not assessed (cancelled, superseded, withdrawn). */
    public Integer score() {
        return status == null ? null : ComplianceScore.of(status);
    }

    /** The evidence links of the reports up to the cutoff, first mention first. */
    public List<String> evidenceUrls() {
        Set<String> urls = new LinkedHashSet<>();
        reports.forEach(r -> urls.addAll(r.evidenceUrls()));
        return List.copyOf(urls);
    }

    /** The agency id of a report in {@link #reports}. */
    public static String agencyOf(HistoryEntry report) {
        return report.actor().substring(Commitment.AGENCY_ACTOR.length());
    }
}
