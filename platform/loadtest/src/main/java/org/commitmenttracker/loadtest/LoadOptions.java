package org.commitmenttracker.loadtest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The driver's command line.
 *
 * <pre>
 * --communiques N        communiqués to load: the seed's variants (default 100)
 * --rate R|P%            progress reports offered per second (default 200), or a percentage of the raw store's
 *                        versioned-update rate measured in the same run (70% checks the sustained-rate target,
 *                        35% the latency target at half of it)
 * --duration S           seconds of progress reports (default 30)
 * --store memory|h2      the embedded store's backend when the driver starts the platform (default memory)
 * --http-share F         share of progress reports sent over HTTP, the rest over Kafka (default 0.5)
 * --idle-seconds S       seconds the started platform is left idle, before anything else, to measure what it costs
 *                        when nothing happens (CPU per process; default 60; 0 skips it)
 * --raw-seconds S        seconds of each raw store and broker measurement (default 5)
 * --raw-threads T        threads of the raw store measurement (default 4)
 * --lookups N            registry reads after the load: N lookups of a commitment by id (after N for warm-up) and
 *                        filtered lists of 10 shapes (default 2000; 0 skips the reads)
 * --lists-per-shape N    lists of each shape measured (default 25)
 * --drain S              at most this many seconds after the load for everything to settle: the hang guard (default 30)
 * --out DIR              where report.json, report.csv and the logs go (default platform/loadtest/target/loadtest)
 * --services-root DIR    the project checkout whose services/NAME/target jars to run (default: this one), e.g. a
 *                        build of another commit, so that rebuilding this checkout meanwhile does not affect a run
 * --faults LIST          fault mode ({@link FaultPlan}): e.g. all, or broker,store,registry,pause:registry,receiver;
 *                        one at a time while progress reports and uploads are in flight, then the invariants are
 *                        checked from the stores and the receiver (lost, duplicate effects, alerts, readiness)
 * --target ingestion=URL,extraction=URL,registry=URL,notification=URL   use a running platform instead of starting one
 * --kafka HOST:PORT --mongo mongodb://HOST:PORT --jwt-dir DIR          (with --target: broker, store, signing key)
 * </pre>
 */
record LoadOptions(int communiques, double rate, double rateOfRaw, int durationSeconds, String store, double httpShare, int idleSeconds, int rawSeconds,
                   int rawThreads, int lookups, int listsPerShape, int drainSeconds, Path out, Path projectRoot, Path servicesRoot, Path samplesDir,
                   Map<String, String> target, String kafka, String mongo, Path jwtDir, FaultPlan faults) {

    static LoadOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --option value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        Path root = Path.of(values.getOrDefault("project-root", System.getProperty("project.root", "."))).toAbsolutePath().normalize();
        Path samples = Path.of(values.getOrDefault("samples-dir", System.getProperty("samples.dir",
                root.resolve("samples").toString()))).toAbsolutePath().normalize();
        Map<String, String> target = null;
        if (values.containsKey("target")) {
            target = new LinkedHashMap<>();
            for (String pair : values.get("target").split(",")) {
                String[] kv = pair.split("=", 2);
                target.put(kv[0].trim(), kv[1].trim().replaceAll("/+$", ""));
            }
            for (String service : new String[]{"ingestion", "extraction", "registry", "notification"}) {
                if (!target.containsKey(service)) {
                    throw new IllegalArgumentException("--target needs " + service + "=URL");
                }
            }
        }
        String store = values.getOrDefault("store", "memory");
        if (!store.equals("memory") && !store.equals("h2")) {
            throw new IllegalArgumentException("--store memory|h2");
        }
        LoadOptions options = new LoadOptions(
                Integer.parseInt(values.getOrDefault("communiques", "100")),
                values.getOrDefault("rate", "200").endsWith("%") ? 0 : Double.parseDouble(values.getOrDefault("rate", "200")),
                values.getOrDefault("rate", "200").endsWith("%")
                        ? Double.parseDouble(values.get("rate").substring(0, values.get("rate").length() - 1)) / 100 : 0,
                Integer.parseInt(values.getOrDefault("duration", "30")),
                store,
                Double.parseDouble(values.getOrDefault("http-share", "0.5")),
                Integer.parseInt(values.getOrDefault("idle-seconds", "60")),
                Integer.parseInt(values.getOrDefault("raw-seconds", "5")),
                Integer.parseInt(values.getOrDefault("raw-threads", "4")),
                Integer.parseInt(values.getOrDefault("lookups", "2000")),
                Integer.parseInt(values.getOrDefault("lists-per-shape", "25")),
                Integer.parseInt(values.getOrDefault("drain", "30")),
                Path.of(values.getOrDefault("out", root.resolve("platform/loadtest/target/loadtest").toString())).toAbsolutePath(),
                root, Path.of(values.getOrDefault("services-root", System.getProperty("loadtest.services-root", root.toString()))).toAbsolutePath().normalize(), samples, target,
                values.getOrDefault("kafka", "127.0.0.1:9092"),
                values.getOrDefault("mongo", "mongodb://127.0.0.1:27017"),
                Path.of(values.getOrDefault("jwt-dir", root.resolve(".devstack/jwt").toString())).toAbsolutePath(),
                values.containsKey("faults") ? FaultPlan.parse(values.get("faults"), store.equals("h2")) : null);
        if (options.faults() != null && target != null) {
            throw new IllegalArgumentException("--faults needs a platform the driver starts (not --target)");
        }
        for (String key : values.keySet()) {
            if (!java.util.Set.of("communiques", "rate", "duration", "store", "http-share", "idle-seconds", "raw-seconds", "raw-threads",
                    "lookups", "lists-per-shape", "drain", "out", "project-root", "services-root", "samples-dir", "target", "kafka", "mongo", "jwt-dir", "faults").contains(key)) {
                throw new IllegalArgumentException("Unknown option --" + key);
            }
        }
        return options;
    }

    Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("communiques", communiques);
        map.put("rate", rateOfRaw > 0 ? Math.round(rateOfRaw * 100) + "% of raw versioned updates" : rate);
        map.put("duration_s", durationSeconds);
        map.put("store", target == null ? store : "targeted");
        map.put("http_share", httpShare);
        map.put("idle_seconds", idleSeconds);
        map.put("raw_seconds", rawSeconds);
        map.put("raw_threads", rawThreads);
        map.put("lookups", lookups);
        map.put("lists_per_shape", listsPerShape);
        map.put("drain_s", drainSeconds);
        map.put("mode", target == null ? "started" : "targeted");
        map.put("services_root", servicesRoot.toString());
        map.put("faults", faults == null ? null : String.join(", ", faults.labels()));
        return map;
    }
}
