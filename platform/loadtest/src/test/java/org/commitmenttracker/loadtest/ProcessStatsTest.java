package org.commitmenttracker.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.commitmenttracker.loadtest.ProcessStats.ThreadTicks;
import org.junit.jupiter.api.Test;

/** Where an idle process's CPU went, by kind of thread. */
class ProcessStatsTest {

    @Test
    void threadsOfOneKindAreSummedAndTheBusiestComeFirst() {
        Map<String, Map<Long, ThreadTicks>> before = Map.of("registry", Map.of(
                1L, new ThreadTicks("KafkaConsumerDe", 100), 2L, new ThreadTicks("KafkaConsumerDe", 50),
                3L, new ThreadTicks("scheduling-1", 10), 4L, new ThreadTicks("C2 CompilerThre", 500)));
        Map<String, Map<Long, ThreadTicks>> after = Map.of("registry", Map.of(
                1L, new ThreadTicks("KafkaConsumerDe", 130), 2L, new ThreadTicks("KafkaConsumerDe", 70),
                3L, new ThreadTicks("scheduling-1", 15), 4L, new ThreadTicks("C2 CompilerThre", 500),
                5L, new ThreadTicks("http-nio-8080-exec-2", 7)));

        Map<String, Double> busiest = ProcessStats.busiestThreads(before, after, 2).get("registry");

        assertThat(busiest).containsExactly(Map.entry("KafkaConsumerDe", 0.5), Map.entry("http-nio-#-exec-#", 0.07));
    }

    @Test
    void aThreadWithoutCpuInBetweenIsNotNamed() {
        Map<String, Map<Long, ThreadTicks>> ticks = Map.of("store", Map.of(1L, new ThreadTicks("VM Thread", 40)));

        assertThat(ProcessStats.busiestThreads(ticks, ticks, 5)).containsEntry("store", Map.of());
    }
}
