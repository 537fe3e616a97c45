package org.commitmenttracker.loadtest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run's report, as written to {@code report.json}: every figure by name (the components' names in snake case,
 * e.g. {@code appliedFractionOfRawVersionedUpdates} is {@code applied_fraction_of_raw_versioned_updates}).
 * docs/performance.md describes the figures; {@code LoadDriverIT} and {@code FaultModeIT} read them by these names.
 *
 * @param run        the options, the machine, when it started and ended
 * @param idle       the platform left idle (absent with {@code --idle-seconds 0})
 * @param registryReads lookups and lists after the load (absent with {@code --lookups 0})
 * @param invariants the fault harness's verdict ({@link Invariants.Result#toMap()}) and how long settling took
 * @param targets    the targets beside the figures they are judged by
 */
record LoadReport(Map<String, Object> run, @JsonInclude(JsonInclude.Include.NON_NULL) Idle idle, Raw raw, Ingest ingest,
                  Progress progress, @JsonInclude(JsonInclude.Include.NON_NULL) Reads registryReads, List<Fault> faults, Map<String, Object> invariants, Map<String, Object> targets) {

    /** The report's JSON: components named in snake case, in declaration order. */
    static final JsonMapper JSON = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

    /**
     * CPU and memory per process while idle ({@link ProcessStats#endPhase()}), and where each process's CPU went:
     * seconds by kind of thread ({@link ProcessStats#busiestThreads}).
     */
    record Idle(Map<String, Object> processes, Map<String, Map<String, Double>> threads) {
    }

    record Raw(RawRates.Store store, RawRates.Broker broker, Map<String, Object> processes) {
    }

    record Ingest(@JsonUnwrapped Uploads.Figures figures, Map<String, Object> processes, Map<String, Object> rssMbAfter,
                  Map<String, Long> lagMax) {
    }

    record Progress(@JsonUnwrapped ProgressLoad.Figures figures, Map<String, Object> processes, Map<String, Long> lagMax) {
    }

    record Reads(@JsonUnwrapped RegistryReads.Figures figures, Map<String, Object> processes) {
    }

    /**
     * Per fault: when, how long until ready again, for a killed or paused service with a consumer group how long from
     * its restart (or continue) and from ready again until it applied a record (and until it did so on every partition
     * with records waiting), and the acknowledgements inside its
     * window and what became of them.
     */
    record Fault(String fault, Double injectedAtS, Double readyAfterS, Double restartToAppliedS, Double readyToAppliedS,
                 Double readyToAllAppliedS, String injectedAt, long acksInWindow, long lostInWindow, Long storeLoss, String error) {
    }

    /** The report as JSON-shaped maps and lists: what {@code report.json} holds, read back. */
    Map<String, Object> toMap() {
        return JSON.convertValue(this, new TypeReference<Map<String, Object>>() {
        });
    }
}
