package org.commitmenttracker.registry.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tracked commitment, the registry's aggregate: immutable; every operation returns an {@link Outcome}
 * with the next state and what to announce. Pure: no I/O, time comes in as an argument.
 */
public record Commitment(
        String id,
        long version,
        ExtractedFacts facts,
        Set<String> correctedFields,
        LocalDate correctedDueDate,
        CommitmentStatus status,
        boolean completedLate,
        Integer percentComplete,
        List<String> agencies,
        List<String> evidenceUrls,
        Instant lastReportAt,
        String supersededBy,
        Set<String> announcedDeadlines,
        LocalDate nextDeadlineCheck,
        List<HistoryEntry> history,
        Instant updatedAt) {

    public static final String EXTRACTION = "extraction";
    public static final String DEADLINE_WATCHER = "deadline-watcher";
    /** The actor of an agency's report: this prefix and the agency's id. */
    public static final String AGENCY_ACTOR = "agency:";
    /**
     * The characters of reports (notes and evidence links) one commitment keeps: about a thousand ordinary reports, at
     * most 6 MB of UTF-8 with the evidence set beside them, well within the store's 16 MB per document.
     */
    public static final long MAX_REPORTED_CHARS = 1_000_000;

    public Commitment {
        correctedFields = correctedFields == null ? Set.of() : Set.copyOf(correctedFields);
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        evidenceUrls = evidenceUrls == null ? List.of() : List.copyOf(evidenceUrls);
        announcedDeadlines = announcedDeadlines == null ? Set.of() : Set.copyOf(announcedDeadlines);
        history = history == null ? List.of() : List.copyOf(history);
        if (status != null && !status.isOpen()) {
            nextDeadlineCheck = null; // closed: the deadline watcher has nothing left to look at
        }
    }

    /** A commitment seen for the first time: PLEDGED. */
    public static Outcome register(String id, ExtractedFacts facts, String actor, String cause, String eventId,
                                   Set<String> correctedFields, DeadlinePolicy policy, Instant now) {
        StatusChange change = new StatusChange(null, CommitmentStatus.PLEDGED, cause, actor, now);
        HistoryEntry entry = HistoryEntry.transition(now, "registered", change, eventId);
        Commitment commitment = new Commitment(id, 0, facts, correctedFields, null, CommitmentStatus.PLEDGED, false,
                null, List.of(), List.of(), null, null, Set.of(), null, List.of(entry), now);
        return Outcome.changed(commitment.withNextDeadlineCheck(policy), entry, List.of(change));
    }

    public LocalDate dueDate() {
        return correctedDueDate != null ? correctedDueDate : facts.dueDate();
    }

    public List<Milestone> milestones() {
        return correctedDueDate != null ? List.of(new Milestone("due date (corrected)", correctedDueDate))
                : facts.milestones();
    }

    public Integer complianceScore() {
        return ComplianceScore.of(status);
    }

    /**
     * Extraction found the commitment again: refresh its facts, keeping corrections, status and history. Facts of an
     * older engine than the stored ones (a late event of an earlier analysis) change nothing.
     */
    public Outcome reextracted(ExtractedFacts incoming, String eventId, DeadlinePolicy policy, Instant now) {
        if (incoming.isOlderEngineThan(facts)) {
            return Outcome.unchanged(this, null);
        }
        ExtractedFacts refreshed = facts.refreshedBy(incoming, correctedFields);
        if (refreshed.equals(facts)) {
            return Outcome.unchanged(this, null);
        }
        HistoryEntry entry = HistoryEntry.of(now, "re-extracted", status, EXTRACTION,
                "extracted again by engine " + incoming.engineVersion(), eventId);
        return Outcome.changed(with(refreshed, status, history(entry), now).withNextDeadlineCheck(policy), entry, List.of());
    }

    /**
     * Applies an agency's progress report. The assignment is checked first, so nothing of the commitment reaches an
     * agency that is not assigned. A repeat (same event id from the same agency) answers the first result; an event id
     * another actor used answers nothing of theirs. A report older than the last applied one is kept in history but
     * does not move the status.
     *
     * @throws NotAssigned when the agency is not assigned to this commitment
     * @throws ReportsFull when the commitment's reports would exceed {@link #MAX_REPORTED_CHARS}
     * @throws TransitionRejected when the reported status is not reachable from the current one
     */
    public Outcome report(ProgressReport report, Instant now) {
        if (!agencies.contains(report.agencyId())) {
            throw new NotAssigned(report.agencyId(), id);
        }
        String actor = AGENCY_ACTOR + report.agencyId();
        Optional<HistoryEntry> earlier = history.stream()
                .filter(h -> report.eventId().equals(h.eventId()) && actor.equals(h.actor())).findFirst();
        if (earlier.isPresent()) {
            return Outcome.unchanged(this, earlier.get());
        }
        long reported = history.stream().mapToLong(HistoryEntry::reportedChars).sum();
        if (reported + report.reportedChars() > MAX_REPORTED_CHARS) {
            throw new ReportsFull(id, reported, report.reportedChars());
        }
        boolean late = lastReportAt != null && report.occurredAt().isBefore(lastReportAt);
        CommitmentStatus target = late || report.status() == null ? status : report.status();
        if (target != status) {
            Transitions.check(status, target);
        }
        StatusChange change = target == status ? null
                : new StatusChange(status, target, report.note(), actor, now);
        HistoryEntry entry = new HistoryEntry(now, late ? HistoryEntry.LATE_REPORT : "progress", target,
                change == null ? null : status, change == null ? null : target, actor,
                report.note(), report.eventId(), report.percentComplete(), report.evidenceUrls());
        if (late) {
            return Outcome.changed(with(facts, status, history(entry), now), entry, List.of());
        }
        Set<String> evidence = new LinkedHashSet<>(evidenceUrls);
        evidence.addAll(report.evidenceUrls());
        Commitment next = new Commitment(id, version, facts, correctedFields, correctedDueDate, target,
                completedLate || (target == CommitmentStatus.COMPLETED && status == CommitmentStatus.OVERDUE),
                report.percentComplete() != null ? report.percentComplete() : percentComplete, agencies,
                List.copyOf(evidence), report.occurredAt(), supersededBy, announcedDeadlines, nextDeadlineCheck,
                history(entry), now);
        return Outcome.changed(next, entry, change == null ? List.of() : List.of(change));
    }

    /**
     * An operator's decision: cancel, supersede (naming the newer commitment), or any lifecycle step.
     *
     * @throws TransitionRejected when the lifecycle does not allow it
     */
    public Outcome changeStatus(CommitmentStatus target, String actor, String reason, String newerCommitmentId,
                                Instant now) {
        Transitions.check(status, target);
        if (target == CommitmentStatus.SUPERSEDED && (newerCommitmentId == null || newerCommitmentId.isBlank())) {
            throw new IllegalArgumentException("SUPERSEDED needs the id of the newer commitment (supersededBy).");
        }
        StatusChange change = new StatusChange(status, target, reason, actor, now);
        HistoryEntry entry = HistoryEntry.transition(now, "status", change, null);
        Commitment next = new Commitment(id, version, facts, correctedFields, correctedDueDate, target,
                completedLate || (target == CommitmentStatus.COMPLETED && status == CommitmentStatus.OVERDUE),
                percentComplete, agencies, evidenceUrls, lastReportAt,
                target == CommitmentStatus.SUPERSEDED ? newerCommitmentId : supersededBy, announcedDeadlines,
                nextDeadlineCheck, history(entry), now);
        return Outcome.changed(next, entry, List.of(change));
    }

    /**
     * Withdrawn with its communiqué, dropped by a re-extraction, or rejected by an analyst. A data
     * correction rather than a lifecycle step, so allowed from any status; history is kept.
     */
    public Outcome withdraw(String actor, String cause, String eventId, Instant now) {
        if (status == CommitmentStatus.WITHDRAWN) {
            return Outcome.unchanged(this, null);
        }
        StatusChange change = new StatusChange(status, CommitmentStatus.WITHDRAWN, cause, actor, now);
        HistoryEntry entry = HistoryEntry.transition(now, "withdrawn", change, eventId);
        return Outcome.changed(with(facts, CommitmentStatus.WITHDRAWN, history(entry), now), entry, List.of(change));
    }

    /** Replaces the assigned agencies (already checked against the directory by the caller). */
    public Outcome assign(List<String> agencyIds, String actor, Instant now) {
        List<String> next = List.copyOf(new TreeSet<>(agencyIds));
        if (next.equals(agencies)) {
            return Outcome.unchanged(this, null);
        }
        HistoryEntry entry = HistoryEntry.of(now, "assignment", status, actor, "assigned " + next, null);
        return Outcome.changed(new Commitment(id, version, facts, correctedFields, correctedDueDate, status,
                completedLate, percentComplete, next, evidenceUrls, lastReportAt, supersededBy, announcedDeadlines,
                nextDeadlineCheck, history(entry), now), entry, List.of());
    }

    /** An analyst's correction; the corrected fields win over later re-extractions. */
    public Outcome correct(Correction correction, String actor, String reason, DeadlinePolicy policy, Instant now) {
        Set<String> fields = correction.fields();
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("A correction needs at least one of " + new TreeSet<>(ExtractedFacts.CORRECTABLE) + ".");
        }
        Set<String> corrected = new TreeSet<>(correctedFields);
        corrected.addAll(fields);
        HistoryEntry entry = HistoryEntry.of(now, "correction", status, actor, "corrected " + fields + ": " + reason, null);
        Commitment next = new Commitment(id, version, facts.corrected(correction), corrected,
                correction.dueDate() != null ? correction.dueDate() : correctedDueDate, status, completedLate,
                percentComplete, agencies, evidenceUrls, lastReportAt, supersededBy, announcedDeadlines,
                nextDeadlineCheck, history(entry), now);
        return Outcome.changed(next.withNextDeadlineCheck(policy), entry, List.of());
    }

    /**
     * What the deadline watcher announces on {@code today} (the date in the registry's time zone): for each
     * milestone, the tightest horizon reached (wider ones it skipped are marked announced too) or "missed"
     * once its last day has ended; and OVERDUE once the due date has passed.
     */
    public Outcome checkDeadlines(LocalDate today, DeadlinePolicy policy, Instant now) {
        List<Integer> horizons = policy.horizons();
        if (!status.isOpen()) {
            return Outcome.unchanged(this, null);
        }
        Set<String> announced = new TreeSet<>(announcedDeadlines);
        List<DeadlineNotice> notices = new ArrayList<>();
        for (Milestone milestone : milestones()) {
            DeadlineNotice missed = new DeadlineNotice(milestone, null);
            if (today.isAfter(milestone.dueDate())) {
                if (announced.add(missed.key())) {
                    notices.add(missed);
                }
                horizons.forEach(h -> announced.add(new DeadlineNotice(milestone, h).key())); // too late to approach
                continue;
            }
            horizons.stream()
                    .filter(h -> !today.isBefore(milestone.dueDate().minusDays(h)))
                    .findFirst()
                    .ifPresent(tightest -> {
                        DeadlineNotice notice = new DeadlineNotice(milestone, tightest);
                        if (announced.add(notice.key())) {
                            notices.add(notice);
                        }
                        horizons.stream().filter(h -> h > tightest)
                                .forEach(h -> announced.add(new DeadlineNotice(milestone, h).key()));
                    });
        }
        LocalDate due = dueDate();
        boolean overdue = due != null && today.isAfter(due) && status != CommitmentStatus.OVERDUE;
        if (notices.isEmpty() && !overdue && announced.equals(announcedDeadlines)) {
            return Outcome.unchanged(this, null);
        }
        StatusChange change = overdue ? new StatusChange(status, CommitmentStatus.OVERDUE,
                "due date " + due + " passed", DEADLINE_WATCHER, now) : null;
        HistoryEntry entry = change != null ? HistoryEntry.transition(now, "deadline", change, null)
                : HistoryEntry.of(now, "deadline", status, DEADLINE_WATCHER, notices.size() + " deadline notice(s)", null);
        Commitment next = new Commitment(id, version, facts, correctedFields, correctedDueDate,
                overdue ? CommitmentStatus.OVERDUE : status, completedLate, percentComplete, agencies, evidenceUrls,
                lastReportAt, supersededBy, announced, nextDeadlineCheck, history(entry), now);
        return new Outcome(next.withNextDeadlineCheck(policy), change == null ? List.of() : List.of(change),
                notices, entry, true);
    }

    /** The first day on which {@link #checkDeadlines} would announce something new, or null. */
    LocalDate nextDeadlineDate(DeadlinePolicy policy) {
        if (!status.isOpen()) {
            return null;
        }
        List<LocalDate> candidates = new ArrayList<>();
        for (Milestone milestone : milestones()) {
            if (!announcedDeadlines.contains(new DeadlineNotice(milestone, null).key())) {
                candidates.add(milestone.dueDate().plusDays(1));
            }
            for (int h : policy.horizons()) {
                if (!announcedDeadlines.contains(new DeadlineNotice(milestone, h).key())) {
                    candidates.add(milestone.dueDate().minusDays(h));
                }
            }
        }
        return candidates.stream().min(Comparator.naturalOrder()).orElse(null);
    }

    public Commitment withVersion(long newVersion) {
        return new Commitment(id, newVersion, facts, correctedFields, correctedDueDate, status, completedLate,
                percentComplete, agencies, evidenceUrls, lastReportAt, supersededBy, announcedDeadlines,
                nextDeadlineCheck, history, updatedAt);
    }

    private Commitment withNextDeadlineCheck(DeadlinePolicy policy) {
        LocalDate next = nextDeadlineDate(policy);
        if (Objects.equals(next, nextDeadlineCheck)) {
            return this;
        }
        return new Commitment(id, version, facts, correctedFields, correctedDueDate, status, completedLate,
                percentComplete, agencies, evidenceUrls, lastReportAt, supersededBy, announcedDeadlines, next,
                history, updatedAt);
    }

    private Commitment with(ExtractedFacts newFacts, CommitmentStatus newStatus, List<HistoryEntry> newHistory, Instant now) {
        return new Commitment(id, version, newFacts, correctedFields, correctedDueDate, newStatus, completedLate,
                percentComplete, agencies, evidenceUrls, lastReportAt, supersededBy, announcedDeadlines,
                nextDeadlineCheck, newHistory, now);
    }

    private List<HistoryEntry> history(HistoryEntry entry) {
        List<HistoryEntry> next = new ArrayList<>(history);
        next.add(entry);
        return next;
    }
}
