package org.commitmenttracker.notification.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.commitmenttracker.notification.matching.EventKind;
import org.commitmenttracker.notification.matching.KindFilter;
import org.commitmenttracker.notification.matching.MatchIndex;
import org.commitmenttracker.notification.matching.Occurrence;
import org.commitmenttracker.notification.matching.SubscriptionFilter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * How long matching one event takes with 100,000 subscriptions (JMH, sample mode: p0.50/p0.99 per match; run as
 * described in docs/performance.md, never by the tests). The mix: a third follow documents, a fifth parties, some
 * commitments, topics, agencies, statuses or kinds only, 1 % keyword-only (wildcards, checked for every event) and
 * 0.1 % "everything". Each call matches the next of 20,000 random events.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class MatchIndexBenchmark {
    private static final String[] PARTIES = {"CN", "RU", "US", "FR", "DE", "IN", "BR", "ZA", "KZ", "JP", "KR", "GB"};
    private static final String[] STATUSES = {"PLEDGED", "IN_PROGRESS", "STALLED", "OVERDUE", "COMPLETED"};

    @Param({"100000"})
    public int subscriptions;

    private final MatchIndex index = new MatchIndex();
    private final List<Occurrence> events = new ArrayList<>();
    private int next;

    @Setup
    public void subscribe() {
        Random random = new Random(42);
        for (int i = 0; i < subscriptions; i++) {
            index.put("sub-" + i, randomFilter(random, i));
        }
        for (int i = 0; i < 20_000; i++) {
            events.add(randomEvent(random));
        }
    }

    @Benchmark
    public int matchOneEvent() {
        Occurrence event = events.get(next);
        next = (next + 1) % events.size();
        return index.match(event).size();
    }

    private static SubscriptionFilter randomFilter(Random random, int i) {
        int kind = i % 100;
        if (kind < 33) {
            return new SubscriptionFilter(null, Set.of("doc-" + random.nextInt(2_000)), null, null, null, null, null,
                    random.nextBoolean() ? Set.of(pick(random, STATUSES)) : null, null, null);
        } else if (kind < 53) {
            return new SubscriptionFilter(null, null, null, null, new java.util.HashSet<>(List.of(pick(random, PARTIES), pick(random, PARTIES))), null,
                    null, null, List.of(new KindFilter(EventKind.STATUS_CHANGED, null, null, Set.of(pick(random, STATUSES)))), null);
        } else if (kind < 68) {
            return new SubscriptionFilter(Set.of("cmt-" + random.nextInt(200_000)), null, null, null, null, null, null, null, null, null);
        } else if (kind < 80) {
            return new SubscriptionFilter(null, null, null, Set.of("topic-" + random.nextInt(300)), null, null, null, null, null, null);
        } else if (kind < 90) {
            return new SubscriptionFilter(null, null, null, null, null, Set.of("agency-" + random.nextInt(500)), null, null, null, null);
        } else if (kind < 95) {
            return new SubscriptionFilter(null, null, null, null, null, null, null, Set.of(pick(random, STATUSES)), null,
                    "keyword-" + random.nextInt(1_000));
        } else if (kind < 99) {
            return new SubscriptionFilter(null, null, null, null, null, null, null, null,
                    List.of(new KindFilter(EventKind.DEADLINE_APPROACHING, Set.of(7 * (1 + random.nextInt(4))), null, null)),
                    "keyword-" + random.nextInt(1_000));
        }
        return i % 1000 == 999 ? SubscriptionFilter.EVERYTHING
                : new SubscriptionFilter(null, null, null, null, null, null, null, null, null, "keyword-" + random.nextInt(1_000));
    }

    private static Occurrence randomEvent(Random random) {
        boolean deadline = random.nextInt(5) == 0;
        return new Occurrence(deadline ? EventKind.DEADLINE_APPROACHING : EventKind.STATUS_CHANGED,
                "cmt-" + random.nextInt(200_000), "doc-" + random.nextInt(2_000), 1 + random.nextInt(10),
                "text with keyword-" + random.nextInt(1_000) + " among other words of a commitment",
                List.of(pick(random, PARTIES), pick(random, PARTIES)), List.of("topic-" + random.nextInt(300)), List.of(),
                List.of("agency-" + random.nextInt(500)), pick(random, STATUSES), deadline ? null : pick(random, STATUSES),
                deadline ? 7 * (1 + random.nextInt(4)) : null);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
