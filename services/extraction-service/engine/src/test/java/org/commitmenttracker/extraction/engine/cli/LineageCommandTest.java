package org.commitmenttracker.extraction.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code lineage FILE… [--gold]} over two constructed statements (this test's own wording). */
class LineageCommandTest {
    private static final String EARLIER = """
            Joint Statement of Norway and South Africa

            Oslo, 5 June 2019

            We will build a joint electricity grid connecting the northern and southern provinces.
            We will award two hundred scholarships each year for students of marine biology.
            """;
    private static final String LATER = """
            Joint Statement of Norway and South Africa

            Cape Town, 9 June 2020

            We will continue building the joint electricity grid connecting the northern and southern provinces.
            We will open a consulate in each other's second city.
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsEachLaterCommitmentWithTheEarlierOneItCarries(@TempDir Path dir) throws Exception {
        Path earlier = write(dir, "no-za-2019.txt", EARLIER);
        Path later = write(dir, "no-za-2020.txt", LATER);

        // given in the wrong order: the dates the texts state put them right
        int status = run(later.toString(), earlier.toString(), "--format", "json");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode links = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8)).get("links");
        assertThat(links).hasSize(1);
        JsonNode link = links.get(0);
        assertThat(link.get("from").get("file").asString()).isEqualTo("no-za-2020.txt");
        assertThat(link.get("from").get("text").asString()).contains("continue building the joint electricity grid");
        assertThat(link.get("from").get("kind").asString()).isEqualTo("narrative");
        assertThat(link.get("from").get("id").asString()).startsWith("cmt-");
        assertThat(link.get("to").get("file").asString()).isEqualTo("no-za-2019.txt");
        assertThat(link.get("to").get("text").asString()).contains("build a joint electricity grid");
        assertThat(link.get("relation").asString()).isEqualTo("renews");
        assertThat(link.get("similarity").asDouble()).isBetween(0.3, 1.0);
    }

    @Test
    void goldTakesTheCommitmentsAndTheirIdsFromTheGoldFiles(@TempDir Path dir) throws Exception {
        Path earlier = write(dir, "no-za-2019.txt", EARLIER);
        Path later = write(dir, "no-za-2020.txt", LATER);
        write(dir, "no-za-2019.gold.json", """
                {"document": {"language": "en", "date": "2019-06-05", "parties": ["NO", "ZA"]}, "commitments": [],
                 "narrative_commitments": [{"id": "N001", "text": "We will build a joint electricity grid connecting the northern and southern provinces."}]}
                """);
        write(dir, "no-za-2020.gold.json", """
                {"document": {"language": "en", "date": "2020-06-09", "parties": ["NO", "ZA"]},
                 "commitments": [{"id": "B001", "text": "build the joint electricity grid connecting the northern and southern provinces"}],
                 "narrative_commitments": []}
                """);

        int status = run(earlier.toString(), later.toString(), "--gold");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode link = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8)).get("links").get(0);
        assertThat(link.get("from").get("id").asString()).isEqualTo("B001");
        assertThat(link.get("from").get("kind").asString()).isEqualTo("bullet");
        assertThat(link.get("to").get("id").asString()).isEqualTo("N001");
        assertThat(link.get("relation").asString()).isEqualTo("repeats");
    }

    @Test
    void refusesMissingInputsAndUnknownOptionsWithStatusTwo(@TempDir Path dir) throws Exception {
        Path earlier = write(dir, "no-za-2019.txt", EARLIER);

        assertThat(run(dir.resolve("absent.txt").toString())).isEqualTo(ExtractCommand.UNUSABLE_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("lineage: cannot read").contains("no such file");
        assertThat(run(earlier.toString(), "--gold")).isEqualTo(ExtractCommand.UNUSABLE_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no-za-2019.gold.json");
        assertThat(run(earlier.toString(), "--format", "table")).isEqualTo(ExtractCommand.UNUSABLE_INPUT);
        assertThat(run()).isEqualTo(ExtractCommand.UNUSABLE_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: lineage FILE…");
        assertThat(out.size()).isZero();
    }

    private int run(String... args) {
        return LineageCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
