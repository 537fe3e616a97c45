package org.commitmenttracker.extraction.engine.scoring;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.commitmenttracker.extraction.engine.Commitment;
import org.commitmenttracker.extraction.engine.CommitmentIds;
import org.commitmenttracker.extraction.engine.CommuniqueAnalysis;
import org.commitmenttracker.extraction.engine.CommuniqueAnalyzer;
import org.commitmenttracker.extraction.engine.DocumentMetadata;
import org.commitmenttracker.extraction.engine.SourceDocument;

/**
 * Scores the engine against gold annotations ({@code NAME.gold.json} beside {@code NAME.txt}) with the
 * matching rules of the corpus README: texts compared after NFKC without whitespace; a bullet is found by an
 * equal text, a narrative commitment by a text that contains the gold one or is contained in it and covers at
 * least 60 % of it; attributes are scored on found commitments only. After the documents it prints their
 * scores micro-averaged per language ({@link Totals}) and over all of them.
 * <p>
 * {@code java -cp extraction-engine.jar org.commitmenttracker.extraction.engine.scoring.GoldScorer FOLDER}
 */
public final class GoldScorer {
    private static final double MIN_COVERAGE = 0.6;
    /** What may close a bullet without being part of it: a separator, then a conjunction ("…; and"). */
    private static final Pattern TRAILING_LINK = Pattern.compile("(?:[;,.。；]|(?<=[\\s;,.。；])(?:and|or|и|или))\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private GoldScorer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: GoldScorer CORPUS_FOLDER");
            System.exit(2);
        }
        List<Path> golds;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            golds = files.filter(p -> p.getFileName().toString().endsWith(".gold.json")).sorted().toList();
        }
        List<Score> scores = scoreAll(golds);
        scores.forEach(score -> print(score, System.out));
        printTotals(scores, System.out);
    }

    /** Each gold file scored against the analysis of the communiqué beside it, in the order given. */
    public static List<Score> scoreAll(List<Path> golds) throws IOException {
        List<Score> scores = new ArrayList<>();
        for (Path gold : golds) {
            scores.add(score(gold));
        }
        return scores;
    }

    /** Scores the analysis of the communiqué beside {@code goldFile}. */
    public static Score score(Path goldFile) throws IOException {
        String text = Files.readString(goldFile.resolveSibling(nameOf(goldFile) + ".txt"), StandardCharsets.UTF_8);
        return score(goldFile, text);
    }

    /** Scores the analysis of {@code text}, another rendering of the communiqué that {@code goldFile} annotates. */
    public static Score score(Path goldFile, String text) throws IOException {
        String name = nameOf(goldFile);
        @SuppressWarnings("unchecked")
        Map<String, Object> gold = (Map<String, Object>) Json.parse(Files.readString(goldFile, StandardCharsets.UTF_8));
        CommuniqueAnalysis analysis = new CommuniqueAnalyzer().analyze(SourceDocument.of(name, text));
        return new Comparison(name, gold, analysis).score();
    }

    /**
     * The language a gold file is averaged in, from its document's {@code language}: Chinese is {@code zh-Hans}
     * unless the tag or the document's {@code script} says Traditional; other tags by their language alone.
     */
    static String languageOf(Map<String, Object> gold) {
        Object document = gold.get("document");
        Map<?, ?> fields = document instanceof Map<?, ?> map ? map : Map.of();
        String tag = String.valueOf(fields.get("language")).toLowerCase(Locale.ROOT).replace('_', '-');
        String language = tag.split("-")[0];
        if (!language.equals("zh")) {
            return language;
        }
        boolean traditional = tag.contains("hant") || "hant".equalsIgnoreCase(String.valueOf(fields.get("script")));
        return traditional ? "zh-Hant" : "zh-Hans";
    }

    private static String nameOf(Path goldFile) {
        return goldFile.getFileName().toString().replace(".gold.json", "");
    }

    public static void print(Score score, PrintStream out) {
        out.println("== " + score.name() + " (" + score.language() + ")");
        out.printf(Locale.ROOT, "bullets     P %.2f  R %.2f  F1 %.2f  (%d found, %d extracted, %d expected)%n",
                score.bullets().precision(), score.bullets().recall(), score.bullets().f1(), score.bullets().found(),
                score.bullets().extracted(), score.bullets().expected());
        out.printf(Locale.ROOT, "narrative   P %.2f  R %.2f  F1 %.2f  (%d found, %d extracted, %d expected)%n",
                score.narrative().precision(), score.narrative().recall(), score.narrative().f1(), score.narrative().found(),
                score.narrative().extracted(), score.narrative().expected());
        accuracy(out, "signed instruments", score.signedInstruments());
        accuracy(out, "section", score.sections());
        accuracy(out, "time expressions", score.timeExpressions());
        accuracy(out, "instruments", score.instruments());
        accuracy(out, "parties", score.parties());
        accuracy(out, "organisations", score.organisations());
        out.println("document    " + score.documentFields());
        score.mismatches().forEach(m -> out.println("  ! " + m));
    }

    /** The table of scores micro-averaged per language ({@link Totals#LANGUAGES} always), and the total. */
    public static void printTotals(List<Score> scores, PrintStream out) {
        String row = "%-8s %4s | %4s %4s %4s %9s | %4s %4s %4s %9s | %7s %5s %5s %7s %7s%n";
        out.println("== micro-averaged per language (bullets | narrative | accuracy on found commitments)");
        out.printf(Locale.ROOT, row, "language", "docs", "P", "R", "F1", "found/exp", "P", "R", "F1", "found/exp",
                "section", "time", "instr", "parties", "organis");
        List<Totals> rows = new ArrayList<>(Totals.byLanguage(scores).values());
        rows.add(Totals.of("total", scores));
        for (Totals totals : rows) {
            if (totals.documents() == 0) {
                out.printf(Locale.ROOT, "%-8s %4d | no documents%n", totals.label(), 0);
                continue;
            }
            Score.Retrieval bullets = totals.bullets();
            Score.Retrieval narrative = totals.narrative();
            out.printf(Locale.ROOT, row, totals.label(), totals.documents(),
                    ratio(bullets.precision()), ratio(bullets.recall()), ratio(bullets.f1()),
                    bullets.found() + "/" + bullets.expected(),
                    ratio(narrative.precision()), ratio(narrative.recall()), ratio(narrative.f1()),
                    narrative.found() + "/" + narrative.expected(),
                    cell(totals.sections()), cell(totals.timeExpressions()), cell(totals.instruments()),
                    cell(totals.parties()), cell(totals.organisations()));
        }
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** An accuracy, or a dash where no found commitment had the attribute to compare. */
    private static String cell(Score.Accuracy accuracy) {
        return accuracy.total() == 0 ? "-" : ratio(accuracy.value());
    }

    private static void accuracy(PrintStream out, String label, Score.Accuracy accuracy) {
        out.printf(Locale.ROOT, "%-19s %.2f  (%d/%d)%n", label, accuracy.value(), accuracy.correct(), accuracy.total());
    }

    /** The attributes of a found commitment that are scored by exact match. */
    private enum Attribute { SECTION, TIME, INSTRUMENTS, PARTIES, ORGANISATIONS }

    /** One gold file against one analysis. */
    private static final class Comparison {
        private final String name;
        private final Map<String, Object> gold;
        private final CommuniqueAnalysis analysis;
        private final List<String> mismatches = new ArrayList<>();
        private final Map<Attribute, int[]> counts = new EnumMap<>(Attribute.class);

        Comparison(String name, Map<String, Object> gold, CommuniqueAnalysis analysis) {
            this.name = name;
            this.gold = gold;
            this.analysis = analysis;
        }

        Score score() {
            Score.Retrieval bullets = retrieve(list(gold, "commitments"), Commitment.Kind.BULLET,
                    GoldScorer::bulletForm, String::equals);
            Score.Retrieval narrative = retrieve(list(gold, "narrative_commitments"), Commitment.Kind.NARRATIVE,
                    CommitmentIds::normalise, GoldScorer::narrativeMatches);
            return new Score(name, languageOf(gold), bullets, narrative, signed(), accuracy(Attribute.SECTION), accuracy(Attribute.TIME),
                    accuracy(Attribute.INSTRUMENTS), accuracy(Attribute.PARTIES), accuracy(Attribute.ORGANISATIONS),
                    documentFields(), List.copyOf(mismatches));
        }

        private Score.Accuracy accuracy(Attribute attribute) {
            int[] correctAndTotal = counts.getOrDefault(attribute, new int[2]);
            return new Score.Accuracy(correctAndTotal[0], correctAndTotal[1]);
        }

        /** Finds each gold item among the extracted ones of its kind, both texts compared in {@code form}. */
        private Score.Retrieval retrieve(List<Map<String, Object>> golds, Commitment.Kind kind,
                                         UnaryOperator<String> form, BiPredicate<String, String> matches) {
            List<Commitment> extracted = analysis.commitments().stream().filter(c -> c.kind() == kind).toList();
            Set<Commitment> used = new HashSet<>();
            List<Map<String, Object>> ordered = new ArrayList<>(golds.stream().filter(g -> !optional(g)).toList());
            ordered.addAll(golds.stream().filter(Comparison::optional).toList());
            int found = 0;
            int optionalMatched = 0;
            for (Map<String, Object> expected : ordered) {
                String goldText = form.apply((String) expected.get("text"));
                Commitment match = extracted.stream().filter(c -> !used.contains(c))
                        .filter(c -> matches.test(form.apply(c.text()), goldText)).findFirst().orElse(null);
                if (match == null) {
                    if (!optional(expected)) {
                        mismatches.add("missed " + expected.get("id") + ": " + expected.get("text"));
                    }
                    continue;
                }
                used.add(match);
                if (optional(expected)) {
                    optionalMatched++;
                } else {
                    found++;
                }
                compareAttributes(String.valueOf(expected.get("id")), expected, match);
            }
            extracted.stream().filter(c -> !used.contains(c))
                    .forEach(c -> mismatches.add("extra " + kind.label() + " #" + c.ordinal() + ": " + c.text()));
            long expectedCount = golds.stream().filter(g -> !optional(g)).count();
            return new Score.Retrieval(found, extracted.size() - optionalMatched, (int) expectedCount);
        }

        private void compareAttributes(String id, Map<String, Object> expected, Commitment found) {
            if (expected.get("section") != null) {
                check(Attribute.SECTION, id, "section", ((Number) expected.get("section")).intValue(), found.section());
            }
            if (expected.containsKey("time_expressions")) {
                List<String> goldTimes = list(expected, "time_expressions").stream()
                        .map(t -> timeKey((String) t.get("text"), t.get("start"), t.get("end"))).sorted().toList();
                List<String> times = found.timeExpressions().stream()
                        .map(t -> timeKey(t.text(), t.start(), t.end())).sorted().toList();
                check(Attribute.TIME, id, "time expressions", goldTimes,
                        timesAgree(goldTimes, times) ? goldTimes : times);
            }
            compareSet(Attribute.INSTRUMENTS, id, "instruments", expected, found.instruments());
            compareSet(Attribute.PARTIES, id, "parties", expected, found.parties());
            compareSet(Attribute.ORGANISATIONS, id, "organisations", expected, found.organisations());
        }

        private void compareSet(Attribute attribute, String id, String key, Map<String, Object> expected, List<String> found) {
            if (expected.containsKey(key)) {
                check(attribute, id, key, normalisedSet(strings(expected.get(key))), normalisedSet(found));
            }
        }

        private void check(Attribute attribute, String id, String what, Object expected, Object found) {
            int[] correctAndTotal = counts.computeIfAbsent(attribute, a -> new int[2]);
            correctAndTotal[1]++;
            if (Objects.equals(expected, found)) {
                correctAndTotal[0]++;
            } else {
                mismatches.add(id + " " + what + ": expected " + expected + ", found " + found);
            }
        }

        private Score.Accuracy signed() {
            Set<String> extracted = normalisedSet(analysis.signedInstruments());
            List<String> expected = strings(gold.get("signed_instruments"));
            int found = 0;
            for (String title : expected) {
                if (extracted.contains(CommitmentIds.normalise(title))) {
                    found++;
                } else {
                    mismatches.add("missed signed instrument: " + title);
                }
            }
            return new Score.Accuracy(found, Math.max(expected.size(), analysis.signedInstruments().size()));
        }

        @SuppressWarnings("unchecked")
        private Map<String, Boolean> documentFields() {
            Map<String, Object> expected = (Map<String, Object>) gold.getOrDefault("document", Map.of());
            DocumentMetadata found = analysis.document();
            Map<String, Object> actual = new LinkedHashMap<>();
            actual.put("title", found.title());
            actual.put("language", found.language());
            actual.put("date", found.date() == null ? null : found.date().toString());
            actual.put("parties", found.parties());
            actual.put("signatories", found.signatories());
            actual.put("meeting", found.meeting());
            Map<String, Boolean> fields = new LinkedHashMap<>();
            actual.forEach((field, value) -> {
                if (expected.get(field) != null) {
                    boolean same = value instanceof Collection<?> values
                            ? normalisedSet(strings(expected.get(field))).equals(normalisedSet(values.stream().map(String::valueOf).toList()))
                            : value != null && CommitmentIds.normalise(String.valueOf(expected.get(field)))
                                    .equals(CommitmentIds.normalise(String.valueOf(value)));
                    fields.put(field, same);
                    if (!same) {
                        mismatches.add("document " + field + ": expected " + expected.get(field) + ", found " + value);
                    }
                }
            });
            return fields;
        }

        private static boolean optional(Map<String, Object> item) {
            return Boolean.TRUE.equals(item.get("optional"));
        }
    }

    private static String timeKey(String text, Object start, Object end) {
        return CommitmentIds.normalise(text) + "|" + start + "|" + end;
    }

    /**
     * Time expressions agree when they are as many and pair off with the same range, each text containing the
     * other ("in 2025" agrees with "2025": a preposition kept with its date is no error).
     */
    private static boolean timesAgree(List<String> gold, List<String> extracted) {
        if (gold.size() != extracted.size()) {
            return false;
        }
        List<String> unpaired = new ArrayList<>(extracted);
        for (String expected : gold) {
            String match = unpaired.stream().filter(e -> sameTime(expected, e)).findFirst().orElse(null);
            if (match == null) {
                return false;
            }
            unpaired.remove(match);
        }
        return true;
    }

    private static boolean sameTime(String goldKey, String extractedKey) {
        int goldBar = goldKey.indexOf('|');
        int extractedBar = extractedKey.indexOf('|');
        String goldText = goldKey.substring(0, goldBar);
        String text = extractedKey.substring(0, extractedBar);
        return goldKey.substring(goldBar).equals(extractedKey.substring(extractedBar))
                && (text.contains(goldText) || goldText.contains(text));
    }

    /**
     * Whether a system commitment's text matches a gold commitment of {@code goldKind} by the corpus rules: a
     * bullet by an equal text apart from a trailing separator or conjunction, a narrative one by containing the
     * gold text or being contained in it and covering at least 60 % of it (texts compared after NFKC, no whitespace).
     */
    public static boolean matchesGold(Commitment.Kind goldKind, String text, String goldText) {
        return goldKind == Commitment.Kind.BULLET ? bulletForm(text).equals(bulletForm(goldText))
                : narrativeMatches(CommitmentIds.normalise(text), CommitmentIds.normalise(goldText));
    }

    /** The narrative rule on normalised texts. */
    private static boolean narrativeMatches(String extracted, String expected) {
        return extracted.contains(expected)
                || (expected.contains(extracted) && extracted.length() >= MIN_COVERAGE * expected.length());
    }

    /** A bullet's text as compared: normalised, without the separator and conjunction linking it to the next item. */
    private static String bulletForm(String text) {
        String unlinked = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        for (String shorter = TRAILING_LINK.matcher(unlinked).replaceFirst(""); !shorter.equals(unlinked);
             shorter = TRAILING_LINK.matcher(unlinked).replaceFirst("")) {
            unlinked = shorter;
        }
        return CommitmentIds.normalise(unlinked);
    }

    private static Set<String> normalisedSet(List<String> values) {
        Set<String> set = new HashSet<>();
        values.forEach(v -> set.add(CommitmentIds.normalise(v)));
        return set;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> object, String key) {
        return (List<Map<String, Object>>) object.getOrDefault(key, List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
