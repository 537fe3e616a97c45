package org.commitmenttracker.extraction.engine.lineage;

import java.util.HashSet;
import java.util.Set;

/**
 * The relation of a linked pair by the genre's cues: {@code fulfils} when the later text reports a result that
 * the earlier one did not (a completion cue of its language) and does not say that delivery is still going on
 * (an ongoing cue: "we have trained the first nurses and will go on" is delivery in progress, which renews);
 * {@code repeats} when the two are nearly the same (similarity at least the repeat threshold), the later states no
 * number the earlier lacks (a new target, amount or date is a new step) and no continuation cue ("continue",
 * "further") the earlier lacks; {@code renews} otherwise (the undertaking carried on).
 */
final class RelationClassifier {
    private final LineageTokens tokens;
    private final double repeatThreshold;

    RelationClassifier(LineageTokens tokens, double repeatThreshold) {
        this.tokens = tokens;
        this.repeatThreshold = repeatThreshold;
    }

    Relation classify(LineageCommitment later, LineageCommitment earlier, double similarity) {
        if (tokens.reportsCompletion(later.text(), later.language())
                && !tokens.reportsCompletion(earlier.text(), earlier.language())
                && !tokens.reportsOngoing(later.text(), later.language())) {
            return Relation.FULFILS;
        }
        boolean carriedOn = tokens.carriesOn(later.text(), later.language())
                && !tokens.carriesOn(earlier.text(), earlier.language());
        if (similarity >= repeatThreshold && !carriedOn && !statesNewNumber(later.text(), earlier.text())) {
            return Relation.REPEATS;
        }
        return Relation.RENEWS;
    }

    private boolean statesNewNumber(String later, String earlier) {
        Set<String> known = new HashSet<>(LineageTokens.numbers(tokens.normalise(earlier)));
        return !known.containsAll(LineageTokens.numbers(tokens.normalise(later)));
    }
}
