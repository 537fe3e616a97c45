package org.commitmenttracker.registry.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.commitmenttracker.events.TimeExpression;
import org.junit.jupiter.api.Test;

/**
 * When a commitment's deadlines are announced and when it becomes OVERDUE: each milestone approaching at the
 * tightest horizon reached, once; missed once its last day has ended; OVERDUE only once the last milestone passed;
 * nothing for a commitment without a date or one that is closed.
 */
class DeadlineRulesTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final DeadlinePolicy POLICY = DeadlinePolicy.DEFAULT; // 30, 7 and 1 days before
    private static final LocalDate JUNE_30 = LocalDate.of(2025, 6, 30);
    private static final LocalDate DEC_31 = LocalDate.of(2025, 12, 31);

    @Test
    void horizonsMustBeDaysAndAreKeptOnceEachTightestFirst() {
        assertThat(new DeadlinePolicy(List.of(7, 30, 7, 1)).horizons()).containsExactly(1, 7, 30);
        assertThatThrownBy(() -> new DeadlinePolicy(List.of())).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> new DeadlinePolicy(List.of(7, -1))).hasMessageContaining("[7, -1]");
        assertThatThrownBy(() -> new DeadlinePolicy(Arrays.asList(7, null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeadlinePolicy(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCommitmentWithoutADateIsNeverCheckedNorOverdue() {
        Commitment dateless = register(new TimeExpression("last year", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), true),
                new TimeExpression("in due course", null, null, false));
        assertThat(dateless.milestones()).isEmpty();
        assertThat(dateless.dueDate()).isNull();
        assertThat(dateless.nextDeadlineCheck()).isNull();
        Outcome muchLater = dateless.checkDeadlines(LocalDate.of(2040, 1, 1), POLICY, NOW);
        assertThat(muchLater.changed()).isFalse();
        assertThat(muchLater.next().status()).isEqualTo(CommitmentStatus.PLEDGED);
    }

    @Test
    void theFirstCheckIsScheduledForTheWidestHorizonOfTheEarliestMilestone() {
        Commitment c = register(until("by the end of the year", DEC_31), until("by mid-year", JUNE_30));
        assertThat(c.dueDate()).isEqualTo(DEC_31);
        assertThat(c.nextDeadlineCheck()).isEqualTo(JUNE_30.minusDays(30));
    }

    @Test
    void aHorizonSkippedWhileTheWatcherWasAwayIsNeverAnnouncedLate() {
        Commitment c = register(until("by mid-year", JUNE_30));
        Outcome threeDaysBefore = c.checkDeadlines(JUNE_30.minusDays(3), POLICY, NOW);
        assertThat(threeDaysBefore.deadlineNotices()).containsExactly(new DeadlineNotice(new Milestone("by mid-year", JUNE_30), 7));
        c = threeDaysBefore.next();
        assertThat(c.nextDeadlineCheck()).isEqualTo(JUNE_30.minusDays(1));
        assertThat(c.checkDeadlines(JUNE_30.minusDays(2), POLICY, NOW).changed()).isFalse();

        Outcome dayBefore = c.checkDeadlines(JUNE_30.minusDays(1), POLICY, NOW);
        assertThat(dayBefore.deadlineNotices()).extracting(DeadlineNotice::daysBefore).containsExactly(1);
        assertThat(dayBefore.next().history()).last().extracting(HistoryEntry::cause).isEqualTo("1 deadline notice(s)");
    }

    @Test
    void aMilestoneIsMissedOnlyAfterItsLastDayAndAnnouncedOnce() {
        Commitment c = register(until("by mid-year", JUNE_30));
        Commitment onTheDay = c.checkDeadlines(JUNE_30, POLICY, NOW).next();
        assertThat(onTheDay.status()).isEqualTo(CommitmentStatus.PLEDGED);
        assertThat(onTheDay.nextDeadlineCheck()).isEqualTo(JUNE_30.plusDays(1));

        Outcome dayAfter = onTheDay.checkDeadlines(JUNE_30.plusDays(1), POLICY, NOW);
        assertThat(dayAfter.deadlineNotices()).singleElement().satisfies(n -> {
            assertThat(n.missed()).isTrue();
            assertThat(n.key()).isEqualTo("2025-06-30|by mid-year|missed");
        });
        assertThat(dayAfter.next().status()).isEqualTo(CommitmentStatus.OVERDUE);
        assertThat(dayAfter.statusChanges()).singleElement().satisfies(change -> {
            assertThat(change.actor()).isEqualTo(Commitment.DEADLINE_WATCHER);
            assertThat(change.cause()).isEqualTo("due date 2025-06-30 passed");
        });
        assertThat(dayAfter.next().checkDeadlines(JUNE_30.plusDays(2), POLICY, NOW).changed()).isFalse();
    }

    @Test
    void missingAnEarlierMilestoneDoesNotMakeTheCommitmentOverdue() {
        Commitment c = register(until("by mid-year", JUNE_30), until("by the end of the year", DEC_31));
        Outcome july = c.checkDeadlines(LocalDate.of(2025, 7, 1), POLICY, NOW);
        assertThat(july.deadlineNotices()).extracting(DeadlineNotice::missed).containsExactly(true);
        assertThat(july.next().status()).isEqualTo(CommitmentStatus.PLEDGED);
        assertThat(july.statusChanges()).isEmpty();
        assertThat(july.next().nextDeadlineCheck()).isEqualTo(DEC_31.minusDays(30));

        Outcome january = july.next().checkDeadlines(DEC_31.plusDays(1), POLICY, NOW);
        assertThat(january.next().status()).isEqualTo(CommitmentStatus.OVERDUE);
        assertThat(january.deadlineNotices()).extracting(n -> n.milestone().text()).containsExactly("by the end of the year");
    }

    @Test
    void aHorizonOfZeroAnnouncesOnTheDueDayItself() {
        DeadlinePolicy onTheDay = new DeadlinePolicy(List.of(0));
        Commitment c = Commitment.register("cmt-0", facts(until("by mid-year", JUNE_30)), Commitment.EXTRACTION, "extracted",
                "e0", Set.of(), onTheDay, NOW).next();
        assertThat(c.nextDeadlineCheck()).isEqualTo(JUNE_30);
        assertThat(c.checkDeadlines(JUNE_30.minusDays(1), onTheDay, NOW).changed()).isFalse();
        assertThat(c.checkDeadlines(JUNE_30, onTheDay, NOW).deadlineNotices()).extracting(DeadlineNotice::daysBefore).containsExactly(0);
    }

    @Test
    void anAnalystsCorrectedDueDateReplacesTheExtractedMilestonesAndReschedules() {
        Commitment c = register(until("by mid-year", JUNE_30));
        LocalDate corrected = LocalDate.of(2026, 3, 31);
        Commitment later = c.correct(new Correction(null, null, corrected, null, null), "analyst", "the text says 2026",
                POLICY, NOW).next();
        assertThat(later.milestones()).containsExactly(new Milestone("due date (corrected)", corrected));
        assertThat(later.nextDeadlineCheck()).isEqualTo(corrected.minusDays(30));
        assertThat(later.checkDeadlines(JUNE_30.plusDays(1), POLICY, NOW).changed()).isFalse();

        Commitment reExtracted = later.reextracted(facts(until("by the end of the year", DEC_31)), "e2", POLICY, NOW).next();
        assertThat(reExtracted.dueDate()).as("a correction wins over a later extraction").isEqualTo(corrected);
    }

    @Test
    void aClosedCommitmentIsNeverAnnouncedNorOverdue() {
        Commitment cancelled = register(until("by mid-year", JUNE_30))
                .changeStatus(CommitmentStatus.CANCELLED, "operator", "dropped", null, NOW).next();
        Outcome afterDue = cancelled.checkDeadlines(JUNE_30.plusDays(10), POLICY, NOW);
        assertThat(afterDue.changed()).isFalse();
        assertThat(afterDue.deadlineNotices()).isEmpty();
        assertThat(afterDue.next().status()).isEqualTo(CommitmentStatus.CANCELLED);
    }

    @Test
    void aStalledCommitmentBecomesOverdueToo() {
        Commitment stalled = register(until("by mid-year", JUNE_30))
                .changeStatus(CommitmentStatus.STALLED, "operator", "no budget", null, NOW).next();
        Outcome afterDue = stalled.checkDeadlines(JUNE_30.plusDays(1), POLICY, NOW);
        assertThat(afterDue.statusChanges()).containsExactly(new StatusChange(CommitmentStatus.STALLED,
                CommitmentStatus.OVERDUE, "due date 2025-06-30 passed", Commitment.DEADLINE_WATCHER, NOW));
    }

    private static TimeExpression until(String text, LocalDate end) {
        return new TimeExpression(text, null, end, false);
    }

    private static ExtractedFacts facts(TimeExpression... times) {
        return new ExtractedFacts("doc", "Joint statement", LocalDate.of(2024, 12, 1), "bullet", 1, 1,
                "The sides will hold a forum.", List.of("CN", "RU"), List.of(), List.of(), List.of("trade"), List.of(times), "1.0.0");
    }

    private static Commitment register(TimeExpression... times) {
        return Commitment.register("cmt-d", facts(times), Commitment.EXTRACTION, "extracted", "e0", Set.of(), POLICY, NOW).next();
    }
}
