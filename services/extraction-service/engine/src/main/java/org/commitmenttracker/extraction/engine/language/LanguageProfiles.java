package org.commitmenttracker.extraction.engine.language;

import java.util.Map;
import java.util.Optional;

import org.commitmenttracker.extraction.engine.gazetteer.Countries;
import org.commitmenttracker.extraction.engine.language.en.EnglishProfile;
import org.commitmenttracker.extraction.engine.language.ru.RussianProfile;
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
        LanguageProfile english = EnglishProfile.create(countries);
        LanguageProfile russian = RussianProfile.create(countries);
        return new LanguageProfiles(Map.of(chinese.code(), chinese, english.code(), english, russian.code(), russian));
    }

    public Optional<LanguageProfile> forCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** A caller's language tag reduced to its language: "en-GB" → "en", "zh-Hant" → "zh", "RU" → "ru". */
    public static String normalise(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(java.util.Locale.ROOT);
        return primary.isEmpty() ? null : primary;
    }

    /**
     * The script of a text: "Hant" or "Hans" for Chinese (by the characters only one of the two writes, as the
     * Traditional-to-Simplified folding of {@code zh} knows them), "Cyrl" or "Latn" otherwise.
     */
    public String script(String text) {
        String language = detect(text);
        if (!language.equals("zh")) {
            return language.equals("ru") ? "Cyrl" : "Latn";
        }
        LanguageProfile chinese = byCode.get("zh");
        int sample = Math.min(text.length(), SAMPLE);
        String head = text.substring(0, sample);
        String folded = chinese.fold(head);
        int traditional = 0;
        for (int i = 0; i < sample; i++) {
            if (head.charAt(i) != folded.charAt(i)) {
                traditional++;
            }
        }
        return traditional * 50 >= Math.max(1, countHan(head)) ? "Hant" : "Hans";
    }

    private static int countHan(String text) {
        int han = 0;
        for (int i = 0; i < text.length(); i++) {
            han += Characters.isHan(text.charAt(i)) ? 1 : 0;
        }
        return han;
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
