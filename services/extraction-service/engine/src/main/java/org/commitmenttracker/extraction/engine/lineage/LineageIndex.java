package org.commitmenttracker.extraction.engine.lineage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commitments of earlier communiqués, indexed to find which of them a later commitment repeats, renews or
 * fulfils.
 * <p>
 * An inverted index maps each normalised token ({@link LineageTokens}) to the stored commitments that have it.
 * A later commitment's candidates are the stored commitments sharing a token with it, of other communiqués that
 * are not dated after its own and share a party or an organisation with its communiqué (when both name any).
 * They are scored by TF-IDF cosine, the IDF taken from the index as it stands and the later communiqué. A later
 * commitment links to the candidates at or above the threshold, or at or above the lower reciprocal threshold when
 * the two are each other's best match between their communiqués; it keeps those within
 * {@link LineageSettings#relativeToBest()} of its best one, at most {@link LineageSettings#maxLinks()}.
 * <p>
 * The series is chained: an earlier commitment that a communiqué registered since has already linked to (it
 * carries the undertaking) is not linked again from a later one; the later one links to the carrier instead. And a
 * link past a communiqué that the later one links to (directly to an older one) needs the skip penalty more.
 * {@link #register} records those carriers; {@link #link} only reads. Not thread-safe: one writer at a time.
 */
public final class LineageIndex {
    /** In an index this large or larger, tokens in more than {@link #COMMON_SHARE} of it do not find candidates. */
    static final int EXACT_BELOW = 1_000;
    static final double COMMON_SHARE = 0.02;

    private final LineageTokens tokens;
    private final LineageSettings settings;
    private final RelationClassifier relations;
    private final Map<String, Integer> vocabulary = new HashMap<>();
    private final List<String> termTexts = new ArrayList<>();
    private final List<IntList> postings = new ArrayList<>();
    private final List<Stored> stored = new ArrayList<>();
    private final IntList documentOf = new IntList();
    private final Map<String, Integer> documentOrdinals = new HashMap<>();
    private final List<StoredDocument> documents = new ArrayList<>();

    public LineageIndex(LineageTokens tokens, LineageSettings settings) {
        this.tokens = tokens;
        this.settings = settings;
        this.relations = new RelationClassifier(tokens, settings.repeatThreshold());
    }

    public LineageIndex() {
        this(LineageTokens.standard(), LineageSettings.STANDARD);
    }

    /** How many commitments are stored. */
    public int size() {
        return stored.size();
    }

    /** Stores commitments of earlier communiqués, without linking them. */
    public void add(List<LineageCommitment> commitments) {
        for (LineageCommitment commitment : commitments) {
            int document = documentOrdinals.computeIfAbsent(commitment.documentId(), id -> {
                documents.add(new StoredDocument(id, commitment.date(), new HashSet<>()));
                return documents.size() - 1;
            });
            documents.get(document).keys().addAll(keys(commitment));
            Map<Integer, Integer> counts = new LinkedHashMap<>();
            for (String token : tokens.tokens(commitment.text())) {
                int term = vocabulary.computeIfAbsent(token, t -> {
                    postings.add(new IntList());
                    termTexts.add(t);
                    return postings.size() - 1;
                });
                counts.merge(term, 1, Integer::sum);
            }
            int ordinal = stored.size();
            int[] terms = new int[counts.size()];
            int[] frequencies = new int[counts.size()];
            int k = 0;
            for (Map.Entry<Integer, Integer> count : counts.entrySet()) {
                terms[k] = count.getKey();
                frequencies[k++] = count.getValue();
                postings.get(count.getKey()).add(ordinal);
            }
            stored.add(new Stored(commitment, terms, frequencies, new IntList()));
            documentOf.add(document);
        }
    }

    /** The links of a later communiqué's commitments to stored ones, without storing it. */
    public List<CommitmentLink> link(List<LineageCommitment> later) {
        return matches(later).stream().map(m -> m.link(stored.get(m.earlier()).commitment())).toList();
    }

    /**
     * Links a communiqué's commitments to the stored ones, records that its communiqué now carries the linked
     * undertakings (so later communiqués link to it rather than past it), and stores its commitments.
     */
    public List<CommitmentLink> register(List<LineageCommitment> communique) {
        List<Match> matches = matches(communique);
        add(communique);
        for (Match match : matches) {
            int carrier = documentOrdinals.get(match.later().documentId());
            IntList carriers = stored.get(match.earlier()).carriers();
            if (!carriers.contains(carrier)) {
                carriers.add(carrier);
            }
        }
        return matches.stream().map(m -> m.link(stored.get(m.earlier()).commitment())).toList();
    }

    private List<Match> matches(List<LineageCommitment> later) {
        Map<String, List<LineageCommitment>> byDocument = new LinkedHashMap<>();
        later.forEach(c -> byDocument.computeIfAbsent(c.documentId(), id -> new ArrayList<>()).add(c));
        List<Match> matches = new ArrayList<>();
        boolean[] touched = new boolean[stored.size()];
        byDocument.forEach((documentId, commitments) -> {
            Set<String> keys = new HashSet<>();
            commitments.forEach(c -> keys.addAll(keys(c)));
            LocalDate date = commitments.get(0).date();
            boolean[] admissible = new boolean[documents.size()];
            for (int d = 0; d < documents.size(); d++) {
                StoredDocument document = documents.get(d);
                admissible[d] = !document.id().equals(documentId) && !after(document.date(), date)
                        && (keys.isEmpty() || document.keys().isEmpty() || !disjoint(keys, document.keys()));
            }
            Weights weights = new Weights(commitments);
            List<List<Match>> candidates = new ArrayList<>();
            for (LineageCommitment commitment : commitments) {
                candidates.add(candidatesOf(commitment, admissible, documentId, date, touched, weights));
            }
            matches.addAll(chosen(candidates));
        });
        return matches;
    }

    /**
     * The admissible stored commitments, not carried since, whose similarity to {@code later} reaches the lower of
     * the two thresholds. The candidates are those sharing a token with {@code later} that is not common (in more
     * than {@link #COMMON_SHARE} of a large index): a pair sharing only common tokens cannot reach the threshold,
     * and the postings of common tokens are what would make a large index slow. Each candidate's cosine is then
     * computed exactly, over all tokens.
     */
    private List<Match> candidatesOf(LineageCommitment later, boolean[] admissible, String documentId, LocalDate date,
                                     boolean[] touched, Weights weights) {
        Map<String, Integer> counts = new HashMap<>();
        tokens.tokens(later.text()).forEach(t -> counts.merge(t, 1, Integer::sum));
        Map<Integer, Double> query = new HashMap<>();
        double queryNorm = 0;
        int commonFrom = stored.size() < EXACT_BELOW ? Integer.MAX_VALUE : (int) (COMMON_SHARE * stored.size());
        IntList candidates = new IntList();
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            Integer term = vocabulary.get(count.getKey());
            double weight = tf(count.getValue()) * weights.idf(count.getKey(), term);
            queryNorm += weight * weight;
            if (term == null) {
                continue;
            }
            query.put(term, weight);
            IntList list = postings.get(term);
            if (list.size() > commonFrom) {
                continue;
            }
            for (int p = 0; p < list.size(); p++) {
                int candidate = list.get(p);
                if (!touched[candidate] && admissible[documentOf.get(candidate)]) {
                    touched[candidate] = true;
                    candidates.add(candidate);
                }
            }
        }
        double floor = Math.min(settings.threshold(), settings.reciprocalThreshold());
        List<Match> scored = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            int candidate = candidates.get(c);
            touched[candidate] = false;
            Stored entry = stored.get(candidate);
            double dot = 0;
            for (int k = 0; k < entry.terms().length; k++) {
                Double weight = query.get(entry.terms()[k]);
                if (weight != null) {
                    dot += weight * tf(entry.frequencies()[k]) * weights.idf(entry.terms()[k]);
                }
            }
            // A cosine; rounding may put identical texts a hair above 1.
            double similarity = Math.min(1.0, dot / Math.sqrt(queryNorm * weights.squaredNorm(candidate)));
            if (similarity >= floor && !carried(entry, documentId, date)) {
                scored.add(new Match(later, candidate, similarity, null));
            }
        }
        return scored;
    }

    /**
     * The links of one later communiqué, from each of its commitments' candidates (in the order of its commitments).
     * A candidate is linked when its similarity reaches the threshold, or the lower reciprocal threshold when the two
     * are each other's best match between their communiqués: the earlier commitment is the best of its communiqué for
     * the later one, and the later one the best of its communiqué for the earlier one. Both thresholds are raised by
     * the skip penalty for a candidate older than a communiqué the later one links to at the threshold (the series is
     * chained: an undertaking is looked for in the nearest earlier communiqué first). Of the linked candidates, a
     * later commitment keeps those within {@link LineageSettings#relativeToBest()} of its best, at most
     * {@link LineageSettings#maxLinks()}.
     */
    private List<Match> chosen(List<List<Match>> candidates) {
        double[] bestForEarlier = new double[stored.size()];
        boolean[] linkedDocument = new boolean[documents.size()];
        for (List<Match> ofLater : candidates) {
            for (Match match : ofLater) {
                bestForEarlier[match.earlier()] = Math.max(bestForEarlier[match.earlier()], match.similarity());
                if (match.similarity() >= settings.threshold()) {
                    linkedDocument[documentOf.get(match.earlier())] = true;
                }
            }
        }
        double[] penalties = new double[documents.size()];
        Arrays.fill(penalties, Double.NaN);
        double[] bestInDocument = new double[documents.size()];
        List<Match> chosen = new ArrayList<>();
        for (List<Match> ofLater : candidates) {
            for (Match match : ofLater) {
                int document = documentOf.get(match.earlier());
                bestInDocument[document] = Math.max(bestInDocument[document], match.similarity());
            }
            List<Match> linked = new ArrayList<>();
            for (Match match : ofLater) {
                int document = documentOf.get(match.earlier());
                if (Double.isNaN(penalties[document])) {
                    penalties[document] = olderThanALinked(document, linkedDocument) ? settings.skipPenalty() : 0;
                }
                boolean reciprocal = match.similarity() == bestInDocument[document]
                        && match.similarity() == bestForEarlier[match.earlier()];
                if (match.similarity() >= settings.threshold() + penalties[document]
                        || (reciprocal && match.similarity() >= settings.reciprocalThreshold() + penalties[document])) {
                    linked.add(match);
                }
            }
            ofLater.forEach(match -> bestInDocument[documentOf.get(match.earlier())] = 0);
            linked.sort(Comparator.comparingDouble(Match::similarity).reversed().thenComparingInt(Match::earlier));
            for (int k = 0; k < linked.size() && k < settings.maxLinks(); k++) {
                Match match = linked.get(k);
                if (match.similarity() < settings.relativeToBest() * linked.get(0).similarity()) {
                    break;
                }
                LineageCommitment earlier = stored.get(match.earlier()).commitment();
                chosen.add(new Match(match.later(), match.earlier(), match.similarity(),
                        relations.classify(match.later(), earlier, match.similarity())));
            }
        }
        return chosen;
    }

    /**
     * Whether the stored communiqué is older than one of the {@code linked} ones: by their dates when both are known,
     * otherwise by the order in which they were stored.
     */
    private boolean olderThanALinked(int document, boolean[] linked) {
        LocalDate date = documents.get(document).date();
        for (int other = 0; other < linked.length; other++) {
            if (!linked[other]) {
                continue;
            }
            LocalDate otherDate = documents.get(other).date();
            if (date != null && otherDate != null ? date.isBefore(otherDate) : document < other) {
                return true;
            }
        }
        return false;
    }

    /** Whether a communiqué between the stored commitment's and the later one's has already linked to it. */
    private boolean carried(Stored entry, String documentId, LocalDate date) {
        IntList carriers = entry.carriers();
        for (int c = 0; c < carriers.size(); c++) {
            StoredDocument carrier = documents.get(carriers.get(c));
            if (!carrier.id().equals(documentId) && !after(carrier.date(), date)) {
                return true;
            }
        }
        return false;
    }

    /** A token's weight grows with the logarithm of its count: a word said twice is not twice the pledge. */
    private static double tf(int count) {
        return 1 + Math.log(count);
    }

    /**
     * TF-IDF weights for linking one later communiqué. Document frequencies are over the stored commitments and the
     * later communiqué's own, so that a small index (the first communiqués of a series) still tells the words of
     * the series' every sentence from rare ones. IDFs and the stored commitments' norms are computed once per link.
     */
    private final class Weights {
        private final Map<String, Integer> batch = new HashMap<>();
        private final double[] idfs = new double[postings.size()];
        private final double[] squaredNorms = new double[stored.size()];
        private final int total;

        Weights(List<LineageCommitment> later) {
            for (LineageCommitment commitment : later) {
                new HashSet<>(tokens.tokens(commitment.text())).forEach(t -> batch.merge(t, 1, Integer::sum));
            }
            total = stored.size() + later.size();
            Arrays.fill(idfs, Double.NaN);
        }

        double idf(String token, Integer term) {
            return term == null ? smoothed(batch.getOrDefault(token, 0)) : idf(term);
        }

        double idf(int term) {
            if (Double.isNaN(idfs[term])) {
                idfs[term] = smoothed(postings.get(term).size() + batch.getOrDefault(termTexts.get(term), 0));
            }
            return idfs[term];
        }

        double squaredNorm(int ordinal) {
            if (squaredNorms[ordinal] == 0) {
                Stored entry = stored.get(ordinal);
                double sum = 0;
                for (int k = 0; k < entry.terms().length; k++) {
                    double weight = tf(entry.frequencies()[k]) * idf(entry.terms()[k]);
                    sum += weight * weight;
                }
                squaredNorms[ordinal] = sum;
            }
            return squaredNorms[ordinal];
        }

        private double smoothed(int documentFrequency) {
            return Math.log((total + 1.0) / (documentFrequency + 1.0)) + 1.0;
        }
    }

    private static boolean after(LocalDate candidate, LocalDate reference) {
        return candidate != null && reference != null && candidate.isAfter(reference);
    }

    private static Set<String> keys(LineageCommitment commitment) {
        Set<String> keys = new HashSet<>();
        commitment.parties().forEach(p -> keys.add("party:" + p));
        commitment.organisations().forEach(o -> keys.add("organisation:" + o));
        return keys;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        for (String key : a) {
            if (b.contains(key)) {
                return false;
            }
        }
        return true;
    }

    private record StoredDocument(String id, LocalDate date, Set<String> keys) {
    }

    /** A stored commitment: its distinct terms with their counts, and the communiqués that have linked to it. */
    private record Stored(LineageCommitment commitment, int[] terms, int[] frequencies, IntList carriers) {
    }

    private record Match(LineageCommitment later, int earlier, double similarity, Relation relation) {
        CommitmentLink link(LineageCommitment to) {
            return new CommitmentLink(later, to, relation, similarity);
        }
    }

    /** A growable list of ints, so postings of a large index hold no boxed integers. */
    private static final class IntList {
        private int[] items = new int[4];
        private int size;

        void add(int value) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = value;
        }

        int get(int index) {
            return items[index];
        }

        int size() {
            return size;
        }

        boolean contains(int value) {
            for (int i = 0; i < size; i++) {
                if (items[i] == value) {
                    return true;
                }
            }
            return false;
        }

        void clear() {
            size = 0;
        }
    }
}
