package org.commitmenttracker.registry.progress;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.registry.access.NotThisAgency;
import org.commitmenttracker.registry.agencies.AgencyDirectory;
import org.commitmenttracker.service.web.WellFormedText;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.lifecycle.HistoryEntry;
import org.commitmenttracker.registry.lifecycle.Outcome;
import org.commitmenttracker.registry.lifecycle.ProgressRejected;
import org.commitmenttracker.registry.lifecycle.ProgressReport;
import org.commitmenttracker.registry.store.Commitments;
import org.commitmenttracker.registry.store.Commitments.Step;
import org.springframework.stereotype.Service;

/**
 * The one validation path for progress reports, whether they come over HTTP or Kafka: well-formed, for the
 * agency the sender's token names, from an agency in the directory, assigned to the commitment, a transition
 * the lifecycle allows.
 */
@Service
public class ProgressReports {
    static final int MAX_NOTE = 4_000;
    static final int MAX_EVIDENCE = 20;
    static final int MAX_URL = 2_000;
    static final int MAX_ID = 200;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Commitments commitments;
    private final AgencyDirectory agencies;
    private final Clock clock;

    public ProgressReports(Commitments commitments, AgencyDirectory agencies, Clock clock) {
        this.commitments = commitments;
        this.agencies = agencies;
        this.clock = clock;
    }

    /**
     * @param speaksFor the agency the sender's token names ({@code agency_id}): the report must be this agency's
     * @throws InvalidProgress for a malformed report
     * @throws NotThisAgency for a report of another agency than {@code speaksFor}
     * @throws ProgressRejected for an agency not in the directory or not assigned
     * @throws org.commitmenttracker.registry.lifecycle.TransitionRejected for a status the lifecycle forbids
     * @throws org.commitmenttracker.registry.store.CommitmentNotFound for an unknown commitment
     */
    public ProgressResult apply(String commitmentId, ProgressSubmission submission, String traceparent, String speaksFor) {
        ProgressReport report = check(submission, speaksFor);
        Outcome outcome = commitments.update(commitmentId, c -> c.report(report, clock.instant()), traceparent);
        HistoryEntry answer = outcome.answer();
        return new ProgressResult(commitmentId, report.eventId(), answer.status().name(), answer.percentComplete(),
                answer.kind(), answer.at(), !outcome.changed());
    }

    /** A report as it arrived: for which commitment, what, the trace it continues and whose token it carried. */
    public record Arrival(String commitmentId, ProgressSubmission submission, String traceparent, String speaksFor) {
    }

    /**
     * Applies reports in the order given (for Kafka, their partition's), with the same checks and the same result
     * per report as {@link #apply} one after another, but reading and writing the commitments they name together.
     *
     * @return per report, why it was refused ({@link InvalidProgress}, {@link NotThisAgency}, {@link ProgressRejected},
     * {@link org.commitmenttracker.registry.lifecycle.TransitionRejected},
     * {@link org.commitmenttracker.registry.store.CommitmentNotFound}), or null where it was applied or repeated
     */
    public List<RuntimeException> applyAll(List<Arrival> arrivals) {
        RuntimeException[] refused = new RuntimeException[arrivals.size()];
        Map<String, List<Step>> steps = new LinkedHashMap<>();
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < arrivals.size(); i++) {
            Arrival arrival = arrivals.get(i);
            try {
                ProgressReport report = check(arrival.submission(), arrival.speaksFor());
                steps.computeIfAbsent(arrival.commitmentId(), id -> new ArrayList<>())
                        .add(new Step(c -> c.report(report, clock.instant()), arrival.traceparent()));
                positions.computeIfAbsent(arrival.commitmentId(), id -> new ArrayList<>()).add(i);
            } catch (InvalidProgress | ProgressRejected | NotThisAgency e) {
                refused[i] = e;
            }
        }
        commitments.updateAll(steps).forEach((id, stepRefusals) -> {
            for (int j = 0; j < stepRefusals.size(); j++) {
                refused[positions.get(id).get(j)] = stepRefusals.get(j);
            }
        });
        return Arrays.asList(refused);
    }

    /** Well-formed, the sender's own agency's, and from an agency in the directory. */
    private ProgressReport check(ProgressSubmission submission, String speaksFor) {
        ProgressReport report = validate(submission);
        if (!report.agencyId().equals(speaksFor)) {
            throw new NotThisAgency("The report is agency " + abbreviate(report.agencyId()) + "'s but the token speaks for "
                    + (speaksFor == null ? "no agency" : "agency " + abbreviate(speaksFor)) + ".");
        }
        if (!agencies.contains(report.agencyId())) {
            throw new ProgressRejected("Agency " + report.agencyId() + " is not in the agency directory.");
        }
        return report;
    }

    ProgressReport validate(ProgressSubmission s) {
        require(s.eventId() != null && !s.eventId().isBlank() && s.eventId().length() <= MAX_ID,
                "eventId is required (at most " + MAX_ID + " characters): it makes the report idempotent.");
        require(s.agencyId() != null && !s.agencyId().isBlank() && s.agencyId().length() <= MAX_ID,
                "agencyId is required.");
        require(s.occurredAt() != null, "occurredAt is required (ISO-8601 instant).");
        require(!s.occurredAt().isAfter(clock.instant().plus(CLOCK_SKEW)), "occurredAt " + s.occurredAt() + " is in the future.");
        require(s.percentComplete() == null || (s.percentComplete() >= 0 && s.percentComplete() <= 100),
                "percentComplete must be between 0 and 100.");
        require(s.note() == null || s.note().length() <= MAX_NOTE, "note is at most " + MAX_NOTE + " characters.");
        List<String> evidence = s.evidenceUrls() == null ? List.of() : s.evidenceUrls();
        require(evidence.size() <= MAX_EVIDENCE, "At most " + MAX_EVIDENCE + " evidenceUrls.");
        evidence.forEach(url -> require(isWebUrl(url), "evidenceUrls must be http(s) URLs of at most " + MAX_URL
                + " characters: " + abbreviate(url)));
        wellFormed("eventId", s.eventId());
        wellFormed("agencyId", s.agencyId());
        wellFormed("note", s.note());
        evidence.forEach(url -> wellFormed("evidenceUrls", url));
        return new ProgressReport(s.eventId(), s.agencyId(), status(s.status()), s.percentComplete(), s.note(), evidence,
                s.occurredAt());
    }

    private static CommitmentStatus status(String value) {
        if (value == null) {
            return null;
        }
        List<CommitmentStatus> reportable = Arrays.stream(CommitmentStatus.values()).filter(CommitmentStatus::isReportedByAgencies).toList();
        CommitmentStatus status;
        try {
            status = CommitmentStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidProgress("Unknown status '" + abbreviate(value) + "'; one of " + reportable + ".");
        }
        if (!status.isReportedByAgencies()) {
            throw new InvalidProgress("An agency may report only " + reportable + ", not " + status + ".");
        }
        return status;
    }

    private static boolean isWebUrl(String url) {
        if (url == null || url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String abbreviate(String value) {
        return value == null ? "null" : value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }

    /** Over Kafka too: no NUL and no unpaired surrogate reaches the store or the events it publishes. */
    private static void wellFormed(String field, String value) {
        String problem = WellFormedText.problem(value);
        require(problem == null, field + " contains " + problem + ".");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidProgress(message);
        }
    }
}
