package org.commitmenttracker.registry.report;

import java.util.Map;

import org.commitmenttracker.registry.lifecycle.CommitmentStatus;

/** The report's labels in English and Chinese; commitment texts, notes and names stay as written. */
public enum ReportLanguage {
    EN("en", Map.ofEntries(
            Map.entry("title", "Compliance report"), Map.entry("colon", ": "), Map.entry("communique", "Communiqué"),
            Map.entry("date", "Date"), Map.entry("period", "Compliance period"),
            Map.entry("interim", "interim assessment"), Map.entry("final", "final assessment"),
            Map.entry("today", "today's standing (provisional)"), Map.entry("assessment", "Assessment"),
            Map.entry("asOf", "Statuses as of"), Map.entry("notYet", "Not yet assessed: the assessment date has not ended. Statuses are today's."),
            Map.entry("noPeriod", "none (no date known, none set)"),
            Map.entry("summary", "Summary"), Map.entry("status", "Status"), Map.entry("count", "Commitments"),
            Map.entry("compliance", "Compliance"), Map.entry("complianceScore", "Compliance score"),
            Map.entry("assessed", "Assessed"), Map.entry("ofAssessed", "{score} ({assessed} of {total} assessed)"),
            Map.entry("notAssessed", "not assessed"), Map.entry("total", "Total"),
            Map.entry("bySection", "By section"), Map.entry("byAgency", "By agency"),
            Map.entry("chartStatus", "Commitments by status"), Map.entry("chartSection", "Compliance by section"),
            Map.entry("chartAgency", "Compliance by agency"), Map.entry("section", "Section"),
            Map.entry("sectionN", "Section {n}"), Map.entry("noSection", "No section"), Map.entry("agency", "Agency"),
            Map.entry("commitments", "Commitments"), Map.entry("score", "Score"), Map.entry("percent", "Complete"),
            Map.entry("agencies", "Agencies"), Map.entry("milestones", "Milestones"), Map.entry("reports", "Agency reports"),
            Map.entry("evidence", "Evidence"), Map.entry("supersededBy", "Superseded by"), Map.entry("none", "—"),
            Map.entry("met", "met"), Map.entry("missed", "missed"), Map.entry("open", "open"), Map.entry("due", "Due"),
            Map.entry("PLEDGED", "Pledged"), Map.entry("IN_PROGRESS", "In progress"), Map.entry("STALLED", "Stalled"),
            Map.entry("OVERDUE", "Overdue"), Map.entry("COMPLETED", "Completed"), Map.entry("CANCELLED", "Cancelled"),
            Map.entry("SUPERSEDED", "Superseded"), Map.entry("WITHDRAWN", "Withdrawn"),
            Map.entry("convention", "Compliance per commitment: +1 completed, 0 in progress, −1 pledged, stalled or overdue; cancelled and superseded commitments are not assessed."))),
    ZH("zh-CN", Map.ofEntries(
            Map.entry("title", "履约报告"), Map.entry("colon", "："), Map.entry("communique", "公报"),
            Map.entry("date", "日期"), Map.entry("period", "履约评估期"),
            Map.entry("interim", "中期评估"), Map.entry("final", "最终评估"),
            Map.entry("today", "当前状况（暂定）"), Map.entry("assessment", "评估"),
            Map.entry("asOf", "状态截至"), Map.entry("notYet", "尚未评估：评估日尚未结束。所示为当前状态。"),
            Map.entry("noPeriod", "无（日期未知，且未设定）"),
            Map.entry("summary", "概要"), Map.entry("status", "状态"), Map.entry("count", "承诺数"),
            Map.entry("compliance", "履约度"), Map.entry("complianceScore", "履约得分"),
            Map.entry("assessed", "已评估"), Map.entry("ofAssessed", "{score}（{total} 项中已评估 {assessed} 项）"),
            Map.entry("notAssessed", "未评估"), Map.entry("total", "合计"),
            Map.entry("bySection", "按部分"), Map.entry("byAgency", "按机构"),
            Map.entry("chartStatus", "各状态承诺数"), Map.entry("chartSection", "各部分履约度"),
            Map.entry("chartAgency", "各机构履约度"), Map.entry("section", "部分"),
            Map.entry("sectionN", "第 {n} 部分"), Map.entry("noSection", "未分部分"), Map.entry("agency", "机构"),
            Map.entry("commitments", "承诺"), Map.entry("score", "得分"), Map.entry("percent", "完成度"),
            Map.entry("agencies", "负责机构"), Map.entry("milestones", "时间节点"), Map.entry("reports", "机构报告"),
            Map.entry("evidence", "证明材料"), Map.entry("supersededBy", "取代者"), Map.entry("none", "—"),
            Map.entry("met", "已达成"), Map.entry("missed", "未达成"), Map.entry("open", "未到期"), Map.entry("due", "到期"),
            Map.entry("PLEDGED", "已承诺"), Map.entry("IN_PROGRESS", "进行中"), Map.entry("STALLED", "停滞"),
            Map.entry("OVERDUE", "已逾期"), Map.entry("COMPLETED", "已完成"), Map.entry("CANCELLED", "已取消"),
            Map.entry("SUPERSEDED", "已被取代"), Map.entry("WITHDRAWN", "已撤回"),
            Map.entry("convention", "每项承诺的履约得分：已完成 +1，进行中 0，已承诺、停滞或逾期 −1；已取消和已被取代的承诺不参与评估。")));

    private final String htmlLang;
    private final Map<String, String> labels;

    ReportLanguage(String htmlLang, Map<String, String> labels) {
        this.htmlLang = htmlLang;
        this.labels = labels;
    }

    /** {@code en} or {@code zh}. */
    public static ReportLanguage parse(String code) {
        return switch (code) {
            case "en" -> EN;
            case "zh" -> ZH;
            default -> throw new IllegalArgumentException("lang must be en or zh.");
        };
    }

    String htmlLang() {
        return htmlLang;
    }

    String label(String key, String... vars) {
        String text = labels.get(key);
        if (text == null) {
            throw new IllegalStateException("No " + this + " label " + key);
        }
        for (int i = 0; i + 1 < vars.length; i += 2) {
            text = text.replace("{" + vars[i] + "}", vars[i + 1]);
        }
        return text;
    }

    String status(CommitmentStatus status) {
        return label(status.name());
    }
}
