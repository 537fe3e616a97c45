package org.commitmenttracker.extraction.engine.language;

import java.util.List;
import java.util.regex.Pattern;

import org.commitmenttracker.extraction.engine.gazetteer.TopicTaxonomy;

/**
 * Everything the engine knows about one language: its script folding, punctuation, markers, cues, date forms and
 * topic keywords. The engine's rules are written once against this profile; a language is added by giving
 * its lexicon resources and, where its forms differ, its own {@link SectionNumbering} and {@link DateForms}.
 * {@code spacedWords}: the script writes spaces between words (English, Russian), so a space inside a line is
 * no layout artefact, and a clause needs a subject of its own (or a conjunction) to state a commitment.
 */
public record LanguageProfile(String code, Lexicon lexicon, ScriptFolding folding,
                              Punctuation punctuation, BulletMarkers bullets, SectionNumbering numbering,
                              ClauseOpenings openings, DateForms dates, TopicTaxonomy topics,
                              Pattern pageMarker, List<String> titleSuffixes, boolean spacedWords) {

    /** A line that is only a page marker: "— 1 —", "- 2 -", or the language's own form ("第 3 页"). */
    static Pattern pageMarker(Lexicon lexicon) {
        String space = "[ \\t]{0,3}";
        String dashed = "[\u2014\u2013\\-]" + space + "\\d{1,4}" + space + "[\u2014\u2013\\-]";
        if (lexicon.listOrEmpty("page.suffix").isEmpty()) {
            // Languages that write "Page 3" rather than "第 3 页".
            return lexicon.listOrEmpty("page.prefix").isEmpty() ? Pattern.compile(dashed)
                    : Pattern.compile(dashed + "|" + alternation(lexicon.list("page.prefix")) + space + "\\d{1,4}");
        }
        return Pattern.compile(dashed + "|"
                + alternation(lexicon.list("page.prefix")) + "?" + space + "\\d{1,4}" + space
                + alternation(lexicon.list("page.suffix")));
    }

    static String alternation(List<String> entries) {
        return entries.stream().map(Pattern::quote).reduce((a, b) -> a + "|" + b).map(a -> "(?:" + a + ")")
                .orElseThrow();
    }

    public String fold(String text) {
        return folding.fold(text);
    }

    public boolean endsWithTitleSuffix(String folded) {
        return titleSuffixes.stream().anyMatch(folded::endsWith);
    }
}
