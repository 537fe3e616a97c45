package org.commitmenttracker.registry.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.commitmenttracker.events.TimeExpression;
import org.junit.jupiter.api.Test;

class CommitmentTest {
    private static final Instant NOW = Instant.parse("2023-01-10T12:00:00Z");
    private static final DeadlinePolicy POLICY = DeadlinePolicy.DEFAULT;

    private static ExtractedFacts facts(String text, TimeExpression... times) {
        return facts(text, "1.0.0", times);
    }

    private static ExtractedFacts facts(String text, String engineVersion, TimeExpression... times) {
        return new ExtractedFacts("doc", "公报", LocalDate.of(2022, 12, 5), "bullet", 2, 3, text, List.of("CN", "RU"),
                List.of(), List.of(), List.of("trade"), List.of(times), engineVersion);
    }

    private static TimeExpression year(int year) {
        return new TimeExpression(year + "年", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), false);
    }

    private static Commitment pledged(ExtractedFacts facts) {
        return Commitment.register("cmt-1", facts, "extraction", "extracted", "e0", Set.of(), POLICY, NOW).next();
    }

    private static Commitment assigned(Commitment c, String... agencies) {
        return c.assign(List.of(agencies), "operator", NOW).next();
    }

    private static ProgressReport report(String eventId, CommitmentStatus status, Instant at) {
        return new ProgressReport(eventId, "mofcom", status, 50, "note", List.of("https://example.org/e"), at);
    }

    @Test
    void registrationPledgesAndAnnounces() {
        Outcome outcome = Commitment.register("cmt-1", facts("支持。"), "extraction", "extracted", "e0", Set.of(), POLICY, NOW);
        assertThat(outcome.next().status()).isEqualTo(CommitmentStatus.PLEDGED);
        assertThat(outcome.statusChanges()).containsExactly(new StatusChange(null, CommitmentStatus.PLEDGED, "extracted", "extraction", NOW));
        assertThat(outcome.next().history()).hasSize(1);
    }

    @Test
    void reExtractionRefreshesFactsButKeepsStatusHistoryAndCorrections() {
        Commitment c = pledged(facts("支持。"));
        c = c.correct(new Correction(null, 9, null, null, null), "analyst", "wrong part", POLICY, NOW).next();
        Outcome again = c.reextracted(facts("支持举办。"), "e1", POLICY, NOW);
        assertThat(again.next().facts().text()).isEqualTo("支持举办。");
        assertThat(again.next().facts().section()).isEqualTo(9);
        assertThat(again.next().status()).isEqualTo(CommitmentStatus.PLEDGED);
        assertThat(again.statusChanges()).isEmpty();
        assertThat(c.reextracted(c.facts(), "e2", POLICY, NOW).changed()).isFalse();
    }

    /** Each report is kept in the commitment's one stored document: their text is bounded, or it could not be written. */
    @Test
    void reportsBeyondTheCommitmentsBudgetAreRefusedAndTheEarlierOnesKept() {
        Commitment c = assigned(pledged(facts("支持。")), "mofcom");
        String note = "进".repeat(4_000);
        long perReport = 4_000 + 20 * 2_000;
        int fitting = (int) (Commitment.MAX_REPORTED_CHARS / perReport);
        for (int i = 0; i < fitting; i++) {
            c = c.report(new ProgressReport("r" + i, "mofcom", CommitmentStatus.IN_PROGRESS, i, note, longLinks(i),
                    NOW.plusSeconds(i)), NOW.plusSeconds(i)).next();
        }
        Commitment full = c;
        assertThatThrownBy(() -> full.report(new ProgressReport("one-more", "mofcom", CommitmentStatus.COMPLETED, 100, note,
                longLinks(fitting), NOW.plusSeconds(fitting)), NOW.plusSeconds(fitting)))
                .isInstanceOf(ReportsFull.class).hasMessageContaining("shorter note");
        assertThat(full.status()).isEqualTo(CommitmentStatus.IN_PROGRESS);
        assertThat(full.report(new ProgressReport("short", "mofcom", CommitmentStatus.COMPLETED, 100, "done", List.of(),
                NOW.plusSeconds(fitting)), NOW.plusSeconds(fitting)).next().status()).as("a short one still fits")
                .isEqualTo(CommitmentStatus.COMPLETED);
    }

    /** Twenty evidence links of 2,000 characters each, distinct for each report. */
    private static List<String> longLinks(int report) {
        List<String> links = new java.util.ArrayList<>();
        for (int j = 0; j < 20; j++) {
            String url = "https://example.org/" + report + "/" + j + "/";
            links.add(url + "x".repeat(2_000 - url.length()));
        }
        return links;
    }

    @Test
    void aLateEventOfAnOlderEngineDoesNotTakeBackANewerEnginesFacts() {
        Commitment c = pledged(facts("支持。")).reextracted(facts("支持举办。", "1.10.0"), "e1", POLICY, NOW).next();
        assertThat(c.reextracted(facts("支持。", "1.9.2"), "e0", POLICY, NOW).changed()).isFalse();
        Outcome newer = c.reextracted(facts("支持举办博览会。", "1.10.1"), "e2", POLICY, NOW);
        assertThat(newer.next().facts().text()).isEqualTo("支持举办博览会。");
        assertThat(newer.next().facts().engineVersion()).isEqualTo("1.10.1");
    }

    @Test
    void progressMovesAlongTheLifecycleAndRepeatsAnswerTheFirstResult() {
        Commitment c = assigned(pledged(facts("支持。")), "mofcom");
        Outcome started = c.report(report("r1", CommitmentStatus.IN_PROGRESS, NOW), NOW);
        assertThat(started.next().status()).isEqualTo(CommitmentStatus.IN_PROGRESS);
        assertThat(started.statusChanges()).hasSize(1);
        assertThat(started.next().percentComplete()).isEqualTo(50);

        Outcome repeat = started.next().report(report("r1", CommitmentStatus.IN_PROGRESS, NOW), NOW);
        assertThat(repeat.changed()).isFalse();
        assertThat(repeat.answer()).isEqualTo(started.answer());
    }

    @Test
    void aClosedCommitmentHasNoNextDeadlineCheck() {
        Commitment open = assigned(pledged(facts("支持。", year(2030))), "mofcom");
        assertThat(open.nextDeadlineCheck()).isNotNull();
        Commitment cancelled = open.changeStatus(CommitmentStatus.CANCELLED, "operator", "dropped", null, NOW).next();
        assertThat(cancelled.nextDeadlineCheck()).isNull();
        Commitment completed = open.report(report("r1", CommitmentStatus.IN_PROGRESS, NOW), NOW).next()
                .report(report("r2", CommitmentStatus.COMPLETED, NOW), NOW).next();
        assertThat(completed.nextDeadlineCheck()).isNull();
        assertThat(open.withdraw("extraction", "gone", "e9", NOW).next().nextDeadlineCheck()).isNull();
    }

    @Test
    void anInvalidTransitionNamesTheAllowedOnes() {
        Commitment c = assigned(pledged(facts("支持。")), "mofcom");
        assertThatThrownBy(() -> c.report(report("r1", CommitmentStatus.COMPLETED, NOW), NOW))
                .isInstanceOfSatisfying(TransitionRejected.class, e -> {
                    assertThat(e.allowed()).contains(CommitmentStatus.IN_PROGRESS).doesNotContain(CommitmentStatus.COMPLETED);
                    assertThat(e.getMessage()).contains("PLEDGED", "COMPLETED", "IN_PROGRESS");
                });
    }

    @Test
    void anUnassignedAgencyIsRejectedWithoutLearningWhoIsAssigned() {
        Commitment c = assigned(pledged(facts("支持。")), "other");
        assertThatThrownBy(() -> c.report(report("r1", CommitmentStatus.IN_PROGRESS, NOW), NOW))
                .isInstanceOf(NotAssigned.class).hasMessageContaining("not assigned").hasMessageNotContaining("other");
    }

    /** Authorisation before deduplication: an event id seen before answers nothing to an agency that is not assigned. */
    @Test
    void anUnassignedAgencyReplayingAKnownEventIdIsRejectedNotAnsweredWithThatEntry() {
        Commitment c = assigned(pledged(facts("支持。")), "other");
        assertThatThrownBy(() -> c.report(report("e0", null, NOW), NOW)).isInstanceOf(NotAssigned.class);
    }

    @Test
    void anEventIdAnotherActorUsedAnswersNothingOfTheirs() {
        Commitment c = assigned(pledged(facts("支持。")), "mofcom");
        Outcome outcome = c.report(report("e0", CommitmentStatus.IN_PROGRESS, NOW), NOW);
        assertThat(outcome.changed()).isTrue();
        assertThat(outcome.answer().actor()).isEqualTo("agency:mofcom");
        assertThat(outcome.answer().kind()).isEqualTo("progress");
        Outcome repeat = outcome.next().report(report("e0", CommitmentStatus.IN_PROGRESS, NOW), NOW);
        assertThat(repeat.changed()).isFalse();
        assertThat(repeat.answer()).isEqualTo(outcome.answer());
    }

    @Test
    void anOlderReportIsKeptButDoesNotMoveTheStatusBack() {
        Commitment c = assigned(pledged(facts("支持。")), "mofcom");
        c = c.report(report("r2", CommitmentStatus.IN_PROGRESS, NOW), NOW).next();
        c = c.report(report("r3", CommitmentStatus.STALLED, NOW.plusSeconds(60)), NOW).next();
        Outcome late = c.report(report("r4", CommitmentStatus.IN_PROGRESS, NOW.minusSeconds(60)), NOW);
        assertThat(late.next().status()).isEqualTo(CommitmentStatus.STALLED);
        assertThat(late.statusChanges()).isEmpty();
        assertThat(late.next().history()).last().extracting(HistoryEntry::kind).isEqualTo("progress-out-of-order");
    }

    @Test
    void deadlinesAnnounceTheTightestHorizonOnceThenMissedAndOverdue() {
        Commitment c = pledged(facts("2023年举行。", year(2023)));
        LocalDate due = LocalDate.of(2023, 12, 31);
        assertThat(c.nextDeadlineCheck()).isEqualTo(due.minusDays(30));

        assertThat(c.checkDeadlines(due.minusDays(31), POLICY, NOW).changed()).isFalse();

        Outcome week = c.checkDeadlines(due.minusDays(5), POLICY, NOW);
        assertThat(week.deadlineNotices()).extracting(DeadlineNotice::daysBefore).containsExactly(7);
        c = week.next();
        assertThat(c.nextDeadlineCheck()).isEqualTo(due.minusDays(1));
        assertThat(c.checkDeadlines(due.minusDays(5), POLICY, NOW).changed()).isFalse();

        Outcome passed = c.checkDeadlines(due.plusDays(1), POLICY, NOW);
        assertThat(passed.deadlineNotices()).extracting(DeadlineNotice::missed).containsExactly(true);
        assertThat(passed.next().status()).isEqualTo(CommitmentStatus.OVERDUE);
        assertThat(passed.statusChanges()).extracting(StatusChange::to).containsExactly(CommitmentStatus.OVERDUE);
        assertThat(passed.next().nextDeadlineCheck()).isNull();
        assertThat(c.checkDeadlines(due, POLICY, NOW).next().status()).isEqualTo(CommitmentStatus.PLEDGED); // due day itself still open
    }

    @Test
    void anOverdueCommitmentCanStillBeCompletedLate() {
        Commitment c = assigned(pledged(facts("2023年举行。", year(2023))), "mofcom");
        c = c.report(report("r1", CommitmentStatus.IN_PROGRESS, NOW), NOW).next();
        c = c.checkDeadlines(LocalDate.of(2024, 1, 1), POLICY, NOW).next();
        assertThat(c.status()).isEqualTo(CommitmentStatus.OVERDUE);
        Commitment done = c.report(report("r2", CommitmentStatus.COMPLETED, NOW.plusSeconds(5)), NOW).next();
        assertThat(done.status()).isEqualTo(CommitmentStatus.COMPLETED);
        assertThat(done.completedLate()).isTrue();
        assertThat(done.complianceScore()).isEqualTo(1);
    }

    @Test
    void withdrawalKeepsHistoryAndIsIdempotent() {
        Commitment c = pledged(facts("支持。"));
        Outcome withdrawn = c.withdraw("ingestion", "communiqué withdrawn", "w1", NOW);
        assertThat(withdrawn.next().status()).isEqualTo(CommitmentStatus.WITHDRAWN);
        assertThat(withdrawn.next().history()).hasSize(2);
        assertThat(withdrawn.next().withdraw("ingestion", "again", "w1", NOW).changed()).isFalse();
    }

    @Test
    void supersedingNeedsTheNewerCommitment() {
        Commitment c = pledged(facts("支持。"));
        assertThatThrownBy(() -> c.changeStatus(CommitmentStatus.SUPERSEDED, "operator", "replaced", null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(c.changeStatus(CommitmentStatus.SUPERSEDED, "operator", "replaced", "cmt-2", NOW).next().supersededBy())
                .isEqualTo("cmt-2");
    }

    @Test
    void complianceFollowsTheG20ResearchGroupConvention() {
        assertThat(ComplianceScore.of(CommitmentStatus.COMPLETED)).isEqualTo(1);
        assertThat(ComplianceScore.of(CommitmentStatus.IN_PROGRESS)).isZero();
        assertThat(ComplianceScore.of(CommitmentStatus.OVERDUE)).isEqualTo(-1);
        assertThat(ComplianceScore.of(CommitmentStatus.WITHDRAWN)).isNull();
    }
}
