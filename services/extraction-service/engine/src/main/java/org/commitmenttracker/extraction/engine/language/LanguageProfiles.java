package org.commitmenttracker.extraction.engine.language;

import java.util.Map;
import java.util.Optional;

import org.commitmenttracker.extraction.engine.gazetteer.Countries;
import org.commitmenttracker.extraction.engine.language.zh.ChineseProfile;
import org.commitmenttracker.extraction.engine.text.Characters;

/** The languages the engine reads, and which one a text is written in. */
public final class LanguageProfiles {
    private static final int SAMPLE = 4000;

    private final Map<String, LanguageProfile> byCode;

    private LanguageProfiles(Map<String, LanguageProfile> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    public static LanguageProfiles standard(Countries countries) {
        LanguageProfile chinese = ChineseProfile.create(countries);
        return new LanguageProfiles(Map.of(chinese.code(), chinese));
    }

    public Optional<LanguageProfile> forCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * "zh", "ru" or "en" by the script of the text's letters. A Han character carries a word, so it weighs as
     * much as the letters of a short alphabetic word.
     */
    public static String detect(String text) {
        int han = 0;
        int cyrillic = 0;
        int latin = 0;
        for (int i = 0; i < Math.min(text.length(), SAMPLE); i++) {
            char c = text.charAt(i);
            if (Characters.isHan(c)) {
                han++;
            } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
            } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                latin++;
            }
        }
        if (han * 4 >= cyrillic + latin && han > 0) {
            return "zh";
        }
        return cyrillic > latin ? "ru" : "en";
    }
}
