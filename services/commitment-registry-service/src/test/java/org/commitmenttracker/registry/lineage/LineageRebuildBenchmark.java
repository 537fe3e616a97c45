package org.commitmenttracker.registry.lineage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.commitmenttracker.extraction.engine.lineage.LineageCommitment;

/**
 * How long the registry's lineage index takes to build (start-up, after a withdrawal): {@code communiques}
 * synthetic communiqués of {@code commitments} pledges each, in 10 series of 4 parties, each communiqué carrying
 * a third of its predecessor's pledges on with one word changed; words invented from a seeded random source.
 * A benchmark, not a test: {@code java -cp … LineageRebuildBenchmark 200 50}.
 */
public final class LineageRebuildBenchmark {
    private LineageRebuildBenchmark() {
    }

    public static void main(String[] args) {
        int communiques = Integer.parseInt(args[0]);
        int perCommunique = Integer.parseInt(args[1]);
        List<List<LineageCommitment>> series = synthetic(communiques, perCommunique, new Random(24));
        Runtime runtime = Runtime.getRuntime();
        for (int round = 1; round <= 3; round++) {
            RegisteredLineage lineage = new RegisteredLineage();
            System.gc();
            long before = runtime.totalMemory() - runtime.freeMemory();
            long start = System.nanoTime();
            lineage.rebuild(series);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.gc();
            long heap = runtime.totalMemory() - runtime.freeMemory() - before;
            System.out.printf("round %d: %d communiqués, %d commitments built in %d ms, index heap ≈ %d MB%n", round,
                    communiques, lineage.size(), millis, heap / (1024 * 1024));
        }
    }

    private static List<List<LineageCommitment>> synthetic(int communiques, int perCommunique, Random random) {
        List<String> words = new ArrayList<>();
        for (int w = 0; w < 5_000; w++) {
            StringBuilder word = new StringBuilder();
            for (int c = 0, length = 4 + random.nextInt(6); c < length; c++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            words.add(word.toString());
        }
        List<List<LineageCommitment>> all = new ArrayList<>();
        List<List<String>> previousOfSeries = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            previousOfSeries.add(List.of());
        }
        for (int d = 0; d < communiques; d++) {
            int seriesNumber = d % 10;
            List<String> parties = List.of("S" + seriesNumber + "A", "S" + seriesNumber + "B", "S" + seriesNumber + "C",
                    "S" + seriesNumber + "D");
            List<String> previous = previousOfSeries.get(seriesNumber);
            List<String> texts = new ArrayList<>();
            for (int c = 0; c < perCommunique; c++) {
                if (c < previous.size() / 3) {
                    String[] carried = previous.get(c * 3).split(" ");
                    carried[random.nextInt(carried.length)] = words.get(random.nextInt(words.size()));
                    texts.add(String.join(" ", carried));
                } else {
                    StringBuilder text = new StringBuilder("The partners will");
                    for (int w = 0, length = 15 + random.nextInt(20); w < length; w++) {
                        text.append(' ').append(words.get(random.nextInt(words.size())));
                    }
                    texts.add(text.toString());
                }
            }
            previousOfSeries.set(seriesNumber, texts);
            String documentId = "doc-" + d;
            LocalDate date = LocalDate.of(2000, 1, 1).plusDays(d);
            List<LineageCommitment> communique = new ArrayList<>();
            for (int c = 0; c < texts.size(); c++) {
                communique.add(new LineageCommitment(documentId, date, "en", parties, List.of(), null,
                        documentId + "-" + c, texts.get(c)));
            }
            all.add(communique);
        }
        return all;
    }
}
