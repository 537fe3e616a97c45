package org.commitmenttracker.registry.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commitmenttracker.registry.lifecycle.CommitmentStatus.CANCELLED;
import static org.commitmenttracker.registry.lifecycle.CommitmentStatus.COMPLETED;
import static org.commitmenttracker.registry.lifecycle.CommitmentStatus.IN_PROGRESS;
import static org.commitmenttracker.registry.lifecycle.CommitmentStatus.OVERDUE;
import static org.commitmenttracker.registry.lifecycle.CommitmentStatus.PLEDGED;
import static org.commitmenttracker.registry.lifecycle.CommitmentStatus.STALLED;
import static org.commitmenttracker.registry.lifecycle.CommitmentStatus.SUPERSEDED;
import static org.commitmenttracker.registry.lifecycle.CommitmentStatus.WITHDRAWN;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The lifecycle as docs/ and the API promise it: which status changes an operator or an agency may make, and what
 * a refusal tells them.
 */
class TransitionsTest {
    private static final Instant NOW = Instant.parse("2024-03-01T09:00:00Z");

    /** Written out from the lifecycle's description, not from the implementation's table. */
    private static final Map<CommitmentStatus, Set<CommitmentStatus>> LIFECYCLE = Map.of(
            PLEDGED, EnumSet.of(IN_PROGRESS, STALLED, OVERDUE, CANCELLED, SUPERSEDED, WITHDRAWN),
            IN_PROGRESS, EnumSet.of(COMPLETED, STALLED, OVERDUE, CANCELLED, SUPERSEDED, WITHDRAWN),
            STALLED, EnumSet.of(IN_PROGRESS, OVERDUE, CANCELLED, SUPERSEDED, WITHDRAWN),
            OVERDUE, EnumSet.of(COMPLETED, CANCELLED, SUPERSEDED, WITHDRAWN),
            COMPLETED, EnumSet.noneOf(CommitmentStatus.class),
            CANCELLED, EnumSet.noneOf(CommitmentStatus.class),
            SUPERSEDED, EnumSet.noneOf(CommitmentStatus.class),
            WITHDRAWN, EnumSet.noneOf(CommitmentStatus.class));

    @ParameterizedTest
    @EnumSource(CommitmentStatus.class)
    void everyStatusAllowsExactlyTheDocumentedNextSteps(CommitmentStatus from) {
        assertThat(Transitions.allowedFrom(from)).containsExactlyInAnyOrderElementsOf(LIFECYCLE.get(from));
        for (CommitmentStatus to : CommitmentStatus.values()) {
            if (LIFECYCLE.get(from).contains(to)) {
                assertThatCode(() -> Transitions.check(from, to)).as(from + " → " + to).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> Transitions.check(from, to)).as(from + " → " + to)
                        .isInstanceOf(TransitionRejected.class);
            }
        }
    }

    @Test
    void nothingGoesBackToPledgedNorStaysWhereItIs() {
        for (CommitmentStatus status : CommitmentStatus.values()) {
            assertThat(Transitions.allowedFrom(status)).as(status.name()).doesNotContain(PLEDGED, status);
        }
    }

    @Test
    void aStalledCommitmentMustBeResumedBeforeItCanBeCompleted() {
        assertThatThrownBy(() -> Transitions.check(STALLED, COMPLETED)).isInstanceOfSatisfying(TransitionRejected.class,
                e -> assertThat(e.allowed()).contains(IN_PROGRESS).doesNotContain(COMPLETED));
        assertThatThrownBy(() -> Transitions.check(PLEDGED, COMPLETED)).isInstanceOf(TransitionRejected.class);
    }

    @Test
    void aRefusalNamesBothEndsAndTheAllowedStepsInOrder() {
        assertThatThrownBy(() -> Transitions.check(OVERDUE, IN_PROGRESS))
                .hasMessage("A commitment cannot go from OVERDUE to IN_PROGRESS; allowed from OVERDUE: "
                        + "[COMPLETED, CANCELLED, SUPERSEDED, WITHDRAWN].");
    }

    @ParameterizedTest
    @EnumSource(value = CommitmentStatus.class, names = {"COMPLETED", "CANCELLED", "SUPERSEDED", "WITHDRAWN"})
    void aFinalStatusSaysItIsFinal(CommitmentStatus finalStatus) {
        assertThat(finalStatus.isOpen()).isFalse();
        assertThatThrownBy(() -> Transitions.check(finalStatus, IN_PROGRESS))
                .isInstanceOfSatisfying(TransitionRejected.class, e -> assertThat(e.allowed()).isEmpty())
                .hasMessageContaining("none (" + finalStatus + " is final)");
    }

    @Test
    void theAllowedStepsHandedOutCannotChangeTheLifecycle() {
        Set<CommitmentStatus> allowed = Transitions.allowedFrom(PLEDGED);
        assertThatThrownBy(() -> allowed.add(COMPLETED)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Transitions.check(PLEDGED, COMPLETED)).isInstanceOf(TransitionRejected.class);
    }

    @Test
    void anOperatorsStatusChangeFollowsTheLifecycleAndLeavesTheCommitmentAsItWasWhenRefused() {
        Commitment pledged = pledged();
        assertThatThrownBy(() -> pledged.changeStatus(COMPLETED, "operator", "done", null, NOW))
                .isInstanceOf(TransitionRejected.class);
        assertThat(pledged.status()).isEqualTo(PLEDGED);
        assertThat(pledged.history()).hasSize(1);

        Outcome cancelled = pledged.changeStatus(CANCELLED, "operator", "dropped at the summit", null, NOW);
        assertThat(cancelled.statusChanges()).containsExactly(new StatusChange(PLEDGED, CANCELLED, "dropped at the summit", "operator", NOW));
        assertThat(cancelled.next().history()).last().satisfies(entry -> {
            assertThat(entry.from()).isEqualTo(PLEDGED);
            assertThat(entry.to()).isEqualTo(CANCELLED);
            assertThat(entry.actor()).isEqualTo("operator");
        });
        assertThatThrownBy(() -> cancelled.next().changeStatus(IN_PROGRESS, "operator", "revived", null, NOW))
                .hasMessageContaining("CANCELLED is final");
    }

    @Test
    void withdrawalIsADataCorrectionAllowedEvenFromAFinalStatus() {
        Commitment completed = pledged().changeStatus(IN_PROGRESS, "operator", "started", null, NOW).next()
                .changeStatus(COMPLETED, "operator", "done", null, NOW).next();
        Outcome withdrawn = completed.withdraw("analyst", "not a commitment", "w1", NOW);
        assertThat(withdrawn.next().status()).isEqualTo(WITHDRAWN);
        assertThat(withdrawn.statusChanges()).extracting(StatusChange::from).containsExactly(COMPLETED);
        assertThat(withdrawn.next().history()).extracting(HistoryEntry::kind)
                .containsExactly("registered", "status", "status", "withdrawn");
    }

    @Test
    void onlyACompletionFromOverdueIsLate() {
        Commitment inProgress = pledged().changeStatus(IN_PROGRESS, "operator", "started", null, NOW).next();
        assertThat(inProgress.changeStatus(COMPLETED, "operator", "done", null, NOW).next().completedLate()).isFalse();
        Commitment overdue = inProgress.changeStatus(OVERDUE, "operator", "late", null, NOW).next();
        assertThat(overdue.changeStatus(COMPLETED, "operator", "done", null, NOW).next().completedLate()).isTrue();
    }

    private static Commitment pledged() {
        ExtractedFacts facts = new ExtractedFacts("doc", "Joint statement", LocalDate.of(2024, 1, 5), "bullet", 1, 1,
                "The sides will hold a forum.", List.of("CN", "RU"), List.of(), List.of(), List.of("trade"), List.of(), "1.0.0");
        return Commitment.register("cmt-t", facts, Commitment.EXTRACTION, "extracted", "e0", Set.of(),
                DeadlinePolicy.DEFAULT, NOW).next();
    }
}
