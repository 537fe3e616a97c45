package org.commitmenttracker.registry.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.commitmenttracker.registry.compliance.ComplianceGroup;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;

/** The report's texts as every format shows them (HTML page, PDF): one wording, whatever the layout. */
public final class ReportText {
    private ReportText() {
    }

    static String heading(ComplianceReport report, ReportLanguage lang) {
        return lang.label("title") + " · " + (report.documentTitle() != null ? report.documentTitle() : report.documentId());
    }

    static String documentDate(ComplianceReport report, ReportLanguage lang) {
        return report.documentDate() == null ? lang.label("none") : report.documentDate().toString();
    }

    static String period(ComplianceReport report, ReportLanguage lang) {
        return report.period() == null ? lang.label("noPeriod")
                : report.period().start() + " – " + report.period().finalAssessment() + " (" + lang.label("interim") + " "
                  + report.period().interim() + ", " + lang.label("final") + " " + report.period().finalAssessment() + ")";
    }

    static String assessment(ComplianceReport report, ReportLanguage lang) {
        return lang.label(report.at()) + " · " + report.assessmentDate();
    }

    /** "Compliance score: −0.50 (4 of 4 assessed)", or "not assessed". */
    static String complianceScore(ComplianceGroup group, ReportLanguage lang) {
        return lang.label("complianceScore") + lang.label("colon") + (group.compliance() == null ? lang.label("notAssessed")
                : lang.label("ofAssessed", "score", score(group.compliance()), "assessed", String.valueOf(group.assessed()),
                "total", String.valueOf(group.total())));
    }

    static String compliance(ComplianceGroup group, ReportLanguage lang) {
        return group.compliance() == null ? lang.label("notAssessed") : score(group.compliance());
    }

    /** "Pledged 3, Completed 1": a group's counts by status. */
    static String statusCounts(ComplianceGroup group, ReportLanguage lang) {
        return String.join(", ", group.byStatus().entrySet().stream()
                .map(e -> lang.status(CommitmentStatus.valueOf(e.getKey())) + " " + e.getValue()).toList());
    }

    static String itemScore(ComplianceReport.Item item, ReportLanguage lang) {
        return item.score() == null ? lang.label("notAssessed") : String.format(Locale.ROOT, "%+d", item.score());
    }

    static String percent(ComplianceReport.Item item, ReportLanguage lang) {
        return item.percentComplete() == null ? lang.label("none") : item.percentComplete() + "%";
    }

    static String agencies(ComplianceReport.Item item, ReportLanguage lang) {
        return item.agencies().isEmpty() ? lang.label("none") : String.join(", ", item.agencies());
    }

    static String milestones(ComplianceReport.Item item, ReportLanguage lang) {
        return String.join("; ", item.milestones().stream()
                .map(m -> m.text() + " (" + lang.label("due") + " " + m.dueDate() + ": " + lang.label(m.state()) + ")").toList());
    }

    /** An agency report without its evidence links: "2023-01-15 · mofcom · In progress · 50%: note". */
    static String agencyReport(ComplianceReport.AgencyReport r, ReportLanguage lang) {
        StringBuilder line = new StringBuilder().append(r.at().toString(), 0, 10).append(" · ").append(r.agencyId())
                .append(" · ").append(lang.status(r.status()));
        if (r.percentComplete() != null) {
            line.append(" · ").append(r.percentComplete()).append('%');
        }
        if (r.note() != null) {
            line.append(": ").append(r.note());
        }
        return line.toString();
    }

    /** Only http(s) evidence becomes a link; anything else is shown as text. */
    static boolean isWebLink(String url) {
        return url.startsWith("https://") || url.startsWith("http://");
    }

    /** Section keys in number order ("none" last), other keys alphabetically. */
    static List<String> orderedKeys(Map<String, ComplianceGroup> groups, boolean sections) {
        List<String> keys = new ArrayList<>(groups.keySet());
        if (sections) {
            keys.sort((a, b) -> a.equals("none") ? 1 : b.equals("none") ? -1 : Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        }
        return keys;
    }

    static String sectionLabel(String key, ReportLanguage lang) {
        return key.equals("none") ? lang.label("noSection") : lang.label("sectionN", "n", key);
    }

    static String sectionLabel(Integer section, ReportLanguage lang) {
        return section == null ? lang.label("noSection") : lang.label("sectionN", "n", String.valueOf(section));
    }

    /** "Section 2 · #7". */
    static String commitmentHeading(ComplianceReport.Item item, ReportLanguage lang) {
        return sectionLabel(item.section(), lang) + " · #" + item.ordinal();
    }

    static String score(double value) {
        return String.format(Locale.ROOT, "%+.2f", value);
    }
}
