package org.commitmenttracker.extraction.engine.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of several documents micro-averaged: their counts summed, then the ratios taken, so a long
 * document weighs by its commitments rather than counting as one.
 */
public record Totals(String label, int documents, Score.Retrieval bullets, Score.Retrieval narrative,
                     Score.Accuracy sections, Score.Accuracy timeExpressions, Score.Accuracy instruments,
                     Score.Accuracy parties, Score.Accuracy organisations) {
    /** The languages a corpus report always shows, in this order, whether or not it has documents in them. */
    public static final List<String> LANGUAGES = List.of("zh-Hans", "zh-Hant", "en", "ru");

    public static Totals of(String label, Collection<Score> scores) {
        Score.Retrieval none = new Score.Retrieval(0, 0, 0);
        Score.Accuracy nothing = new Score.Accuracy(0, 0);
        Totals sum = new Totals(label, 0, none, none, nothing, nothing, nothing, nothing, nothing);
        for (Score score : scores) {
            sum = new Totals(label, sum.documents + 1, sum.bullets.plus(score.bullets()),
                    sum.narrative.plus(score.narrative()), sum.sections.plus(score.sections()),
                    sum.timeExpressions.plus(score.timeExpressions()), sum.instruments.plus(score.instruments()),
                    sum.parties.plus(score.parties()), sum.organisations.plus(score.organisations()));
        }
        return sum;
    }

    /** Totals per language: the {@link #LANGUAGES} first, then any other language the scores are in. */
    public static Map<String, Totals> byLanguage(List<Score> scores) {
        List<String> languages = new ArrayList<>(LANGUAGES);
        scores.stream().map(Score::language).filter(l -> !languages.contains(l)).distinct().forEach(languages::add);
        Map<String, Totals> totals = new LinkedHashMap<>();
        for (String language : languages) {
            totals.put(language, of(language, scores.stream().filter(s -> s.language().equals(language)).toList()));
        }
        return totals;
    }
}
