package org.commitmenttracker.extraction.engine.language.zh;

import org.commitmenttracker.extraction.engine.gazetteer.Countries;
import org.commitmenttracker.extraction.engine.gazetteer.TopicTaxonomy;
import org.commitmenttracker.extraction.engine.language.LanguageProfile;
import org.commitmenttracker.extraction.engine.language.Lexicon;
import org.commitmenttracker.extraction.engine.language.ProfileParts;
import org.commitmenttracker.extraction.engine.language.ScriptFolding;

/** Chinese, Simplified and Traditional: the lexicons under {@code language/zh/} plus Chinese numbering and dates. */
public final class ChineseProfile {
    private static final String DIR = "language/zh/";

    private ChineseProfile() {
    }

    public static LanguageProfile create(Countries countries) {
        Lexicon lexicon = Lexicon.load(DIR + "lexicon.txt");
        return ProfileParts.assemble("zh", lexicon,
                ScriptFolding.load(DIR + "traditional-simplified.txt"), countries,
                new ChineseSectionNumbering(lexicon.chars("section.separator"),
                        lexicon.single("section.ordinal-prefix"), lexicon.list("section.part-noun")), new ChineseDateForms(lexicon),
                TopicTaxonomy.load(DIR + "topics.tsv"));
    }
}
