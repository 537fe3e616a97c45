package org.commitmenttracker.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A short run of the whole driver (the four service jars as processes, the real broker and store): 3 communiqués,
 * 15 s of progress reports at a low rate over HTTP and Kafka, then 50 lookups and 2 lists of each shape. Every stage
 * must show throughput, every report must come back as a webhook and its status change be split by stage, the reads
 * must be timed, and the report files must be written.
 */
class LoadDriverIT {

    @Test
    void aShortRunMeasuresEveryStageAndLosesNoReport() throws Exception {
        Path out = Path.of("target", "loadtest-it").toAbsolutePath();
        Map<String, Object> report = LoadDriver.run(LoadOptions.parse("--communiques", "3", "--rate", "20", "--duration", "15",
                "--idle-seconds", "5", "--raw-seconds", "1", "--raw-threads", "2", "--lookups", "50", "--lists-per-shape", "2", "--drain", "30",
                "--out", out.toString()));

        List<String> platformProcesses = List.of("kafka", "store", "ingestion", "extraction", "registry", "notification");
        Map<?, ?> idle = (Map<?, ?>) ((Map<?, ?>) report.get("idle")).get("processes");
        for (String process : platformProcesses) {
            assertThat(number(idle.get(process), "cores")).as("idle cores of " + process).isGreaterThanOrEqualTo(0);
        }
        Map<?, ?> started = (Map<?, ?>) ((Map<?, ?>) report.get("run")).get("services_started_s");
        for (String service : List.of("ingestion", "extraction", "registry", "notification")) {
            assertThat(number(started, service)).as("start-up of " + service).isPositive();
        }

        Map<?, ?> raw = (Map<?, ?>) report.get("raw");
        assertThat(number(raw.get("store"), "inserts_per_s")).isPositive();
        assertThat(number(raw.get("store"), "versioned_updates_per_s")).isPositive();
        assertThat(number(raw.get("broker"), "produce_per_s")).isPositive();
        assertThat(number(raw.get("broker"), "consume_per_s")).isPositive();

        Map<?, ?> ingest = (Map<?, ?>) report.get("ingest");
        assertThat(number(ingest, "communiques_fully_registered")).isEqualTo(3);
        assertThat(number(ingest, "commitments_registered")).isGreaterThanOrEqualTo(3 * 90);
        assertThat(number(ingest, "commitments_registered_per_s")).isPositive();
        for (String process : platformProcesses) {
            assertThat(number(ingest.get("rss_mb_after"), process)).as("RSS after ingestion of " + process).isPositive();
        }

        Map<?, ?> progress = (Map<?, ?>) report.get("progress");
        assertThat(number(progress, "sent")).isGreaterThan(100);
        assertThat(number(progress, "sent_http")).isPositive();
        assertThat(number(progress, "sent_kafka")).isPositive();
        assertThat(number(progress, "refused")).isZero();
        assertThat(number(progress, "lost")).isZero();
        assertThat(number(progress, "status_changes_per_s")).isPositive();
        assertThat(number(progress, "webhooks_per_s")).isPositive();
        Map<?, ?> latency = (Map<?, ?>) ((Map<?, ?>) progress.get("latency")).get("report_to_webhook");
        assertThat(number(latency, "count")).isEqualTo(number(progress, "webhooks_total"));
        Map<?, ?> latencies = (Map<?, ?>) progress.get("latency");
        double announced = number(latencies.get("report_to_status_change"), "count");
        for (String stage : List.of("report_to_applied", "applied_to_published", "published_to_consumed")) {
            assertThat(number(latencies.get(stage), "count")).as(stage).isEqualTo(announced);
        }
        Map<?, ?> processes = (Map<?, ?>) progress.get("processes");
        assertThat(processes.keySet().stream().map(String::valueOf).toList()).contains("kafka", "store", "ingestion", "extraction", "registry", "notification", "driver");

        Map<?, ?> reads = (Map<?, ?>) report.get("registry_reads");
        assertThat(number(reads.get("lookup"), "count")).isEqualTo(50);
        assertThat(number(reads, "lookup_bytes")).isPositive();
        assertThat(number(reads.get("lists"), "count")).isEqualTo(10 * 2);
        assertThat(((Map<?, ?>) reads.get("lists_by_shape")).keySet()).hasSize(10);

        assertThat(out.resolve("report.json")).exists();
        assertThat(Files.readAllLines(out.resolve("report.csv"))).anyMatch(line -> line.startsWith("progress.sent,"));
    }

    private static double number(Object map, String key) {
        return ((Number) ((Map<?, ?>) map).get(key)).doubleValue();
    }
}
