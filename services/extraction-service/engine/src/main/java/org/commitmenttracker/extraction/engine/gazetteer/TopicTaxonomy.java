package org.commitmenttracker.extraction.engine.gazetteer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.extraction.engine.language.Lexicon;

/** Topic slugs and the keywords that signal them, in the taxonomy's order (see docs/extraction.md). */
public final class TopicTaxonomy {
    /** Given to every commitment that names an international organisation. */
    public static final String MULTILATERAL = "multilateral";

    private final Map<String, List<String>> keywordsBySlug;

    private TopicTaxonomy(Map<String, List<String>> keywordsBySlug) {
        this.keywordsBySlug = keywordsBySlug;
    }

    public static TopicTaxonomy load(String resource) {
        Map<String, List<String>> keywordsBySlug = new LinkedHashMap<>();
        Lexicon.readLines(resource, line -> {
            String[] columns = line.split("\t");
            keywordsBySlug.put(columns[0].strip(), List.of(columns[1].strip().split("\\|")));
        });
        return new TopicTaxonomy(keywordsBySlug);
    }

    public List<String> topicsOf(String folded, boolean namesOrganisation) {
        List<String> topics = new ArrayList<>();
        keywordsBySlug.forEach((slug, keywords) -> {
            boolean multilateral = namesOrganisation && slug.equals(MULTILATERAL);
            if (multilateral || keywords.stream().anyMatch(folded::contains)) {
                topics.add(slug);
            }
        });
        return List.copyOf(topics);
    }
}
