package org.commitmenttracker.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@link LoadReport} as JSON, as CSV (one {@code path,value} row per figure) and as the table printed at the end. */
final class Reports {
    private Reports() {
    }

    /** Writes {@code report.json} and {@code report.csv}; {@code asWritten} is {@link LoadReport#toMap()}. */
    static void write(LoadReport report, Map<String, Object> asWritten, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("report.json"),
                LoadReport.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
        Files.write(directory.resolve("report.csv"), csv(asWritten));
    }

    /** One {@code path,value} row per figure, paths joined by dots (list items by index). */
    static List<String> csv(Map<String, Object> asWritten) {
        List<String> rows = new ArrayList<>();
        rows.add("figure,value");
        flatten("", asWritten, rows);
        return rows;
    }

    private static void flatten(String prefix, Object value, List<String> rows) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child, rows));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "." + i, list.get(i), rows);
            }
        } else {
            String text = value == null ? "" : String.valueOf(value);
            rows.add(csv(prefix) + "," + csv(text));
        }
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") || text.contains(" ") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    static String table(Map<String, Object> report) {
        Map<?, ?> run = (Map<?, ?>) report.get("run");
        Map<?, ?> raw = (Map<?, ?>) report.get("raw");
        Map<?, ?> store = (Map<?, ?>) raw.get("store");
        Map<?, ?> broker = (Map<?, ?>) raw.get("broker");
        Map<?, ?> ingest = (Map<?, ?>) report.get("ingest");
        Map<?, ?> progress = (Map<?, ?>) report.get("progress");
        StringBuilder out = new StringBuilder("\n");
        out.append(String.format("Load run %s: %s communiqués, reports offered at %s for %s s, store %s, HTTP share %s, load average %s → %s%n",
                run.get("id"), run.get("communiques"), run.get("rate"), run.get("duration_s"), run.get("store"), run.get("http_share"),
                run.get("load_average_start"), run.get("load_average_end")));
        out.append(String.format("%-44s %14s %10s%n", "stage", "per second", "of raw"));
        row(out, "raw store inserts (" + store.get("threads") + " threads)", store.get("inserts_per_s"), null);
        row(out, "raw store versioned updates", store.get("versioned_updates_per_s"), null);
        row(out, "raw broker produce 1 KB (acks=all)", broker.get("produce_per_s"), null);
        row(out, "raw broker consume 1 KB", broker.get("consume_per_s"), null);
        row(out, "communiqués uploaded", ingest.get("uploads_per_s"), null);
        row(out, "commitments registered", ingest.get("commitments_registered_per_s"), ingest.get("registered_fraction_of_raw_inserts"));
        row(out, "progress reports offered", progress.get("offered_per_s"), null);
        row(out, "progress reports sent", progress.get("sent_per_s"), null);
        row(out, "status changes announced (applied)", progress.get("status_changes_per_s"),
                progress.get("applied_fraction_of_raw_versioned_updates"));
        row(out, "webhooks received (reports completed)", progress.get("webhooks_per_s"), null);
        out.append(String.format("%n%-44s %8s %8s %8s %8s %8s%n", "latency (ms)", "count", "p50", "p95", "p99", "max"));
        Map<?, ?> ingestLatency = (Map<?, ?>) ingest.get("latency");
        Map<?, ?> progressLatency = (Map<?, ?>) progress.get("latency");
        latency(out, "upload → analysed", ingestLatency.get("upload_to_analysed"));
        latency(out, "upload → all commitments registered", ingestLatency.get("upload_to_all_registered"));
        latency(out, "upload → all registration webhooks", ingestLatency.get("upload_to_all_webhooks"));
        latency(out, "progress report → status change (Kafka)", progressLatency.get("report_to_status_change"));
        latency(out, "  by stage: report → applied (ms clock)", progressLatency.get("report_to_applied"));
        latency(out, "  applied → published (ms clock)", progressLatency.get("applied_to_published"));
        latency(out, "  published → consumed (ms clock)", progressLatency.get("published_to_consumed"));
        latency(out, "progress report → webhook received", progressLatency.get("report_to_webhook"));
        latency(out, "progress HTTP response", progressLatency.get("http_response"));
        if (report.get("registry_reads") instanceof Map<?, ?> reads) {
            latency(out, "GET /api/commitments/{id}", reads.get("lookup"));
            latency(out, "GET /api/commitments?…&size=50 (10 shapes)", reads.get("lists"));
        }
        out.append(String.format("%n%d communiqués fully registered of %s (%s commitments) in %s s; reports sent %s (HTTP %s, Kafka %s),"
                        + " refused %s %s, starved ticks %s, lost %s, unsettled %s, duplicate webhooks %s%n",
                ((Number) ingest.get("communiques_fully_registered")).longValue(), ingest.get("communiques_uploaded"),
                ingest.get("commitments_registered"), ingest.get("seconds_to_all_registered"), progress.get("sent"),
                progress.get("sent_http"), progress.get("sent_kafka"), progress.get("refused"), progress.get("errors"),
                progress.get("starved_ticks"), progress.get("lost"), progress.get("unsettled"), progress.get("webhook_duplicates")));
        out.append("consumer lag, max during ingest: ").append(ingest.get("lag_max")).append('\n');
        out.append("consumer lag, max during progress: ").append(progress.get("lag_max"))
                .append("; at the window's end: ").append(progress.get("lag_at_window_end")).append('\n');
        out.append(String.format("%n%-14s %10s %12s %26s %14s %28s%n", "process", "started s", "idle cores",
                "ingest cpu s / cores / MB", "MB after ingest", "progress cpu s / cores / MB"));
        Map<?, ?> started = run.get("services_started_s") instanceof Map<?, ?> map ? map : Map.of();
        Map<?, ?> idleProcesses = report.get("idle") instanceof Map<?, ?> idle ? (Map<?, ?>) idle.get("processes") : Map.of();
        Map<?, ?> ingestProcesses = (Map<?, ?>) ingest.get("processes");
        Map<?, ?> rssAfterIngest = (Map<?, ?>) ingest.get("rss_mb_after");
        Map<?, ?> progressProcesses = (Map<?, ?>) progress.get("processes");
        for (Object name : progressProcesses.keySet()) {
            Object idle = idleProcesses.get(name) instanceof Map<?, ?> row ? row.get("cores") : null;
            out.append(String.format("%-14s %10s %12s %26s %14s %28s%n", name, orDash(started.get(name)), orDash(idle),
                    cpu(ingestProcesses.get(name)), orDash(rssAfterIngest.get(name)), cpu(progressProcesses.get(name))));
        }
        if (report.get("idle") instanceof Map<?, ?> idle && idle.get("threads") instanceof Map<?, ?> threads) {
            out.append("\nidle CPU s by thread\n");
            threads.forEach((name, busiest) -> out.append(String.format("%-14s %s%n", name, busiest)));
        }
        out.append("\ntargets: ").append(report.get("targets")).append('\n');
        faults(out, (List<?>) report.get("faults"));
        invariants(out, (Map<?, ?>) report.get("invariants"));
        return out.toString();
    }

    private static void faults(StringBuilder out, List<?> faults) {
        if (faults.isEmpty()) {
            return;
        }
        out.append(String.format("%n%-24s %12s %15s %19s %17s %21s %15s %15s %11s%n", "fault", "injected at s", "ready after s",
                "restart→applied s", "ready→applied s", "ready→all applied s", "acks in window", "lost in window", "store loss"));
        for (Object fault : faults) {
            Map<?, ?> row = (Map<?, ?>) fault;
            out.append(String.format("%-24s %12s %15s %19s %17s %21s %15s %15s %11s%s%n", row.get("fault"),
                    row.get("injected_at_s") == null ? "-" : row.get("injected_at_s"),
                    row.get("ready_after_s") == null ? "never" : row.get("ready_after_s"),
                    orDash(row.get("restart_to_applied_s")), orDash(row.get("ready_to_applied_s")),
                    orDash(row.get("ready_to_all_applied_s")), row.get("acks_in_window"),
                    row.get("lost_in_window"), row.get("store_loss") == null ? "-" : row.get("store_loss"),
                    row.get("error") == null ? "" : "  " + row.get("error")));
        }
    }

    private static void invariants(StringBuilder out, Map<?, ?> invariants) {
        out.append(String.format("%ninvariants %s: acknowledged %s uploads and %s reports; lost %s (uploads %s, reports %s);"
                        + " duplicate effects %s (history entries %s, alerts %s); status changes %s, alerts %s: missing %s,"
                        + " without status change %s, not delivered %s, delivered more than once %s, not received %s;"
                        + " dead %s; store's own loss: %s acknowledgements, %s anomalies; never ready again: %s;"
                        + " settled %s s after the last fault (outstanding %s; cap %s s without anything settling)%n",
                Boolean.TRUE.equals(invariants.get("passed")) ? "HOLD" : "FAIL", invariants.get("uploads_acked"),
                invariants.get("reports_acked"), invariants.get("lost"), invariants.get("lost_uploads"),
                invariants.get("lost_reports"), invariants.get("duplicate_effects"), invariants.get("duplicate_history_entries"),
                invariants.get("duplicate_alerts"), invariants.get("status_changes"), invariants.get("alerts"),
                invariants.get("alerts_missing"), invariants.get("alerts_without_status_change"),
                invariants.get("alerts_not_delivered"), invariants.get("alerts_delivered_more_than_once"),
                invariants.get("alerts_not_received"), invariants.get("alerts_dead"), invariants.get("store_loss_acks"),
                invariants.get("store_loss_anomalies"), invariants.get("never_ready_again"),
                invariants.get("seconds_to_settle") == null ? "never" : invariants.get("seconds_to_settle"),
                invariants.get("outstanding"), ((Map<?, ?>) invariants.get("settle_cap")).get("cap_s")));
    }

    private static String orDash(Object value) {
        return value == null ? "-" : String.valueOf(value);
    }

    private static String cpu(Object row) {
        if (!(row instanceof Map<?, ?> map)) {
            return "-";
        }
        return map.get("cpu_s") + " / " + map.get("cores") + " / " + (map.get("peak_rss_mb") == null ? "-" : map.get("peak_rss_mb"));
    }

    private static void row(StringBuilder out, String stage, Object perSecond, Object fraction) {
        out.append(String.format("%-44s %14s %10s%n", stage, perSecond, fraction == null ? "" : String.format("%.1f %%",
                ((Number) fraction).doubleValue() * 100)));
    }

    private static void latency(StringBuilder out, String what, Object summary) {
        Map<?, ?> s = (Map<?, ?>) summary;
        out.append(String.format("%-44s %8s %8s %8s %8s %8s%n", what, s.get("count"), s.get("p50_ms"), s.get("p95_ms"),
                s.get("p99_ms"), s.get("max_ms")));
    }
}
