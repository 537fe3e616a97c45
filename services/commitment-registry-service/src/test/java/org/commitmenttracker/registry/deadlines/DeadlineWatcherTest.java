package org.commitmenttracker.registry.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.commitmenttracker.events.TimeExpression;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.lifecycle.DeadlinePolicy;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.commitmenttracker.registry.lifecycle.Outcome;
import org.commitmenttracker.registry.store.CommitmentQueries;
import org.commitmenttracker.registry.store.Commitments;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * The deadline watcher's day is the day in {@code tracker.deadlines.zone}: a commitment due on 31 December is
 * overdue in Beijing while it is still 31 December in UTC.
 */
class DeadlineWatcherTest {
    private static final LocalDate DUE = LocalDate.of(2025, 12, 31);
    /** 20:00 UTC on the due date: already 1 January 04:00 in Beijing, still 31 December 10:00 in Honolulu. */
    private static final Instant EVENING_UTC = Instant.parse("2025-12-31T20:00:00Z");

    private final CommitmentQueries queries = mock(CommitmentQueries.class);
    private final Commitments commitments = mock(Commitments.class);
    private final AtomicReference<Commitment> stored = new AtomicReference<>(dueOn(DUE));

    @Test
    void aMilestonePassesAtTheEndOfItsLastDayInTheConfiguredZone() {
        assertThat(checkAt(EVENING_UTC, ZoneOffset.UTC)).isEqualTo(DUE);
        assertThat(stored.get().status()).isEqualTo(CommitmentStatus.PLEDGED);

        assertThat(checkAt(EVENING_UTC, ZoneId.of("Asia/Shanghai"))).isEqualTo(DUE.plusDays(1));
        assertThat(stored.get().status()).isEqualTo(CommitmentStatus.OVERDUE);
    }

    @Test
    void aZoneBehindUtcIsStillOnTheDueDay() {
        assertThat(checkAt(Instant.parse("2026-01-01T05:00:00Z"), ZoneId.of("Pacific/Honolulu"))).isEqualTo(DUE);
        assertThat(stored.get().status()).isEqualTo(CommitmentStatus.PLEDGED);
        assertThat(checkAt(Instant.parse("2026-01-01T05:00:00Z"), ZoneOffset.UTC)).isEqualTo(DUE.plusDays(1));
        assertThat(stored.get().status()).isEqualTo(CommitmentStatus.OVERDUE);
    }

    /** A commitment that cannot be written (say, grown past the store's document limit) holds back no other. */
    @Test
    @SuppressWarnings("unchecked")
    void aCommitmentThatCannotBeWrittenIsSkippedAndTheOthersAreStillChecked() {
        Commitment next = Commitment.register("cmt-2", dueOn(DUE).facts(), "extraction", "extracted", "e0", Set.of(),
                DeadlinePolicy.DEFAULT, Instant.parse("2025-01-01T00:00:00Z")).next();
        AtomicReference<Commitment> nextStored = new AtomicReference<>(next);
        when(queries.dueForDeadlineCheck(any(), eq(""), anyInt())).thenReturn(List.of("cmt-broken", "cmt-2"));
        when(commitments.update(eq("cmt-broken"), any(Function.class), isNull()))
                .thenThrow(new IllegalStateException("document too large"));
        when(commitments.update(eq("cmt-2"), any(Function.class), isNull())).thenAnswer(call -> {
            Outcome outcome = ((Function<Commitment, Outcome>) call.getArgument(1)).apply(nextStored.get());
            nextStored.set(outcome.next());
            return outcome;
        });

        assertThat(watcherAt(Instant.parse("2026-01-02T00:00:00Z")).checkNow()).isEqualTo(1);
        assertThat(nextStored.get().status()).isEqualTo(CommitmentStatus.OVERDUE);
    }

    /** Failing again and again is the store, not a commitment: the run ends with the failure, as before. */
    @Test
    @SuppressWarnings("unchecked")
    void failuresInARowEndTheRun() {
        when(queries.dueForDeadlineCheck(any(), eq(""), anyInt())).thenReturn(List.of("a", "b", "c", "d"));
        when(commitments.update(any(), any(Function.class), isNull())).thenThrow(new IllegalStateException("store down"));

        assertThatThrownBy(() -> watcherAt(Instant.parse("2026-01-02T00:00:00Z")).checkNow())
                .hasMessage("store down");
        verify(commitments, never()).update(eq("d"), any(Function.class), isNull());
    }

    private DeadlineWatcher watcherAt(Instant now) {
        return new DeadlineWatcher(queries, commitments, DeadlinePolicy.DEFAULT, Clock.fixed(now, ZoneOffset.UTC),
                new DeadlineSettings(List.of(30, 7, 1), ZoneOffset.UTC, Duration.ofSeconds(60), Duration.ofSeconds(10),
                        Duration.ofMinutes(10)), mock(LockingTaskExecutor.class));
    }

    /** Runs the watcher at {@code now} in {@code zone} over the one stored commitment; returns the day it asked the store for. */
    @SuppressWarnings("unchecked")
    private LocalDate checkAt(Instant now, ZoneId zone) {
        ArgumentCaptor<LocalDate> today = ArgumentCaptor.forClass(LocalDate.class);
        when(queries.dueForDeadlineCheck(today.capture(), eq(""), anyInt())).thenReturn(List.of(stored.get().id()));
        when(commitments.update(eq(stored.get().id()), any(Function.class), isNull())).thenAnswer(call -> {
            Outcome outcome = ((Function<Commitment, Outcome>) call.getArgument(1)).apply(stored.get());
            stored.set(outcome.next());
            return outcome;
        });
        DeadlineWatcher watcher = new DeadlineWatcher(queries, commitments, DeadlinePolicy.DEFAULT,
                Clock.fixed(now, ZoneOffset.UTC), new DeadlineSettings(List.of(30, 7, 1), zone, Duration.ofSeconds(60),
                Duration.ofSeconds(10), Duration.ofMinutes(10)), mock(LockingTaskExecutor.class));
        watcher.checkNow();
        return today.getValue();
    }

    private static Commitment dueOn(LocalDate due) {
        ExtractedFacts facts = new ExtractedFacts("doc", "Joint statement", LocalDate.of(2025, 1, 5), "bullet", 1, 1,
                "The sides will hold a forum this year.", List.of("CN", "RU"), List.of(), List.of(), List.of("trade"),
                List.of(new TimeExpression("this year", LocalDate.of(2025, 1, 1), due, false)), "1.0.0");
        return Commitment.register("cmt-z", facts, Commitment.EXTRACTION, "extracted", "e0", Set.of(),
                DeadlinePolicy.DEFAULT, Instant.parse("2025-01-05T00:00:00Z")).next();
    }
}
