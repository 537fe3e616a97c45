package org.commitmenttracker.registry.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.commitmenttracker.registry.access.NotThisAgency;
import org.commitmenttracker.registry.agencies.AgencyDirectory;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.lifecycle.DeadlinePolicy;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.commitmenttracker.registry.lifecycle.HistoryEntry;
import org.commitmenttracker.registry.lifecycle.NotAssigned;
import org.commitmenttracker.registry.lifecycle.Outcome;
import org.commitmenttracker.registry.lifecycle.ProgressRejected;
import org.commitmenttracker.registry.lifecycle.TransitionRejected;
import org.commitmenttracker.registry.progress.ProgressReports.Arrival;
import org.commitmenttracker.registry.store.Commitments;
import org.commitmenttracker.registry.store.Commitments.Step;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an agency's progress report must be to be applied, and what it is told otherwise: the same over HTTP and
 * Kafka. Commitments live in a map here; the store's own batching is CommitmentWritesIT's.
 */
class ProgressReportsTest {
    private static final Instant NOW = Instant.parse("2025-04-01T08:00:00Z");

    private final Map<String, Commitment> store = new HashMap<>();
    private final Commitments commitments = mock(Commitments.class);
    private ProgressReports reports;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void twoCommitmentsAssignedToMofcom() {
        store.put("c1", assigned("c1", "mofcom"));
        store.put("c2", assigned("c2", "mofcom", "minek"));
        AgencyDirectory directory = mock(AgencyDirectory.class);
        when(directory.contains(anyString())).thenAnswer(call -> Set.of("mofcom", "minek", "mfa").contains(call.getArgument(0)));
        when(commitments.update(anyString(), any(Function.class), any())).thenAnswer(call ->
                apply(call.getArgument(0), (Function<Commitment, Outcome>) call.getArgument(1)));
        when(commitments.updateAll(anyMap())).thenAnswer(call -> {
            Map<String, List<RuntimeException>> refusals = new HashMap<>();
            ((Map<String, List<Step>>) call.getArgument(0)).forEach((id, steps) -> refusals.put(id,
                    steps.stream().map(step -> refusal(() -> apply(id, step.operation()))).toList()));
            return refusals;
        });
        reports = new ProgressReports(commitments, directory, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aValidReportMovesTheCommitmentAndARepeatAnswersTheFirstResult() {
        ProgressResult first = reports.apply("c1", submission("r1", "IN_PROGRESS", 40), null, "mofcom");
        assertThat(first).isEqualTo(new ProgressResult("c1", "r1", "IN_PROGRESS", 40, "progress", NOW, false));
        assertThat(store.get("c1").status()).isEqualTo(CommitmentStatus.IN_PROGRESS);
        assertThat(store.get("c1").evidenceUrls()).containsExactly("https://example.org/report.pdf");

        ProgressResult repeat = reports.apply("c1", submission("r1", "COMPLETED", 100), null, "mofcom");
        assertThat(repeat.repeated()).isTrue();
        assertThat(repeat.status()).isEqualTo("IN_PROGRESS");
        assertThat(repeat.percentComplete()).isEqualTo(40);
        assertThat(store.get("c1").history()).filteredOn(h -> "r1".equals(h.eventId())).hasSize(1);
    }

    @Test
    void aReportWithoutStatusRecordsProgressWithoutATransition() {
        ProgressResult result = reports.apply("c1", submission("r1", null, 10), null, "mofcom");
        assertThat(result.status()).isEqualTo("PLEDGED");
        assertThat(store.get("c1").percentComplete()).isEqualTo(10);
        assertThat(store.get("c1").history()).last().extracting(HistoryEntry::from).isNull();
    }

    @Test
    void anAgencyCannotCancelWithdrawSupersedeOrMarkOverdueItsOwnCommitment() {
        for (CommitmentStatus decision : List.of(CommitmentStatus.CANCELLED, CommitmentStatus.SUPERSEDED,
                CommitmentStatus.WITHDRAWN, CommitmentStatus.OVERDUE, CommitmentStatus.PLEDGED)) {
            assertRefused(new ProgressSubmission("r-" + decision, "mofcom", decision.name(), null, null, null, NOW),
                    "An agency may report only [IN_PROGRESS, STALLED, COMPLETED], not " + decision + ".");
        }
        assertThat(store.get("c1").status()).isEqualTo(CommitmentStatus.PLEDGED);
        verify(commitments, never()).update(anyString(), any(), any());
    }

    @Test
    void eachMalformedFieldIsNamedInTheRefusal() {
        assertRefused(new ProgressSubmission(null, "mofcom", null, null, null, null, NOW), "eventId is required");
        assertRefused(new ProgressSubmission("x".repeat(201), "mofcom", null, null, null, null, NOW), "eventId is required");
        assertRefused(new ProgressSubmission("r1", " ", null, null, null, null, NOW), "agencyId is required.");
        assertRefused(new ProgressSubmission("r1", "mofcom", null, null, null, null, null), "occurredAt is required");
        assertRefused(new ProgressSubmission("r1", "mofcom", "DONE", null, null, null, NOW),
                "Unknown status 'DONE'; one of [IN_PROGRESS, STALLED, COMPLETED].");
        assertRefused(new ProgressSubmission("r1", "mofcom", "in_progress", null, null, null, NOW), "Unknown status 'in_progress'");
        assertRefused(new ProgressSubmission("r1", "mofcom", null, -1, null, null, NOW), "percentComplete must be between 0 and 100.");
        assertRefused(new ProgressSubmission("r1", "mofcom", null, 101, null, null, NOW), "percentComplete must be between 0 and 100.");
        assertRefused(new ProgressSubmission("r1", "mofcom", null, null, "n".repeat(4_001), null, NOW), "note is at most 4000 characters.");
        assertRefused(new ProgressSubmission("r1", "mofcom", null, null, "bad \u0000 byte", null, NOW), "note contains");
        assertRefused(new ProgressSubmission("r1", "mofcom", null, null, "half \ud800 pair", null, NOW), "note contains");
        verify(commitments, never()).update(anyString(), any(), any());
    }

    @Test
    void percentagesAtTheBoundsAreAccepted() {
        assertThat(reports.validate(new ProgressSubmission("r1", "mofcom", null, 0, null, null, NOW)).percentComplete()).isZero();
        assertThat(reports.validate(new ProgressSubmission("r1", "mofcom", null, 100, null, null, NOW)).percentComplete()).isEqualTo(100);
    }

    @Test
    void evidenceMustBeAFewWebAddresses() {
        for (String url : List.of("ftp://example.org/a", "javascript:alert(1)", "/relative/path", "https://", "not a url",
                "https://example.org/" + "a".repeat(2_000))) {
            assertRefused(new ProgressSubmission("r1", "mofcom", null, null, null, List.of(url), NOW), "evidenceUrls must be http(s) URLs");
        }
        List<String> twentyOne = Collections.nCopies(21, "https://example.org/e");
        assertRefused(new ProgressSubmission("r1", "mofcom", null, null, null, twentyOne, NOW), "At most 20 evidenceUrls.");
        assertThat(reports.validate(new ProgressSubmission("r1", "mofcom", null, null, null,
                List.of("http://example.org/a", "https://example.org/b?c=d"), NOW)).evidenceUrls()).hasSize(2);
    }

    @Test
    void aReportFromTheFutureIsRefusedBeyondFiveMinutesOfClockSkew() {
        assertThat(reports.validate(new ProgressSubmission("r1", "mofcom", null, null, null, null, NOW.plusSeconds(300))))
                .isNotNull();
        assertRefused(new ProgressSubmission("r1", "mofcom", null, null, null, null, NOW.plusSeconds(301)), "is in the future.");
    }

    @Test
    void aReportIsOnlyEverTheTokensOwnAgencys() {
        assertThatThrownBy(() -> reports.apply("c1", submission("r1", "IN_PROGRESS", 10), null, "minek"))
                .isInstanceOf(NotThisAgency.class).hasMessage("The report is agency mofcom's but the token speaks for agency minek.");
        assertThatThrownBy(() -> reports.apply("c1", submission("r1", "IN_PROGRESS", 10), null, null))
                .isInstanceOf(NotThisAgency.class).hasMessageEndingWith("the token speaks for no agency.");
        assertThat(store.get("c1").status()).isEqualTo(CommitmentStatus.PLEDGED);
    }

    @Test
    void anAgencyOutsideTheDirectoryOrNotAssignedIsRefused() {
        ProgressSubmission unknown = new ProgressSubmission("r1", "rosatom", "IN_PROGRESS", null, null, null, NOW);
        assertThatThrownBy(() -> reports.apply("c1", unknown, null, "rosatom"))
                .isInstanceOf(ProgressRejected.class).hasMessage("Agency rosatom is not in the agency directory.");
        verify(commitments, never()).update(anyString(), any(), any());

        ProgressSubmission unassigned = new ProgressSubmission("r1", "mfa", "IN_PROGRESS", null, null, null, NOW);
        assertThatThrownBy(() -> reports.apply("c1", unassigned, null, "mfa"))
                .isInstanceOf(NotAssigned.class).hasMessage("Agency mfa is not assigned to commitment c1.");
    }

    @Test
    void aStepTheLifecycleForbidsIsRefusedWithTheAllowedOnes() {
        assertThatThrownBy(() -> reports.apply("c1", submission("r1", "COMPLETED", 100), null, "mofcom"))
                .isInstanceOf(TransitionRejected.class).hasMessageContaining("cannot go from PLEDGED to COMPLETED");
    }

    @Test
    void aBatchAppliesEachCommitmentsReportsInArrivalOrderAndAnswersEachRefusalInPlace() {
        List<RuntimeException> refused = reports.applyAll(List.of(
                arrival("c1", submission("a", "IN_PROGRESS", 10)),
                arrival("c2", submission("b", "STALLED", 0)),
                arrival("c1", new ProgressSubmission("bad", "mofcom", null, 140, null, null, NOW)),
                arrival("c1", submission("c", "COMPLETED", 100)),
                new Arrival("c2", submission("d", "IN_PROGRESS", 5), null, "minek"),
                arrival("c2", submission("e", "COMPLETED", 100))));

        assertThat(refused.get(0)).isNull();
        assertThat(refused.get(1)).isNull();
        assertThat(refused.get(2)).isInstanceOf(InvalidProgress.class);
        assertThat(refused.get(3)).as("IN_PROGRESS → COMPLETED after a").isNull();
        assertThat(refused.get(4)).isInstanceOf(NotThisAgency.class);
        assertThat(refused.get(5)).isInstanceOf(TransitionRejected.class).hasMessageContaining("from STALLED to COMPLETED");
        assertThat(store.get("c1").status()).isEqualTo(CommitmentStatus.COMPLETED);
        assertThat(store.get("c1").history()).extracting(HistoryEntry::eventId).containsSubsequence("a", "c");
        assertThat(store.get("c2").status()).isEqualTo(CommitmentStatus.STALLED);
    }

    private void assertRefused(ProgressSubmission submission, String reason) {
        assertThatThrownBy(() -> reports.apply("c1", submission, null, "mofcom"))
                .isInstanceOf(InvalidProgress.class).hasMessageContaining(reason);
    }

    private Outcome apply(String id, Function<Commitment, Outcome> operation) {
        Outcome outcome = operation.apply(store.get(id));
        store.put(id, outcome.next());
        return outcome;
    }

    private static RuntimeException refusal(Runnable step) {
        try {
            step.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static Arrival arrival(String commitmentId, ProgressSubmission submission) {
        return new Arrival(commitmentId, submission, null, submission.agencyId());
    }

    private static ProgressSubmission submission(String eventId, String status, Integer percent) {
        return new ProgressSubmission(eventId, "mofcom", status, percent, "as planned", List.of("https://example.org/report.pdf"),
                NOW.minusSeconds(60));
    }

    private static Commitment assigned(String id, String... agencies) {
        ExtractedFacts facts = new ExtractedFacts("doc", "Joint statement", LocalDate.of(2025, 1, 5), "bullet", 1, 1,
                "The sides will build a bridge.", List.of("CN", "RU"), List.of(), List.of(), List.of("transport"), List.of(), "1.0.0");
        Commitment registered = Commitment.register(id, facts, Commitment.EXTRACTION, "extracted", "e0", Set.of(),
                DeadlinePolicy.DEFAULT, NOW.minusSeconds(3600)).next();
        return registered.assign(new ArrayList<>(List.of(agencies)), "operator", NOW.minusSeconds(3600)).next();
    }
}
