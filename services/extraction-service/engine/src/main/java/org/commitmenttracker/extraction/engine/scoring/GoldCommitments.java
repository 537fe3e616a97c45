package org.commitmenttracker.extraction.engine.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.extraction.engine.Commitment;

/**
 * The commitments of a gold file ({@code NAME.gold.json}), bullets then narrative ones, with what the lineage
 * needs of them, and its document's language, date and parties.
 */
public record GoldCommitments(String language, LocalDate date, List<String> parties, List<Item> commitments) {
    public GoldCommitments {
        parties = List.copyOf(parties);
        commitments = List.copyOf(commitments);
    }

    /** One gold commitment: its id ({@code B…}/{@code N…}), kind, text, parties, organisations, and whether optional. */
    public record Item(String id, Commitment.Kind kind, String text, List<String> parties, List<String> organisations,
                       boolean optional) {
        public Item {
            parties = List.copyOf(parties);
            organisations = List.copyOf(organisations);
        }

        /** Whether a system commitment's text stands for this one by the corpus matching rules. */
        public boolean matchedBy(String systemText) {
            return GoldScorer.matchesGold(kind, systemText, text);
        }
    }

    @SuppressWarnings("unchecked")
    public static GoldCommitments read(Path goldFile) throws IOException {
        Map<String, Object> gold = (Map<String, Object>) Json.parse(Files.readString(goldFile, StandardCharsets.UTF_8));
        Map<String, Object> document = (Map<String, Object>) gold.getOrDefault("document", Map.of());
        List<Item> items = new ArrayList<>();
        items(gold, "commitments", Commitment.Kind.BULLET, items);
        items(gold, "narrative_commitments", Commitment.Kind.NARRATIVE, items);
        Object date = document.get("date");
        return new GoldCommitments(String.valueOf(document.get("language")),
                date == null ? null : LocalDate.parse((String) date), strings(document.get("parties")), items);
    }

    @SuppressWarnings("unchecked")
    private static void items(Map<String, Object> gold, String key, Commitment.Kind kind, List<Item> items) {
        for (Map<String, Object> item : (List<Map<String, Object>>) gold.getOrDefault(key, List.of())) {
            items.add(new Item((String) item.get("id"), kind, (String) item.get("text"), strings(item.get("parties")),
                    strings(item.get("organisations")), Boolean.TRUE.equals(item.get("optional"))));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
