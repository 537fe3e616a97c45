package org.commitmenttracker.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The report's JSON keeps the names that LoadDriverIT, FaultModeIT and docs/performance.md use. */
class LoadReportTest {
    private static final Latencies.Summary NONE = new Latencies().summary();

    @Test
    void figuresAreNamedInSnakeCaseInTheirOrder() {
        Map<String, Object> report = sample().toMap();

        assertThat(report.keySet()).containsExactly("run", "idle", "raw", "ingest", "progress", "registry_reads", "faults", "invariants",
                "targets");
        Map<String, Object> raw = map(report.get("raw"));
        assertThat(map(map(report.get("idle")).get("threads"))).containsEntry("registry", Map.of("KafkaConsumerDe", 0.42));
        assertThat(map(raw.get("store"))).containsEntry("inserts_per_s", 4800.0).containsEntry("versioned_updates_per_s", 4500.0);
        assertThat(map(raw.get("broker"))).containsEntry("produce_per_s", 40000.0).containsEntry("consume_per_s", null);
        Map<String, Object> ingest = map(report.get("ingest"));
        assertThat(List.copyOf(ingest.keySet())).startsWith("communiques_uploaded", "duplicates", "communiques_fully_registered")
                .endsWith("latency", "processes", "rss_mb_after", "lag_max");
        Map<String, Object> progress = map(report.get("progress"));
        assertThat(progress).containsEntry("sent", 300L).containsEntry("sent_http", 100L).containsEntry("sent_kafka", 200L)
                .containsEntry("applied_fraction_of_raw_versioned_updates", 0.6).containsEntry("refused", 2L)
                .containsEntry("lag_at_window_end", Map.of("registry/progress", 3L));
        assertThat(map(progress.get("errors"))).containsEntry("http 503", 2);
        Map<String, Object> toWebhook = map(map(progress.get("latency")).get("report_to_webhook"));
        assertThat(toWebhook).containsEntry("count", 1).containsEntry("p99_ms", 12.0).containsEntry("max_ms", 12.0);
        assertThat(map(((List<?>) report.get("faults")).get(0))).containsEntry("fault", "kill registry")
                .containsEntry("acks_in_window", 40L).containsEntry("store_loss", null)
                .containsEntry("restart_to_applied_s", 9.25).containsEntry("ready_to_applied_s", 0.75).containsEntry("ready_to_all_applied_s", 6.5);
    }

    @Test
    void withoutAnIdlePhaseNorReadsTheReportHasNeitherSection() {
        LoadReport full = sample();
        LoadReport withoutIdleAndReads = new LoadReport(full.run(), null, full.raw(), full.ingest(), full.progress(), null,
                full.faults(), full.invariants(), full.targets());

        assertThat(withoutIdleAndReads.toMap()).doesNotContainKeys("idle", "registry_reads").containsKey("raw");
    }

    @Test
    void theCsvHasOneRowPerFigureByItsPath() {
        List<String> rows = Reports.csv(sample().toMap());

        assertThat(rows).first().isEqualTo("figure,value");
        assertThat(rows).contains("progress.sent,300", "raw.broker.consume_per_s,", "faults.0.fault,\"kill registry\"",
                "progress.latency.report_to_webhook.p99_ms,12.0", "invariants.passed,true",
                "registry_reads.lookup.p95_ms,12.0", "registry_reads.lookup_bytes,2500",
                "registry_reads.lists_by_shape.status.count,0");
    }

    @Test
    void theTablePrintsTheFigures() {
        String table = Reports.table(sample().toMap());

        assertThat(table).contains("commitments registered", "60.0 %", "kill registry", "ready→applied s", "9.25", "invariants HOLD",
                "GET /api/commitments/{id}");
    }

    @Test
    void anHttpReportIsTheJsonTheRegistryTakes() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        JsonNode body = JsonMapper.builder().build().valueToTree(new ProgressLoad.HttpReport(id, "loadtest", "STALLED", 7,
                "load test", Instant.parse("2026-12-07T05:00:00Z")));

        assertThat(body.path("eventId").asString()).isEqualTo(id.toString());
        assertThat(body.path("agencyId").asString()).isEqualTo("loadtest");
        assertThat(body.path("status").asString()).isEqualTo("STALLED");
        assertThat(body.path("percentComplete").asInt()).isEqualTo(7);
        assertThat(body.path("occurredAt").asString()).isEqualTo("2026-12-07T05:00:00Z");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static LoadReport sample() {
        Latencies webhook = new Latencies();
        webhook.add(12_000_000);
        Map<String, Object> processes = Map.of("registry", Map.of("cpu_s", 1.5, "cores", 0.1, "peak_rss_mb", 300.0));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", "r1");
        run.put("communiques", 3);
        Uploads.Figures uploaded = new Uploads.Figures(3, 0, 3, 315, 315, 1.5, 9.0, 10.0, 35.0, 0.007,
                new Uploads.Latency(NONE, NONE, NONE));
        ProgressLoad.Figures progress = new ProgressLoad.Figures(315, 0, 20, 15, 300, 100, 200, 0, 2, Map.of("http 503", 2),
                20, 2700, 19, 0.6, 0.07, Map.of("registry/progress", 3L), 4, 300, 299, 0, 0, 0, 1, 0,
                new ProgressLoad.Latency(NONE, NONE, NONE, NONE, webhook.summary(), NONE));
        Map<String, Object> invariants = new LinkedHashMap<>();
        invariants.put("passed", true);
        invariants.put("settle_cap", Map.of("cap_s", 60));
        return new LoadReport(run, new LoadReport.Idle(processes, Map.of("registry", Map.of("KafkaConsumerDe", 0.42))),
                new LoadReport.Raw(new RawRates.Store(4800, 4500, 4), new RawRates.Broker(40000, null, 1024), processes),
                new LoadReport.Ingest(uploaded, Map.of("registry", Map.of("cpu_s", 2.0)), Map.of("registry", 310.0),
                        Map.of("registry/commitments", 12L)),
                new LoadReport.Progress(progress, processes, Map.of("registry/progress", 5L)),
                new LoadReport.Reads(new RegistryReads.Figures(webhook.summary(), 2500, NONE, Map.of("status", NONE)), processes),
                List.of(new LoadReport.Fault("kill registry", 3.0, 8.5, 9.25, 0.75, 6.5, "2026-12-07T05:00:03Z", 40, 0, null, null)),
                invariants, Map.of("applied_fraction_of_raw (target >= 0.70, with bounded lag)", 0.6));
    }
}
