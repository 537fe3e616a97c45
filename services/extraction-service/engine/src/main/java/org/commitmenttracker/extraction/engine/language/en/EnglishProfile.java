package org.commitmenttracker.extraction.engine.language.en;

import org.commitmenttracker.extraction.engine.gazetteer.Countries;
import org.commitmenttracker.extraction.engine.gazetteer.TopicTaxonomy;
import org.commitmenttracker.extraction.engine.language.LanguageProfile;
import org.commitmenttracker.extraction.engine.language.Lexicon;
import org.commitmenttracker.extraction.engine.language.ProfileParts;
import org.commitmenttracker.extraction.engine.language.ScriptFolding;
import org.commitmenttracker.extraction.engine.language.alphabetic.AlphabeticDateForms;
import org.commitmenttracker.extraction.engine.language.alphabetic.AlphabeticSectionNumbering;

/** English: the lexicons under {@code language/en/}, numbered paragraphs and Roman parts, English dates. */
public final class EnglishProfile {
    private static final String DIR = "language/en/";

    private EnglishProfile() {
    }

    public static LanguageProfile create(Countries countries) {
        Lexicon lexicon = Lexicon.load(DIR + "lexicon.txt");
        return ProfileParts.assemble("en", lexicon, ScriptFolding.load(DIR + "folding.txt"), countries,
                new AlphabeticSectionNumbering(), new AlphabeticDateForms(lexicon), TopicTaxonomy.load(DIR + "topics.tsv", true));
    }
}
