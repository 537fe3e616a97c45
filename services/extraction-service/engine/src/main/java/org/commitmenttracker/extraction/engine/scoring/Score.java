package org.commitmenttracker.extraction.engine.scoring;

import java.util.List;
import java.util.Map;

/**
 * How one analysis compares with its gold file. {@code language} is the group it is averaged in: {@code zh-Hans},
 * {@code zh-Hant}, {@code en}, {@code ru} (see {@link GoldScorer#languageOf}).
 */
public record Score(String name, String language, Retrieval bullets, Retrieval narrative, Accuracy signedInstruments, Accuracy sections,
                    Accuracy timeExpressions, Accuracy instruments, Accuracy parties, Accuracy organisations,
                    Map<String, Boolean> documentFields, List<String> mismatches) {

    /** Precision, recall and F1 of found items; matches of optional gold items count neither way. */
    public record Retrieval(int found, int extracted, int expected) {
        public Retrieval plus(Retrieval other) {
            return new Retrieval(found + other.found, extracted + other.extracted, expected + other.expected);
        }

        public double precision() {
            return extracted == 0 ? (expected == 0 ? 1 : 0) : (double) found / extracted;
        }

        public double recall() {
            return expected == 0 ? 1 : (double) found / expected;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Exact matches out of the items compared. */
    public record Accuracy(int correct, int total) {
        public Accuracy plus(Accuracy other) {
            return new Accuracy(correct + other.correct, total + other.total);
        }

        public double value() {
            return total == 0 ? 1 : (double) correct / total;
        }
    }

    public boolean documentExact() {
        return documentFields.values().stream().allMatch(Boolean::booleanValue);
    }
}
