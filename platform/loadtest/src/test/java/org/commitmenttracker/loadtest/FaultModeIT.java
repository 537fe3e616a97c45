package org.commitmenttracker.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The short fault run of issue #9 (CI): 10 communiqués on the H2 store (1,050 commitments: enough that reports still
 * find a free commitment while webhooks stall behind a fault), progress reports at 20/s over HTTP and Kafka
 * and an upload every 10 s, while every fault is injected one at a time — 10 s of 5xx from the webhook receiver,
 * SIGKILL and restart of the registry, the broker, the store, ingestion, extraction and notification, a 10 s SIGSTOP
 * of the registry. The driver's verdict must be that every invariant holds: nothing acknowledged lost, no duplicate
 * effect, every alert delivered once and received, every process ready again (how soon is a figure). The driver waits for
 * everything to settle — until nothing has settled for its {@link SettleCap} or 15 min pass ({@code --drain}, a hang
 * guard) — and reports how long that took; no duration is asserted here, only what was lost, duplicated or left
 * unsettled.
 */
class FaultModeIT {

    @Test
    void everyFaultLeavesNothingLostNorDuplicated() throws Exception {
        Path out = Path.of("target", "faultmode-it").toAbsolutePath();
        Map<String, Object> report = LoadDriver.run(LoadOptions.parse("--communiques", "10", "--rate", "20", "--duration", "30",
                "--store", "h2", "--faults", "all", "--idle-seconds", "0", "--raw-seconds", "1", "--raw-threads", "2", "--lookups", "0",
                "--drain", "900", "--out", out.toString()));

        List<?> faults = (List<?>) report.get("faults");
        assertThat(faults.stream().map(fault -> String.valueOf(((Map<?, ?>) fault).get("fault"))).toList()).containsExactly("receiver 5xx 10 s", "kill registry",
                "kill broker", "kill store", "kill ingestion", "kill extraction", "kill notification", "pause registry 10 s");
        for (Object fault : faults) {
            Map<?, ?> row = (Map<?, ?>) fault;
            assertThat(((Number) row.get("acks_in_window")).longValue()).as("acknowledgements during %s", row.get("fault")).isPositive();
        }
        Map<?, ?> invariants = (Map<?, ?>) report.get("invariants");
        assertThat(invariants.get("passed")).as("invariants: %s; faults: %s", invariants, faults).isEqualTo(true);
        assertThat(((Number) invariants.get("reports_acked")).longValue()).isGreaterThan(500);
        assertThat(((Number) invariants.get("uploads_acked")).longValue()).isGreaterThan(5); // and some during the faults
        assertThat(((Number) ((Map<?, ?>) report.get("progress")).get("receiver_failures_answered")).longValue()).isPositive();
        assertThat(Files.readAllLines(out.resolve("report.csv"))).anyMatch(line -> line.startsWith("invariants.passed,"));
    }
}
