package org.commitmenttracker.registry.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.lifecycle.DeadlinePolicy;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.commitmenttracker.registry.lifecycle.ProgressReport;
import org.junit.jupiter.api.Test;

/** Compliance periods, the assessment in force, status at an assessment date from history, and the averages. */
class ComplianceRulesTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final LocalDate SUMMIT = LocalDate.of(2022, 12, 5);

    @Test
    void theDefaultPeriodRunsAYearFromTheCommuniqueWithTheInterimAssessmentAtItsMidpoint() {
        CompliancePeriod period = CompliancePeriod.from(SUMMIT);
        assertThat(period.start()).isEqualTo(SUMMIT);
        assertThat(period.finalAssessment()).isEqualTo(LocalDate.of(2023, 12, 5));
        assertThat(period.interim()).isEqualTo(LocalDate.of(2023, 6, 5)); // 365 days / 2 = 182 days on
    }

    @Test
    void anOperatorsPeriodKeepsTheDatesGivenAndDefaultsTheOthers() {
        CompliancePeriod shorter = CompliancePeriod.of(SUMMIT, null, LocalDate.of(2023, 6, 5));
        assertThat(shorter.interim()).isEqualTo(LocalDate.of(2023, 3, 6)); // midway to the final date given
        CompliancePeriod exact = CompliancePeriod.of(SUMMIT, LocalDate.of(2023, 2, 1), LocalDate.of(2023, 11, 30));
        assertThat(exact).isEqualTo(new CompliancePeriod(SUMMIT, LocalDate.of(2023, 2, 1), LocalDate.of(2023, 11, 30)));
    }

    @Test
    void aPeriodOutOfOrderIsRefusedWithItsDates() {
        assertThatThrownBy(() -> CompliancePeriod.of(SUMMIT, LocalDate.of(2024, 1, 1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start < interim < final")
                .hasMessageContaining("interim 2024-01-01");
        assertThatThrownBy(() -> CompliancePeriod.of(SUMMIT, SUMMIT, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompliancePeriod.of(null, null, null)).hasMessageContaining("start");
    }

    @Test
    void nothingIsAssessedUntilTheInterimDateHasEndedThenInterimThenFinal() {
        CompliancePeriod period = CompliancePeriod.from(SUMMIT);
        assertThat(period.inForce(SUMMIT)).isNull();
        assertThat(period.inForce(period.interim())).isNull(); // its day has not ended yet
        assertThat(period.inForce(period.interim().plusDays(1))).isEqualTo(Assessment.INTERIM);
        assertThat(period.inForce(period.finalAssessment())).isEqualTo(Assessment.INTERIM);
        assertThat(period.inForce(period.finalAssessment().plusDays(1))).isEqualTo(Assessment.FINAL);
    }

    @Test
    void anAssessmentCutsHistoryAtTheEndOfItsDayOrIsNotAssessedYet() {
        CompliancePeriod period = CompliancePeriod.from(SUMMIT);
        Instant afterInterim = period.interim().plusDays(3).atStartOfDay(UTC).toInstant();
        AssessmentCut interim = AssessmentCut.of(Assessment.INTERIM, period, afterInterim, UTC);
        assertThat(interim.assessed()).isTrue();
        assertThat(interim.asOf()).isEqualTo(period.interim());
        assertThat(interim.cutoff()).isEqualTo(Instant.parse("2023-06-06T00:00:00Z"));

        AssessmentCut fin = AssessmentCut.of(Assessment.FINAL, period, afterInterim, UTC);
        assertThat(fin.assessed()).isFalse();
        assertThat(fin.assessmentDate()).isEqualTo(period.finalAssessment());
        assertThat(fin.asOf()).isEqualTo(LocalDate.of(2023, 6, 8));
        assertThat(fin.cutoff()).isEqualTo(Instant.parse("2023-06-09T00:00:00Z")); // today's statuses, all of today

        AssessmentCut today = AssessmentCut.of(Assessment.TODAY, null, afterInterim, UTC);
        assertThat(today.assessed()).isTrue();
        assertThat(today.cutoff()).isEqualTo(Instant.parse("2023-06-09T00:00:00Z"));
        assertThatThrownBy(() -> AssessmentCut.of(Assessment.INTERIM, null, afterInterim, UTC))
                .isInstanceOf(NoCompliancePeriod.class);
        // The cutoff is the end of the day in the registry's zone.
        assertThat(AssessmentCut.endOf(period.interim(), ZoneId.of("Asia/Shanghai")))
                .isEqualTo(Instant.parse("2023-06-05T16:00:00Z"));
    }

    @Test
    void theStatusAtAnAssessmentIsWhatHistorySaysItWasThenNotWhatItIsNow() {
        Instant registered = Instant.parse("2022-12-06T08:00:00Z");
        Instant started = Instant.parse("2023-03-01T08:00:00Z");
        Instant done = Instant.parse("2023-09-01T08:00:00Z");
        Commitment c = Commitment.register("cmt-1", facts(), "extraction", "extracted", "e0", Set.of(),
                DeadlinePolicy.DEFAULT, registered).next();
        c = c.assign(List.of("mofcom"), "operator", registered).next();
        c = c.report(new ProgressReport("r1", "mofcom", CommitmentStatus.IN_PROGRESS, 40, "begun",
                List.of("https://example.org/a"), started), started).next();
        c = c.report(new ProgressReport("r2", "mofcom", CommitmentStatus.COMPLETED, 100, "done",
                List.of("https://example.org/b"), done), done).next();

        Instant interimCut = AssessmentCut.endOf(LocalDate.of(2023, 6, 5), UTC);
        StatusAt atInterim = StatusAt.of(c.history(), interimCut);
        assertThat(atInterim.status()).isEqualTo(CommitmentStatus.IN_PROGRESS);
        assertThat(atInterim.score()).isZero();
        assertThat(atInterim.percentComplete()).isEqualTo(40);
        assertThat(atInterim.reports()).hasSize(1);
        assertThat(atInterim.evidenceUrls()).containsExactly("https://example.org/a");
        assertThat(StatusAt.agencyOf(atInterim.reports().get(0))).isEqualTo("mofcom");
        assertThat(StatusAt.needsHistory(c, interimCut)).isTrue(); // written since: its current status is not the answer

        StatusAt atFinal = StatusAt.of(c.history(), AssessmentCut.endOf(LocalDate.of(2023, 12, 5), UTC));
        assertThat(atFinal.score()).isEqualTo(1);
        assertThat(atFinal.evidenceUrls()).containsExactly("https://example.org/a", "https://example.org/b");

        // Registered after the cutoff (a communiqué back-filled later): a pledge with nothing recorded by then.
        StatusAt beforeRegistration = StatusAt.of(c.history(), registered.minusSeconds(86_400));
        assertThat(beforeRegistration.status()).isEqualTo(CommitmentStatus.PLEDGED);
        assertThat(beforeRegistration.score()).isEqualTo(-1);
        assertThat(beforeRegistration.reports()).isEmpty();
        assertThat(StatusAt.needsHistory(c, Instant.parse("2024-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void aLateReportIsListedButThePercentIsTheOneTheCommitmentHad() {
        Instant registered = Instant.parse("2023-01-02T08:00:00Z");
        Commitment c = Commitment.register("cmt-1", facts(), "extraction", "extracted", "e0", Set.of(),
                DeadlinePolicy.DEFAULT, registered).next();
        c = c.assign(List.of("mofcom"), "operator", registered).next();
        Instant tenOClock = Instant.parse("2023-03-01T10:00:00Z");
        c = c.report(new ProgressReport("e1", "mofcom", CommitmentStatus.IN_PROGRESS, 80, "most of it", List.of(),
                tenOClock), tenOClock).next();
        c = c.report(new ProgressReport("e2", "mofcom", CommitmentStatus.IN_PROGRESS, 40, "written at nine", List.of(),
                tenOClock.minusSeconds(3600)), tenOClock.plusSeconds(60)).next();

        StatusAt at = StatusAt.of(c.history(), AssessmentCut.endOf(LocalDate.of(2023, 6, 5), UTC));
        assertThat(c.percentComplete()).isEqualTo(80);
        assertThat(at.percentComplete()).isEqualTo(80);
        assertThat(at.reports()).hasSize(2);
    }

    record Counted(CommitmentStatus status, Integer score, List<String> agencies) implements ComplianceGroup.Member {
    }

    @Test
    void averagesLeaveOutWhatIsNotAssessedAndGroupByEveryKey() {
        List<Counted> members = List.of(
                new Counted(CommitmentStatus.COMPLETED, 1, List.of("a", "b")),
                new Counted(CommitmentStatus.IN_PROGRESS, 0, List.of("a")),
                new Counted(CommitmentStatus.PLEDGED, -1, List.of()),
                new Counted(CommitmentStatus.PLEDGED, null, List.of("b")),
                new Counted(CommitmentStatus.CANCELLED, null, List.of("b")));
        ComplianceGroup all = ComplianceGroup.of(members);
        assertThat(all.total()).isEqualTo(5);
        assertThat(all.assessed()).isEqualTo(3);
        assertThat(all.compliance()).isEqualTo(0.0);
        assertThat(all.byStatus()).containsEntry("PLEDGED", 2L).containsEntry("CANCELLED", 1L);

        var byAgency = ComplianceGroup.by(members, Counted::agencies);
        assertThat(byAgency.get("a").compliance()).isEqualTo(0.5);
        assertThat(byAgency.get("b").assessed()).isEqualTo(1);
        assertThat(byAgency.get("b").compliance()).isEqualTo(1.0);
        assertThat(ComplianceGroup.of(List.of(new Counted(CommitmentStatus.PLEDGED, null, List.of()))).compliance())
                .as("nothing assessed yet: no average, not −1").isNull();
    }

    @Test
    void assessmentsAreNamedAsTheApiNamesThem() {
        assertThat(Assessment.parse("final")).isEqualTo(Assessment.FINAL);
        assertThatThrownBy(() -> Assessment.parse("midterm")).hasMessageContaining("interim, final or today");
    }

    private static ExtractedFacts facts() {
        return new ExtractedFacts("doc", "公报", SUMMIT, "bullet", 2, 3, "双方将加强合作。", List.of("CN", "RU"),
                List.of(), List.of(), List.of("trade"), List.of(), "1.0.0");
    }
}
