package org.commitmenttracker.registry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.commitmenttracker.events.TimeExpression;
import org.commitmenttracker.registry.compliance.Assessment;
import org.commitmenttracker.registry.compliance.AssessmentCut;
import org.commitmenttracker.registry.compliance.CompliancePeriod;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.lifecycle.DeadlinePolicy;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.commitmenttracker.registry.lifecycle.ProgressReport;
import org.junit.jupiter.api.Test;

/** The report's contents at an assessment date, and its HTML page. */
class ComplianceReportTest {
    static final ZoneId UTC = ZoneOffset.UTC;
    private static final LocalDate SUMMIT = LocalDate.of(2022, 12, 5);
    static final CompliancePeriod PERIOD = CompliancePeriod.from(SUMMIT); // interim 2023-06-05, final 2023-12-05
    static final Instant REGISTERED = Instant.parse("2022-12-06T08:00:00Z");
    static final Instant AFTER_FINAL = Instant.parse("2024-01-10T00:00:00Z");

    static ExtractedFacts facts(int section, int ordinal, String text, TimeExpression... times) {
        return new ExtractedFacts("doc", "联合公报", SUMMIT, "bullet", section, ordinal, text, List.of("CN", "RU"),
                List.of(), List.of(), List.of("trade"), List.of(times), "1.0.0");
    }

    static Commitment registered(String id, ExtractedFacts facts, Instant at) {
        Commitment c = Commitment.register(id, facts, "extraction", "extracted", "e-" + id, Set.of(), DeadlinePolicy.DEFAULT, at).next();
        return c.assign(List.of("mofcom"), "operator", at).next();
    }

    private static Commitment reported(Commitment c, String eventId, CommitmentStatus status, int percent, Instant at) {
        return c.report(new ProgressReport(eventId, "mofcom", status, percent, "note <" + eventId + ">",
                List.of("https://example.org/" + eventId, "javascript:alert(1)"), at), at).next();
    }

    static List<Commitment> commitments() {
        TimeExpression byMarch = new TimeExpression("2023年3月前", LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 31), false);
        Commitment early = reported(reported(registered("c1", facts(1, 1, "双方将举办 <论坛> & 展会。", byMarch), REGISTERED),
                "r0", CommitmentStatus.IN_PROGRESS, 50, Instant.parse("2023-01-15T08:00:00Z")), "r1", CommitmentStatus.COMPLETED, 100, Instant.parse("2023-02-01T08:00:00Z"));
        Commitment late = reported(registered("c2", facts(1, 2, "加强合作。"), REGISTERED),
                "r2", CommitmentStatus.IN_PROGRESS, 30, Instant.parse("2023-09-01T08:00:00Z")); // after the interim date
        Commitment pledged = registered("c3", facts(2, 3, "推动对话。"), REGISTERED);
        Commitment rejected = registered("c4", facts(2, 4, "不是承诺。"), REGISTERED)
                .withdraw("analyst", "rejected: not a commitment", null, Instant.parse("2023-01-01T00:00:00Z")).next();
        Commitment addedLater = registered("c5", facts(3, 5, "后来补充。"), Instant.parse("2023-08-01T00:00:00Z"));
        return List.of(addedLater, rejected, pledged, late, early);
    }

    @Test
    void theInterimReportShowsEachCommitmentAsItStoodOnTheInterimDate() {
        AssessmentCut interim = AssessmentCut.of(Assessment.INTERIM, PERIOD, AFTER_FINAL, UTC);
        ComplianceReport report = ComplianceReport.build("doc", PERIOD, interim, UTC, commitments());

        // c4 was rejected (not a commitment); c5, registered later, counts as a pledge with nothing done by then.
        assertThat(report.commitments()).extracting(ComplianceReport.Item::id).containsExactly("c1", "c2", "c3", "c5");
        assertThat(report.commitments()).extracting(ComplianceReport.Item::status).containsExactly(
                CommitmentStatus.COMPLETED, CommitmentStatus.PLEDGED, CommitmentStatus.PLEDGED, CommitmentStatus.PLEDGED);
        assertThat(report.commitments()).extracting(ComplianceReport.Item::score).containsExactly(1, -1, -1, -1);
        assertThat(report.commitments().get(1).reports()).as("the report after the interim date is not in it").isEmpty();
        assertThat(report.commitments().get(0).milestones()).singleElement()
                .extracting(ComplianceReport.MilestoneAt::state).isEqualTo("met");
        assertThat(report.summary().total()).isEqualTo(4);
        assertThat(report.summary().assessed()).isEqualTo(4);
        assertThat(report.summary().compliance()).isEqualTo(-0.5);
        assertThat(report.bySection().get("1").compliance()).isEqualTo(0.0);
        assertThat(report.bySection().get("2").compliance()).isEqualTo(-1.0);
        assertThat(report.byAgency().get("mofcom").total()).isEqualTo(4);
        assertThat(report.documentTitle()).isEqualTo("联合公报");
        assertThat(report.at()).isEqualTo("interim");

        AssessmentCut fin = AssessmentCut.of(Assessment.FINAL, PERIOD, AFTER_FINAL, UTC);
        ComplianceReport finalReport = ComplianceReport.build("doc", PERIOD, fin, UTC, commitments());
        assertThat(finalReport.commitments()).extracting(ComplianceReport.Item::id).containsExactly("c1", "c2", "c3", "c5");
        assertThat(finalReport.commitments().get(1).status()).isEqualTo(CommitmentStatus.IN_PROGRESS);
        assertThat(finalReport.commitments().get(1).percentComplete()).isEqualTo(30);
        assertThat(finalReport.summary().compliance()).isEqualTo(-0.25); // (1 + 0 − 1 − 1) / 4
    }

    @Test
    void anAssessmentStillToComeShowsTodaysStatusesWithoutScores() {
        Instant beforeInterim = Instant.parse("2023-03-01T00:00:00Z");
        ComplianceReport report = ComplianceReport.build("doc", PERIOD,
                AssessmentCut.of(Assessment.INTERIM, PERIOD, beforeInterim, UTC), UTC, commitments());
        assertThat(report.assessed()).isFalse();
        assertThat(report.asOf()).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(report.commitments()).extracting(ComplianceReport.Item::score).containsOnlyNulls();
        assertThat(report.summary().compliance()).isNull();
        assertThat(report.summary().byStatus()).containsEntry("COMPLETED", 1L).containsEntry("PLEDGED", 3L);
        assertThat(ReportHtml.render(report, ReportLanguage.EN)).contains("id=\"not-assessed\"").contains("not assessed");
    }

    @Test
    void theHtmlPageCarriesTheNumbersChartsAndEveryCommitmentEscaped() {
        ComplianceReport report = ComplianceReport.build("doc", PERIOD,
                AssessmentCut.of(Assessment.INTERIM, PERIOD, AFTER_FINAL, UTC), UTC, commitments());
        String en = ReportHtml.render(report, ReportLanguage.EN);
        assertThat(en).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">")
                .contains("Compliance score: -0.50 (4 of 4 assessed)")
                .contains("<tr data-status=\"PLEDGED\"><td>Pledged</td><td class=\"num\">3</td></tr>")
                .contains("<figure id=\"chart-status\">", "<figure id=\"chart-sections\">", "<figure id=\"chart-agencies\">")
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("双方将举办 &lt;论坛&gt; &amp; 展会。") // the text as written, escaped
                .contains("note &lt;r1&gt;")
                .contains("<a rel=\"noopener noreferrer\" href=\"https://example.org/r1\">")
                .doesNotContain("href=\"javascript:").doesNotContain("<论坛>")
                .contains("2023年3月前 (Due 2023-03-31: met)");
        assertThat(en.split("<article class=\"commitment\"", -1)).hasSize(5);

        String zh = ReportHtml.render(report, ReportLanguage.ZH);
        assertThat(zh).contains("<html lang=\"zh-CN\">").contains("履约报告").contains("履约得分：-0.50（4 项中已评估 4 项）")
                .contains("已承诺").contains("中期评估").contains("双方将举办 &lt;论坛&gt; &amp; 展会。");
        assertThatThrownBy(() -> ReportLanguage.parse("fr")).hasMessageContaining("lang must be en or zh");
    }
}
