package org.commitmenttracker.extraction.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.commitmenttracker.extraction.engine.Commitment;
import org.commitmenttracker.extraction.engine.lineage.CommitmentLink;
import org.commitmenttracker.extraction.engine.lineage.LineageCommitment;
import org.commitmenttracker.extraction.engine.lineage.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lineage README's scoring rules on a constructed series (this test's own wording). */
class LineageScorerTest {
    @Test
    void countsRequiredLinksFoundMissedAndLinksToNoGoldOptionalOnesNeitherWay(@TempDir Path corpus) throws Exception {
        Files.writeString(corpus.resolve("a.gold.json"), """
                {"document": {"language": "en"}, "commitments": [{"id": "B001", "text": "open a joint laboratory;"}],
                 "narrative_commitments": [{"id": "N001", "text": "We will train two hundred nurses."},
                                           {"id": "N002", "text": "We will plant a million trees.", "optional": true}]}
                """, StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("b.gold.json"), """
                {"document": {"language": "en"}, "commitments": [],
                 "narrative_commitments": [{"id": "N001", "text": "We have opened the joint laboratory."},
                                           {"id": "N002", "text": "We will train three hundred more nurses."},
                                           {"id": "N003", "text": "We will keep planting trees."}]}
                """, StandardCharsets.UTF_8);
        Path lineage = Files.createDirectory(corpus.resolve("lineage"));
        Path links = Files.writeString(lineage.resolve("series.links.json"), """
                {"documents": ["a", "b"], "links": [
                  {"from": "b#N001", "to": "a#B001", "relation": "fulfils"},
                  {"from": "b#N002", "to": "a#N001", "relation": "renews"},
                  {"from": "b#N003", "to": "a#N002", "relation": "renews", "optional": true}]}
                """, StandardCharsets.UTF_8);
        List<CommitmentLink> system = List.of(
                // a longer narrative text containing the gold one, and the bullet without its separator
                link("b.txt", "We have opened the joint laboratory. It hosts forty researchers.", "a.txt", "open a joint laboratory", Relation.FULFILS),
                link("b.txt", "We will keep planting trees.", "a.txt", "We will plant a million trees.", Relation.REPEATS),
                link("b.txt", "We will keep planting trees.", "a.txt", "We will train two hundred nurses.", Relation.RENEWS));

        LineageScorer.LineageScore score = LineageScorer.score(links, system);

        assertThat(score.links()).isEqualTo(new Score.Retrieval(1, 2, 2));
        assertThat(score.byPair()).containsOnlyKeys("b -> a");
        assertThat(score.relations()).isEqualTo(new Score.Accuracy(1, 2));
        assertThat(score.missed()).singleElement().asString().startsWith("b#N002 a#N001");
        assertThat(score.extra()).singleElement().asString().contains("We will keep planting trees.");
        assertThat(score.missedByRelation()).containsExactly(entry("renews", 1));
        assertThat(score.extraByRelation()).containsExactly(entry("renews", 1));
    }

    private static CommitmentLink link(String laterFile, String later, String earlierFile, String earlier, Relation relation) {
        return new CommitmentLink(commitment(laterFile, later), commitment(earlierFile, earlier), relation, 0.5);
    }

    private static LineageCommitment commitment(String file, String text) {
        return new LineageCommitment(file, null, "en", List.of(), List.of(), Commitment.Kind.NARRATIVE, "x", text);
    }
}
