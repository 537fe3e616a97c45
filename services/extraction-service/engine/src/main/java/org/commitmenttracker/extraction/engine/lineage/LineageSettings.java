package org.commitmenttracker.extraction.engine.lineage;

/**
 * The thresholds of linking, chosen on the development gold (docs/extraction.md, "Lineage").
 *
 * @param threshold           least TF-IDF cosine for a link
 * @param reciprocalThreshold least cosine for a link between two commitments that are each other's best match
 *                            between their communiqués
 * @param skipPenalty         added to both thresholds for a link to a communiqué older than one the later
 *                            communiqué links to at the threshold (the series is chained)
 * @param relativeToBest      a later commitment's links are those within this share of its best candidate's similarity
 * @param maxLinks            most earlier commitments one later commitment links to
 * @param repeatThreshold     least similarity at which a restatement that adds no new number is {@code repeats}
 */
public record LineageSettings(double threshold, double reciprocalThreshold, double skipPenalty, double relativeToBest,
                              int maxLinks, double repeatThreshold) {
    public static final LineageSettings STANDARD = new LineageSettings(0.36, 0.20, 0.20, 0.60, 2, 0.65);

    public LineageSettings {
        if (threshold <= 0 || threshold > 1 || reciprocalThreshold <= 0 || reciprocalThreshold > 1 || skipPenalty < 0
                || relativeToBest < 0 || relativeToBest > 1 || maxLinks < 1) {
            throw new IllegalArgumentException(
                    "threshold and reciprocalThreshold in (0, 1], skipPenalty >= 0, relativeToBest in [0, 1], maxLinks >= 1");
        }
    }

    public LineageSettings withThreshold(double value) {
        return new LineageSettings(value, reciprocalThreshold, skipPenalty, relativeToBest, maxLinks, repeatThreshold);
    }
}
