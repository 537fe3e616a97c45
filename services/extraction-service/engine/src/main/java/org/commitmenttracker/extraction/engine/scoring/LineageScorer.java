package org.commitmenttracker.extraction.engine.scoring;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.commitmenttracker.extraction.engine.cli.LineageCommand;
import org.commitmenttracker.extraction.engine.lineage.CommitmentLink;
import org.commitmenttracker.extraction.engine.lineage.LineageCommitment;
import org.commitmenttracker.extraction.engine.lineage.LineageSettings;

/**
 * Scores commitment links against a lineage gold file ({@code lineage/SERIES.links.json} of the corpus) by the
 * rules of its README: each side of a system link is mapped to the gold commitments of its document by the corpus
 * matching rules ({@link GoldScorer#matchesGold}); a mapped pair equal to a required gold link is a true positive,
 * a system link none of whose pairs is a gold link a false positive, a required gold link not produced a false
 * negative; optional gold links count neither way. Relation accuracy is over the gold links matched, required and
 * optional. Precision, recall and F1 overall and per document pair.
 * <p>
 * {@code LineageScorer LINKS_FILE [--gold] [--thresholds 0.2,0.25,…]}: links the series' texts (the documents
 * the gold names, {@code NAME.txt} in the folder above it), extracting their commitments or, with {@code --gold},
 * taking them from their gold files; with {@code --thresholds}, one row per threshold.
 */
public final class LineageScorer {
    private LineageScorer() {
    }

    /**
     * The scores of one run; {@code byPair} keyed "later → earlier" by document name. The errors by relation, to see
     * where linking fails: {@code missedByRelation} counts the required gold links not found by their gold relation,
     * {@code extraByRelation} the false positives by the relation the system gave them.
     */
    public record LineageScore(Score.Retrieval links, Map<String, Score.Retrieval> byPair, Score.Accuracy relations,
                               List<String> missed, List<String> extra, Map<String, Integer> missedByRelation,
                               Map<String, Integer> extraByRelation) {
    }

    public static void main(String[] args) throws Exception {
        Path linksFile = null;
        boolean gold = false;
        List<Double> thresholds = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gold" -> gold = true;
                case "--thresholds" -> {
                    for (String value : args[++i].split(",")) {
                        thresholds.add(Double.parseDouble(value));
                    }
                }
                default -> linksFile = Path.of(args[i]);
            }
        }
        if (linksFile == null) {
            System.err.println("usage: LineageScorer LINKS_FILE [--gold] [--thresholds 0.2,0.25,...]");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (thresholds.isEmpty()) {
            LineageScore score = score(linksFile, link(linksFile, gold, LineageSettings.STANDARD));
            print(score, out);
            score.missed().forEach(m -> out.println("  missed " + m));
            score.extra().forEach(e -> out.println("  extra  " + e));
            return;
        }
        out.println("threshold     P     R    F1  relations");
        for (double threshold : thresholds) {
            LineageScore score = score(linksFile, link(linksFile, gold, LineageSettings.STANDARD.withThreshold(threshold)));
            out.printf(Locale.ROOT, "%9.2f  %.2f  %.2f  %.2f  %.2f (%d/%d)%n", threshold, score.links().precision(),
                    score.links().recall(), score.links().f1(), score.relations().value(), score.relations().correct(),
                    score.relations().total());
        }
    }

    /** Links the series that {@code linksFile} annotates, extracted or (with {@code gold}) from its gold files. */
    @SuppressWarnings("unchecked")
    public static List<CommitmentLink> link(Path linksFile, boolean gold, LineageSettings settings)
            throws IOException, LineageCommand.UnreadableInput {
        Map<String, Object> series = (Map<String, Object>) Json.parse(Files.readString(linksFile, StandardCharsets.UTF_8));
        Path corpus = linksFile.toAbsolutePath().getParent().getParent();
        List<Path> files = ((List<String>) series.get("documents")).stream().map(d -> corpus.resolve(d + ".txt")).toList();
        return LineageCommand.link(files, gold, settings);
    }

    /** Scores {@code system} against the links of {@code linksFile}, the gold commitments beside the series' texts. */
    @SuppressWarnings("unchecked")
    public static LineageScore score(Path linksFile, List<CommitmentLink> system) throws IOException {
        Map<String, Object> series = (Map<String, Object>) Json.parse(Files.readString(linksFile, StandardCharsets.UTF_8));
        Path corpus = linksFile.toAbsolutePath().getParent().getParent();
        Map<String, GoldCommitments> golds = new HashMap<>();
        for (String document : (List<String>) series.get("documents")) {
            golds.put(document, GoldCommitments.read(corpus.resolve(document + ".gold.json")));
        }
        Map<String, Map<String, Object>> goldLinks = new LinkedHashMap<>();
        for (Map<String, Object> link : (List<Map<String, Object>>) series.get("links")) {
            goldLinks.put(link.get("from") + " " + link.get("to"), link);
        }
        Map<String, String> found = new LinkedHashMap<>();
        Map<String, Integer> falsePositives = new HashMap<>();
        List<String> extra = new ArrayList<>();
        Map<String, Integer> extraByRelation = new TreeMap<>();
        for (CommitmentLink link : system) {
            String fromDocument = stem(link.from().documentId());
            String toDocument = stem(link.to().documentId());
            List<String> matched = new ArrayList<>();
            for (String from : goldIds(golds.get(fromDocument), fromDocument, link.from())) {
                for (String to : goldIds(golds.get(toDocument), toDocument, link.to())) {
                    if (goldLinks.containsKey(from + " " + to)) {
                        matched.add(from + " " + to);
                    }
                }
            }
            if (matched.isEmpty()) {
                falsePositives.merge(pair(fromDocument, toDocument), 1, Integer::sum);
                extraByRelation.merge(link.relation().label(), 1, Integer::sum);
                extra.add(String.format(Locale.ROOT, "%s %s (%.2f): %s  ->  %s", pair(fromDocument, toDocument),
                        link.relation().label(), link.similarity(), brief(link.from()), brief(link.to())));
            }
            matched.forEach(key -> found.putIfAbsent(key, link.relation().label()));
        }
        Map<String, int[]> byPair = new LinkedHashMap<>();
        List<String> missed = new ArrayList<>();
        Map<String, Integer> missedByRelation = new TreeMap<>();
        int correctRelations = 0;
        for (Map.Entry<String, Map<String, Object>> gold : goldLinks.entrySet()) {
            Map<String, Object> link = gold.getValue();
            String pair = pair(document(link.get("from")), document(link.get("to")));
            int[] counts = byPair.computeIfAbsent(pair, p -> new int[2]);
            boolean optional = Boolean.TRUE.equals(link.get("optional"));
            String relation = found.get(gold.getKey());
            if (relation != null && relation.equals(link.get("relation"))) {
                correctRelations++;
            }
            if (optional) {
                continue;
            }
            counts[1]++;
            if (relation != null) {
                counts[0]++;
            } else {
                missed.add(gold.getKey() + " " + link.get("relation") + ": " + link.get("note"));
                missedByRelation.merge(String.valueOf(link.get("relation")), 1, Integer::sum);
            }
        }
        falsePositives.keySet().forEach(pair -> byPair.computeIfAbsent(pair, p -> new int[2]));
        Map<String, Score.Retrieval> pairs = new LinkedHashMap<>();
        Score.Retrieval total = new Score.Retrieval(0, 0, 0);
        for (Map.Entry<String, int[]> pair : byPair.entrySet()) {
            int truePositives = pair.getValue()[0];
            Score.Retrieval retrieval = new Score.Retrieval(truePositives,
                    truePositives + falsePositives.getOrDefault(pair.getKey(), 0), pair.getValue()[1]);
            pairs.put(pair.getKey(), retrieval);
            total = total.plus(retrieval);
        }
        return new LineageScore(total, pairs, new Score.Accuracy(correctRelations, found.size()), missed, extra,
                missedByRelation, extraByRelation);
    }

    public static void print(LineageScore score, PrintStream out) {
        retrieval(out, "links", score.links());
        score.byPair().forEach((pair, retrieval) -> retrieval(out, "  " + pair, retrieval));
        out.printf(Locale.ROOT, "%-26s %.2f  (%d/%d matched gold links)%n", "relation accuracy", score.relations().value(),
                score.relations().correct(), score.relations().total());
        out.printf(Locale.ROOT, "%-26s missed (by gold relation) %s, extra (by system relation) %s%n", "errors",
                score.missedByRelation(), score.extraByRelation());
    }

    private static void retrieval(PrintStream out, String label, Score.Retrieval retrieval) {
        out.printf(Locale.ROOT, "%-26s P %.2f  R %.2f  F1 %.2f  (%d found, %d linked, %d expected)%n", label,
                retrieval.precision(), retrieval.recall(), retrieval.f1(), retrieval.found(), retrieval.extracted(),
                retrieval.expected());
    }

    /** The gold ids ({@code DOCUMENT#ID}) a system commitment stands for; none when its document has no gold. */
    private static List<String> goldIds(GoldCommitments gold, String document, LineageCommitment commitment) {
        if (gold == null) {
            return List.of();
        }
        return gold.commitments().stream().filter(item -> item.matchedBy(commitment.text()))
                .map(item -> document + "#" + item.id()).toList();
    }

    private static String stem(String fileName) {
        return fileName.replaceFirst("\\.txt$", "");
    }

    private static String document(Object goldId) {
        String id = String.valueOf(goldId);
        return id.substring(0, id.indexOf('#'));
    }

    private static String pair(String later, String earlier) {
        return later + " -> " + earlier;
    }

    private static String brief(LineageCommitment commitment) {
        String text = commitment.text();
        return commitment.id() + " " + (text.length() > 70 ? text.substring(0, 70) + "…" : text);
    }
}
