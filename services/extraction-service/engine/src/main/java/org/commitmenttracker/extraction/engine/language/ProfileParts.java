package org.commitmenttracker.extraction.engine.language;

import org.commitmenttracker.extraction.engine.gazetteer.Countries;
import org.commitmenttracker.extraction.engine.gazetteer.TopicTaxonomy;

/** Builds a {@link LanguageProfile} from a lexicon and the parts a language supplies itself. */
public final class ProfileParts {
    private ProfileParts() {
    }

    public static LanguageProfile assemble(String code, Lexicon lexicon, ScriptFolding folding,
                                           Countries countries, SectionNumbering numbering, DateForms dates,
                                           TopicTaxonomy topics) {
        Punctuation punctuation = new Punctuation(lexicon);
        boolean spacedWords = lexicon.has("script.spaced-words");
        return new LanguageProfile(code, lexicon, folding, punctuation, new BulletMarkers(lexicon), numbering,
                new ClauseOpenings(lexicon, punctuation, countries, spacedWords), dates, topics,
                LanguageProfile.pageMarker(lexicon), lexicon.longestFirst("title.suffix"), spacedWords);
    }
}
