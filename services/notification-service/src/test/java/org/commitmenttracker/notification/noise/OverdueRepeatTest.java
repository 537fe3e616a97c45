package org.commitmenttracker.notification.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.commitmenttracker.notification.matching.EventKind;
import org.commitmenttracker.notification.matching.Occurrence;
import org.junit.jupiter.api.Test;

class OverdueRepeatTest {
    private static final Instant SINCE = Instant.parse("2026-11-25T00:00:00Z");

    @Test
    void aMissedDeadlineOrAChangeToOverdueStartsReminders() {
        assertThat(OverdueRepeat.startsWith(occurrence(EventKind.DEADLINE_MISSED, "IN_PROGRESS"))).isTrue();
        assertThat(OverdueRepeat.startsWith(occurrence(EventKind.STATUS_CHANGED, "OVERDUE"))).isTrue();
        assertThat(OverdueRepeat.startsWith(occurrence(EventKind.STATUS_CHANGED, "COMPLETED"))).isFalse();
        assertThat(OverdueRepeat.startsWith(occurrence(EventKind.DEADLINE_APPROACHING, "PLEDGED"))).isFalse();
    }

    @Test
    void remindersComeEveryIntervalFromTheOverdueEvent() {
        OverdueRepeat repeat = new OverdueRepeat("sub", "cmt", SINCE, Duration.ofHours(24), 0);
        assertThat(repeat.dueAt()).isEqualTo(SINCE.plus(Duration.ofHours(24)));
        assertThat(repeat.next().next().dueAt()).isEqualTo(SINCE.plus(Duration.ofHours(72)));
    }

    @Test
    void remindersStopOnlyWhenALaterStatusChangeLeavesTheCommitmentNotOverdue() {
        OverdueRepeat repeat = new OverdueRepeat("sub", "cmt", SINCE, Duration.ofHours(24), 3);
        assertThat(repeat.continuesWith("OVERDUE", SINCE.plusSeconds(5))).isTrue();
        assertThat(repeat.continuesWith("IN_PROGRESS", SINCE.minusSeconds(5))).as("the change before it went overdue").isTrue();
        assertThat(repeat.continuesWith(null, null)).as("no status known").isTrue();
        assertThat(repeat.continuesWith("COMPLETED", SINCE.plusSeconds(5))).isFalse();
    }

    private static Occurrence occurrence(EventKind kind, String status) {
        return new Occurrence(kind, "cmt", "doc", null, null, null, null, null, null, status, null, null);
    }
}
