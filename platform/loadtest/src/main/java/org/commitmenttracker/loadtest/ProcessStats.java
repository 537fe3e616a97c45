package org.commitmenttracker.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of the platform's processes, from {@code /proc/<pid>/stat} (utime + stime) and
 * {@code /proc/<pid>/status} (VmRSS): CPU seconds and mean cores over each phase, peak RSS while sampled.
 * On a system without {@code /proc} every figure is absent.
 */
final class ProcessStats {
    /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every Linux this runs on (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, Long> peakRssKb = new ConcurrentHashMap<>();
    private final Map<String, Long> phaseStartTicks = new ConcurrentHashMap<>();
    private long phaseStartNanos;

    synchronized void track(String name, long pid) {
        pids.put(name, pid);
    }

    Map<String, Long> pids() {
        return pids;
    }

    /** Begins a phase: remembers every process's CPU ticks now. */
    synchronized void startPhase() {
        phaseStartNanos = System.nanoTime();
        phaseStartTicks.clear();
        pids.forEach((name, pid) -> {
            long ticks = cpuTicks(pid);
            if (ticks >= 0) {
                phaseStartTicks.put(name, ticks);
            }
        });
    }

    /** Ends a phase: per process CPU seconds, mean cores and peak RSS (MB) since {@link #startPhase()}. */
    synchronized Map<String, Object> endPhase() {
        double seconds = (System.nanoTime() - phaseStartNanos) / 1e9;
        sample();
        Map<String, Object> result = new LinkedHashMap<>();
        double totalCpu = 0;
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            long ticks = cpuTicks(process.getValue());
            // a process started during the phase (a restart after a fault) counts from its start
            Long start = phaseStartTicks.getOrDefault(process.getKey(), 0L);
            if (ticks >= 0 && start != null) {
                double cpu = (ticks - start) / TICKS_PER_SECOND;
                totalCpu += cpu;
                row.put("cpu_s", Latencies.round(cpu));
                row.put("cores", Math.round(cpu / seconds * 1000) / 1000.0); // an idle process uses a few thousandths
            }
            Long rss = peakRssKb.get(process.getKey());
            row.put("peak_rss_mb", rss == null ? null : Latencies.round(rss / 1024.0));
            result.put(process.getKey(), row);
        }
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("cpu_s", Latencies.round(totalCpu));
        total.put("cores", Math.round(totalCpu / seconds * 1000) / 1000.0);
        result.put("all", total);
        peakRssKb.clear();
        return result;
    }

    /** Resident memory (MB) of every live process now. */
    synchronized Map<String, Object> rssMb() {
        Map<String, Object> result = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long rss = rssKb(pid);
            if (rss >= 0) {
                result.put(name, Latencies.round(rss / 1024.0));
            }
        });
        return result;
    }

    /** Records the current RSS of every process (peak per phase). */
    synchronized void sample() {
        pids.forEach((name, pid) -> {
            long rss = rssKb(pid);
            if (rss >= 0) {
                peakRssKb.merge(name, rss, Math::max);
            }
        });
    }

    static long cpuTicks(long pid) {
        try {
            return ticksOf(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime of a {@code /proc/.../stat} line. */
    private static long ticksOf(String stat) {
        // fields after "(comm)": state is field 3, utime 14, stime 15
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** A thread's name ({@code comm}, at most 15 characters) and CPU ticks so far, by thread id. */
    record ThreadTicks(String name, long ticks) {
    }

    /** Every thread of every live process now, by process name, then thread id. */
    synchronized Map<String, Map<Long, ThreadTicks>> threadTicks() {
        Map<String, Map<Long, ThreadTicks>> result = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            Map<Long, ThreadTicks> threads = new HashMap<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        threads.put(Long.parseLong(task.getFileName().toString()), new ThreadTicks(
                                Files.readString(task.resolve("comm")).strip(), ticksOf(Files.readString(task.resolve("stat")))));
                    } catch (IOException | RuntimeException e) {
                        // the thread ended meanwhile
                    }
                }
                result.put(name, threads);
            } catch (IOException | RuntimeException e) {
                // gone or not Linux
            }
        });
        return result;
    }

    /**
     * Where each process's CPU went between two {@link #threadTicks()}: CPU seconds by thread name with its numbers
     * dropped (the pool's or the kind's: {@code KafkaConsumerDe}, {@code http-nio-}, {@code C2 CompilerThre}), the
     * {@code top} largest per process, largest first; a thread started in between counts from 0.
     */
    static Map<String, Map<String, Double>> busiestThreads(Map<String, Map<Long, ThreadTicks>> before,
                                                           Map<String, Map<Long, ThreadTicks>> after, int top) {
        Map<String, Map<String, Double>> result = new LinkedHashMap<>();
        after.forEach((process, threads) -> {
            Map<Long, ThreadTicks> earlier = before.getOrDefault(process, Map.of());
            Map<String, Long> byKind = new HashMap<>();
            threads.forEach((tid, now) -> {
                ThreadTicks then = earlier.get(tid);
                long spent = now.ticks() - (then == null ? 0 : then.ticks());
                if (spent > 0) {
                    byKind.merge(now.name().replaceAll("[0-9]+", "#"), spent, Long::sum);
                }
            });
            Map<String, Double> busiest = new LinkedHashMap<>();
            byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                    .forEach(kind -> busiest.put(kind.getKey(), Latencies.round(kind.getValue() / TICKS_PER_SECOND)));
            result.put(process, busiest);
        });
        return result;
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone or not Linux
        }
        return -1;
    }
}
