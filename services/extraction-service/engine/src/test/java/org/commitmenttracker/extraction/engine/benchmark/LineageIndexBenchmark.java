package org.commitmenttracker.extraction.engine.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.commitmenttracker.extraction.engine.Commitment;
import org.commitmenttracker.extraction.engine.lineage.CommitmentLink;
import org.commitmenttracker.extraction.engine.lineage.LineageCommitment;
import org.commitmenttracker.extraction.engine.lineage.LineageIndex;

/**
 * Linking one communiqué's 100 commitments against 100,000 stored ones (1,000 communiqués of 100), synthesised
 * from constructed pledge sentences (verb, undertaking, place, year, amount) so the vocabulary and the document
 * frequencies look like a communiqué archive's. Each stored communiqué binds 2 of 12 parties, so the later one
 * (2 parties) shares a party with about a third of them; {@code all-share} makes every one share a party (the
 * worst case for the candidate restriction). Prints the index's heap, and the median and worst time of linking
 * the 100 commitments over 20 runs after 5 warm-up runs. Run as described in docs/extraction.md, never by tests:
 * <pre>java -cp target/test-classes:target/classes org.commitmenttracker.extraction.engine.benchmark.LineageIndexBenchmark [stored] [all-share]</pre>
 */
public final class LineageIndexBenchmark {
    private static final String[] VERBS = {"We will build", "We will expand", "We will support", "We will develop",
            "We will strengthen", "We will launch", "We will fund", "We will modernise", "We will open", "We will upgrade"};
    private static final String[] UNDERTAKINGS = {"a joint electricity grid", "the railway corridor", "vaccine production",
            "a scholarship programme for engineers", "customs cooperation at border crossings", "sharing of satellite data",
            "maritime security patrols", "disaster response capacity", "digital payment systems", "agricultural research centres",
            "water management in river basins", "a regional health emergency fund", "clean hydrogen supply chains",
            "port infrastructure", "cybersecurity training for officials", "joint naval exercises", "the fisheries observation network",
            "renewable energy auctions", "a mechanism to settle trade disputes", "student exchanges between universities",
            "cultural heritage restoration", "the early warning system for floods", "semiconductor supply chain mapping",
            "telecommunication networks in remote islands", "a centre for pandemic preparedness", "debt transparency tools",
            "anti-corruption cooperation", "tourism promotion offices", "nuclear safety regulation", "space weather monitoring",
            "tropical forest protection", "a fund for small businesses", "women's economic empowerment", "police liaison offices",
            "the peaceful use of outer space", "critical minerals processing", "biodiversity monitoring stations",
            "marine plastic clean-up", "vocational training for young people", "food security reserves"};
    private static final String[] PLACES = {"in the northern provinces", "across the region", "with partner universities",
            "in coastal cities", "along the shared border", "in small island states", "in the river delta", "in mountain areas",
            "with the private sector", "through the joint commission", "in least developed countries", "in the capital regions",
            "for remote communities", "with international organisations", "at the regional level", "in both countries",
            "with development banks", "in the southern ports", "in the inland provinces", "among member states"};
    private static final List<String> PARTIES = List.of("AA", "BB", "CC", "DD", "EE", "FF", "GG", "HH", "II", "JJ", "KK", "LL");

    private LineageIndexBenchmark() {
    }

    public static void main(String[] args) {
        int storedCount = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean allShare = Arrays.asList(args).contains("all-share");
        Random random = new Random(24);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        LineageIndex index = new LineageIndex();
        long building = System.nanoTime();
        for (int document = 0; document * 100 < storedCount; document++) {
            List<String> parties = allShare ? List.of("AA", PARTIES.get(1 + random.nextInt(PARTIES.size() - 1)))
                    : twoOf(random);
            index.add(communique("stored-" + document, LocalDate.of(2000, 1, 1).plusDays(document), parties, random,
                    Math.min(100, storedCount - document * 100)));
        }
        double buildSeconds = (System.nanoTime() - building) / 1e9;
        System.gc();
        long heap = memory.getHeapMemoryUsage().getUsed() - before;
        List<LineageCommitment> later = communique("later", LocalDate.of(2030, 1, 1), List.of("AA", "BB"), random, 100);
        long[] nanos = new long[25];
        int links = 0;
        for (int run = 0; run < nanos.length; run++) {
            long start = System.nanoTime();
            List<CommitmentLink> found = index.link(later);
            nanos[run] = System.nanoTime() - start;
            links = found.size();
        }
        long[] measured = Arrays.copyOfRange(nanos, 5, nanos.length);
        Arrays.sort(measured);
        System.out.printf(Locale.ROOT, "stored %d commitments (%s) built in %.1f s, index heap %.0f MB%n", index.size(),
                allShare ? "every communiqué shares a party" : "about a third share a party", buildSeconds, heap / 1e6);
        System.out.printf(Locale.ROOT, "linking 100 commitments: median %.0f ms, worst %.0f ms over %d runs; %d links%n",
                measured[measured.length / 2] / 1e6, measured[measured.length - 1] / 1e6, measured.length, links);
    }

    private static List<String> twoOf(Random random) {
        int first = random.nextInt(PARTIES.size());
        int second = (first + 1 + random.nextInt(PARTIES.size() - 1)) % PARTIES.size();
        return List.of(PARTIES.get(first), PARTIES.get(second));
    }

    private static List<LineageCommitment> communique(String id, LocalDate date, List<String> parties, Random random, int size) {
        List<LineageCommitment> commitments = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String text = VERBS[random.nextInt(VERBS.length)] + " " + UNDERTAKINGS[random.nextInt(UNDERTAKINGS.length)] + " "
                    + PLACES[random.nextInt(PLACES.length)] + " by " + (2020 + random.nextInt(16)) + ", with "
                    + (10 + random.nextInt(490)) + " million dollars.";
            commitments.add(new LineageCommitment(id, date, "en", parties, List.of(), Commitment.Kind.NARRATIVE, id + "-" + i, text));
        }
        return commitments;
    }
}
