package org.commitmenttracker.registry.report;

import static org.commitmenttracker.service.web.HtmlText.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.commitmenttracker.registry.compliance.ComplianceGroup;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;

/**
 * The report as one self-contained HTML page (styles and SVG charts inline, no script), to print or hand on. Every
 * text is escaped; only http(s) evidence links become links.
 */
public final class ReportHtml {
    private static final int CHART_WIDTH = 720;
    private static final int LABEL_WIDTH = 200;
    private static final int VALUE_WIDTH = 60;
    private static final int ROW = 24;
    private static final int BAR = 16;
    private static final String STYLE = """
            body{font-family:system-ui,"Noto Sans CJK SC","Noto Sans SC",sans-serif;margin:2rem auto;max-width:60rem;\
            color:#1b1b1b;line-height:1.45}
            h1{margin-bottom:.2rem}table{border-collapse:collapse;margin:.5rem 0 1rem}\
            th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}\
            td.num,th.num{text-align:right}.meta{color:#444}.note{background:#fff4d6;padding:.5rem}\
            article{border-top:1px solid #ccc;padding:.5rem 0}blockquote{margin:.4rem 0 .4rem 1rem}\
            svg text{font-size:12px}.bar{fill:#4a78b8}.neg{fill:#c0504d}.axis{stroke:#666}\
            .status-PLEDGED{fill:#9aa5b1}.status-IN_PROGRESS{fill:#4a78b8}.status-STALLED{fill:#d99a2b}\
            .status-OVERDUE{fill:#c0504d}.status-COMPLETED{fill:#3b8f4f}.status-CANCELLED,.status-SUPERSEDED{fill:#666}
            @media print{article{break-inside:avoid}}
            """;

    private ReportHtml() {
    }

    public static String render(ComplianceReport report, ReportLanguage lang) {
        StringBuilder out = new StringBuilder(16_384);
        String heading = ReportText.heading(report, lang);
        out.append("<!DOCTYPE html>\n<html lang=\"").append(lang.htmlLang()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>")
                .append(escape(heading)).append("</title><style>").append(STYLE).append("</style></head><body>\n");
        out.append("<h1>").append(escape(heading)).append("</h1>\n<dl class=\"meta\">");
        definition(out, lang.label("communique"), report.documentId());
        definition(out, lang.label("date"), ReportText.documentDate(report, lang));
        definition(out, lang.label("period"), ReportText.period(report, lang));
        definition(out, lang.label("assessment"), ReportText.assessment(report, lang));
        definition(out, lang.label("asOf"), report.asOf().toString());
        out.append("</dl>\n");
        if (!report.assessed()) {
            out.append("<p class=\"note\" id=\"not-assessed\">").append(escape(lang.label("notYet"))).append("</p>\n");
        }

        ComplianceGroup summary = report.summary();
        out.append("<h2>").append(escape(lang.label("summary"))).append("</h2>\n<p id=\"compliance-score\" data-assessed=\"")
                .append(summary.assessed()).append("\" data-total=\"").append(summary.total()).append("\">")
                .append(escape(ReportText.complianceScore(summary, lang))).append("</p>\n<p class=\"meta\">").append(escape(lang.label("convention"))).append("</p>\n");
        out.append("<table id=\"by-status\"><thead><tr><th>").append(escape(lang.label("status"))).append("</th><th class=\"num\">")
                .append(escape(lang.label("count"))).append("</th></tr></thead><tbody>");
        for (CommitmentStatus status : CommitmentStatus.values()) {
            Long count = summary.byStatus().get(status.name());
            if (count != null) {
                out.append("<tr data-status=\"").append(status.name()).append("\"><td>").append(escape(lang.status(status)))
                        .append("</td><td class=\"num\">").append(count).append("</td></tr>");
            }
        }
        out.append("<tr><th>").append(escape(lang.label("total"))).append("</th><th class=\"num\">").append(summary.total())
                .append("</th></tr></tbody></table>\n");

        List<Bar> statusBars = new ArrayList<>();
        for (CommitmentStatus status : CommitmentStatus.values()) {
            Long count = summary.byStatus().get(status.name());
            if (count != null) {
                statusBars.add(new Bar(lang.status(status), count, String.valueOf(count), "status-" + status.name()));
            }
        }
        out.append(chart("chart-status", lang.label("chartStatus"), statusBars, 0,
                statusBars.stream().mapToDouble(Bar::value).max().orElse(1)));
        out.append(chart("chart-sections", lang.label("chartSection"), complianceBars(report.bySection(), lang, true), -1, 1));
        out.append(chart("chart-agencies", lang.label("chartAgency"), complianceBars(report.byAgency(), lang, false), -1, 1));

        groupTable(out, "by-section", lang.label("bySection"), lang.label("section"), report.bySection(), lang, true);
        groupTable(out, "by-agency", lang.label("byAgency"), lang.label("agency"), report.byAgency(), lang, false);

        out.append("<h2>").append(escape(lang.label("commitments"))).append("</h2>\n");
        for (ComplianceReport.Item item : report.commitments()) {
            commitment(out, item, lang);
        }
        return out.append("</body></html>\n").toString();
    }

    private static void commitment(StringBuilder out, ComplianceReport.Item item, ReportLanguage lang) {
        out.append("<article class=\"commitment\" data-id=\"").append(escape(item.id())).append("\" data-status=\"")
                .append(item.status().name()).append("\"><h3>").append(escape(ReportText.commitmentHeading(item, lang)))
                .append("</h3>\n<blockquote>").append(escape(item.text()))
                .append("</blockquote>\n<dl>");
        definition(out, lang.label("status"), lang.status(item.status()));
        definition(out, lang.label("score"), ReportText.itemScore(item, lang));
        definition(out, lang.label("percent"), ReportText.percent(item, lang));
        definition(out, lang.label("agencies"), ReportText.agencies(item, lang));
        if (!item.milestones().isEmpty()) {
            definition(out, lang.label("milestones"), ReportText.milestones(item, lang));
        }
        if (item.supersededBy() != null) {
            definition(out, lang.label("supersededBy"), item.supersededBy());
        }
        out.append("</dl>\n");
        if (!item.reports().isEmpty()) {
            out.append("<h4>").append(escape(lang.label("reports"))).append("</h4><ul class=\"reports\">");
            for (ComplianceReport.AgencyReport r : item.reports()) {
                out.append("<li>").append(escape(ReportText.agencyReport(r, lang)));
                links(out, r.evidenceUrls());
                out.append("</li>");
            }
            out.append("</ul>\n");
        }
        if (!item.evidenceUrls().isEmpty()) {
            out.append("<p class=\"evidence\">").append(escape((lang.label("evidence") + lang.label("colon")).strip()));
            links(out, item.evidenceUrls());
            out.append("</p>\n");
        }
        out.append("</article>\n");
    }

    private static void links(StringBuilder out, List<String> urls) {
        for (String url : urls) {
            out.append(' ');
            if (ReportText.isWebLink(url)) {
                out.append("<a rel=\"noopener noreferrer\" href=\"").append(escape(url)).append("\">").append(escape(url)).append("</a>");
            } else {
                out.append(escape(url));
            }
        }
    }

    private static void groupTable(StringBuilder out, String id, String title, String keyLabel,
                                   Map<String, ComplianceGroup> groups, ReportLanguage lang, boolean sections) {
        out.append("<h2>").append(escape(title)).append("</h2>\n<table id=\"").append(id).append("\"><thead><tr><th>")
                .append(escape(keyLabel)).append("</th><th class=\"num\">").append(escape(lang.label("total")))
                .append("</th><th class=\"num\">").append(escape(lang.label("assessed"))).append("</th><th class=\"num\">")
                .append(escape(lang.label("compliance"))).append("</th><th>").append(escape(lang.label("status")))
                .append("</th></tr></thead><tbody>");
        ReportText.orderedKeys(groups, sections).forEach(key -> {
            ComplianceGroup g = groups.get(key);
            out.append("<tr data-key=\"").append(escape(key)).append("\"><td>")
                    .append(escape(sections ? ReportText.sectionLabel(key, lang) : key)).append("</td><td class=\"num\">").append(g.total())
                    .append("</td><td class=\"num\">").append(g.assessed()).append("</td><td class=\"num\">")
                    .append(escape(ReportText.compliance(g, lang)))
                    .append("</td><td>").append(escape(ReportText.statusCounts(g, lang)))
                    .append("</td></tr>");
        });
        out.append("</tbody></table>\n");
    }

    private record Bar(String label, double value, String text, String style) {
    }

    private static List<Bar> complianceBars(Map<String, ComplianceGroup> groups, ReportLanguage lang, boolean sections) {
        return ReportText.orderedKeys(groups, sections).stream().filter(k -> groups.get(k).compliance() != null).map(key -> {
            double value = groups.get(key).compliance();
            return new Bar(sections ? ReportText.sectionLabel(key, lang) : key, value, ReportText.score(value), value < 0 ? "neg" : "bar");
        }).toList();
    }

    /** Horizontal bars from zero, on a scale from {@code min} to {@code max}; each bar with its number and a tooltip. */
    private static String chart(String id, String title, List<Bar> bars, double min, double max) {
        if (bars.isEmpty()) {
            return "";
        }
        int height = bars.size() * ROW + 6;
        double span = max - min;
        double plot = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        double zero = LABEL_WIDTH + (0 - min) / span * plot;
        StringBuilder svg = new StringBuilder();
        svg.append("<figure id=\"").append(id).append("\"><figcaption>").append(escape(title)).append("</figcaption>")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"").append(escape(title))
                .append("\" viewBox=\"0 0 ").append(CHART_WIDTH).append(' ').append(height).append("\" width=\"100%\">");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * ROW + 4;
            double end = LABEL_WIDTH + (bar.value() - min) / span * plot;
            double x = Math.min(zero, end);
            double width = Math.max(Math.abs(end - zero), 1);
            svg.append("<g><title>").append(escape(bar.label() + ": " + bar.text())).append("</title>")
                    .append("<text x=\"").append(LABEL_WIDTH - 6).append("\" y=\"").append(y + BAR - 3)
                    .append("\" text-anchor=\"end\">").append(escape(bar.label())).append("</text>")
                    .append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>",
                            bar.style(), x, y, width, BAR))
                    .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">", Math.max(zero, end) + 4, y + BAR - 3))
                    .append(escape(bar.text())).append("</text></g>");
        }
        if (min < 0) {
            svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%.1f\" x2=\"%.1f\" y1=\"0\" y2=\"%d\"/>", zero, zero, height));
        }
        return svg.append("</svg></figure>\n").toString();
    }

    private static void definition(StringBuilder out, String term, String value) {
        out.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>");
    }
}
