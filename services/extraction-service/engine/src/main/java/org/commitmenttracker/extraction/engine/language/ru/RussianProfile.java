package org.commitmenttracker.extraction.engine.language.ru;

import org.commitmenttracker.extraction.engine.gazetteer.Countries;
import org.commitmenttracker.extraction.engine.gazetteer.TopicTaxonomy;
import org.commitmenttracker.extraction.engine.language.LanguageProfile;
import org.commitmenttracker.extraction.engine.language.Lexicon;
import org.commitmenttracker.extraction.engine.language.ProfileParts;
import org.commitmenttracker.extraction.engine.language.ScriptFolding;
import org.commitmenttracker.extraction.engine.language.alphabetic.AlphabeticDateForms;
import org.commitmenttracker.extraction.engine.language.alphabetic.AlphabeticSectionNumbering;

/** Russian: the lexicons under {@code language/ru/}, Roman parts and numbered paragraphs, Russian dates. */
public final class RussianProfile {
    private static final String DIR = "language/ru/";

    private RussianProfile() {
    }

    public static LanguageProfile create(Countries countries) {
        Lexicon lexicon = Lexicon.load(DIR + "lexicon.txt");
        return ProfileParts.assemble("ru", lexicon, ScriptFolding.load(DIR + "folding.txt"), countries,
                new AlphabeticSectionNumbering(), new AlphabeticDateForms(lexicon), TopicTaxonomy.load(DIR + "topics.tsv", true));
    }
}
