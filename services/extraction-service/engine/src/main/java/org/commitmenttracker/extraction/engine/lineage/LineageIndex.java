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
 * They are scored by TF-IDF cosine, the IDF taken from the index as it stands. A later commitment links to the
 * candidates at or above the threshold and within {@link LineageSettings#relativeToBest()} of its best one, at
 * most {@link LineageSettings#maxLinks()}.
 * <p>
 * The series is chained: an earlier commitment that a communiqué registered since has already linked to (it
 * carries the undertaking) is not linked again from a later one; the later one links to the carrier instead.
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
            for (LineageCommitment commitment : commitments) {
                matches.addAll(matchesOf(commitment, admissible, documentId, date, touched, weights));
            }
        });
        return matches;
    }

    /**
     * The candidates are the admissible stored commitments sharing a token with {@code later} that is not common
     * (in more than {@link #COMMON_SHARE} of a large index): a pair sharing only common tokens cannot reach the
     * threshold, and the postings of common tokens are what would make a large index slow. Each candidate's
     * cosine is then computed exactly, over all tokens.
     */
    private List<Match> matchesOf(LineageCommitment later, boolean[] admissible, String documentId, LocalDate date,
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
            double similarity = dot / Math.sqrt(queryNorm * weights.squaredNorm(candidate));
            if (similarity >= settings.threshold() && !carried(entry, documentId, date)) {
                scored.add(new Match(later, candidate, similarity, null));
            }
        }
        scored.sort(Comparator.comparingDouble(Match::similarity).reversed().thenComparingInt(Match::earlier));
        List<Match> chosen = new ArrayList<>();
        for (Match candidate : scored) {
            if (chosen.size() == settings.maxLinks()
                    || candidate.similarity() < settings.relativeToBest() * scored.get(0).similarity()) {
                break;
            }
            LineageCommitment earlier = stored.get(candidate.earlier()).commitment();
            chosen.add(new Match(later, candidate.earlier(), candidate.similarity(),
                    relations.classify(later, earlier, candidate.similarity())));
        }
        return chosen;
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
