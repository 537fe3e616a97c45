package org.commitmenttracker.extraction.engine.gazetteer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.commitmenttracker.extraction.engine.language.Lexicon;

/** Topic slugs and the keywords that signal them, in the taxonomy's order (see docs/extraction.md). */
public final class TopicTaxonomy {
    /** Given to every commitment that names an international organisation. */
    public static final String MULTILATERAL = "multilateral";

    private final Map<String, List<String>> keywordsBySlug;
    private final boolean words;

    private TopicTaxonomy(Map<String, List<String>> keywordsBySlug, boolean words) {
        this.keywordsBySlug = keywordsBySlug;
        this.words = words;
    }

    public static TopicTaxonomy load(String resource) {
        return load(resource, false);
    }

    /**
     * {@code words}: keywords of a spaced script are stems matched at the start of a word, ignoring case
     * ("educat" finds "Education", "space" is not read in "aerospace").
     */
    public static TopicTaxonomy load(String resource, boolean words) {
        Map<String, List<String>> keywordsBySlug = new LinkedHashMap<>();
        Lexicon.readLines(resource, line -> {
            String[] columns = line.split("\t");
            List<String> keywords = List.of(columns[1].strip().split("\\|"));
            keywordsBySlug.put(columns[0].strip(), words ? keywords.stream().map(k -> k.strip().toLowerCase(Locale.ROOT)).toList() : keywords);
        });
        return new TopicTaxonomy(keywordsBySlug, words);
    }

    public List<String> topicsOf(String text, boolean namesOrganisation) {
        String folded = words ? text.toLowerCase(Locale.ROOT) : text;
        List<String> topics = new ArrayList<>();
        keywordsBySlug.forEach((slug, keywords) -> {
            boolean multilateral = namesOrganisation && slug.equals(MULTILATERAL);
            if (multilateral || keywords.stream().anyMatch(k -> words ? atWordStart(folded, k) : folded.contains(k))) {
                topics.add(slug);
            }
        });
        return List.copyOf(topics);
    }

    private static boolean atWordStart(String lower, String keyword) {
        for (int at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
            if (at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1))) {
                return true;
            }
        }
        return false;
    }
}
