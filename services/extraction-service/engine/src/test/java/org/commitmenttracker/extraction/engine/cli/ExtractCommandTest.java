package org.commitmenttracker.extraction.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.commitmenttracker.extraction.engine.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExtractCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ExtractCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsJsonInTheAgreedShapeByDefault() {
        int exit = run(Corpus.SAMPLES.resolve(Corpus.SEED + ".txt").toString());

        assertThat(exit).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.propertyNames()).containsExactly("document", "commitments", "signedInstruments");
        assertThat(json.get("document").propertyNames())
                .containsExactly("title", "language", "date", "parties", "signatories", "meeting");
        assertThat(json.get("document").get("date").asString()).isEqualTo("2022-12-05");
        JsonNode first = json.get("commitments").get(0);
        assertThat(first.propertyNames()).containsExactly("id", "kind", "section", "ordinal", "text", "start", "end",
                "parties", "instruments", "organisations", "topics", "timeExpressions");
        assertThat(json.get("commitments")).hasSize(104);
        assertThat(json.get("signedInstruments")).hasSize(14);
        JsonNode dated = json.get("commitments").valueStream().filter(c -> !c.get("timeExpressions").isEmpty())
                .findFirst().orElseThrow().get("timeExpressions").get(0);
        assertThat(dated.propertyNames()).containsExactly("text", "start", "end", "past", "sourceStart", "sourceEnd");
    }

    @Test
    void printsATableOnRequest() {
        int exit = run(Corpus.SAMPLES.resolve(Corpus.SEED + ".txt").toString(), "--format", "table");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("date:        2022-12-05")
                .contains("signed instruments (14):").contains("支持举办第七届中俄博览会。");
    }

    @Test
    void usesTheGivenDateWhereTheTextHasNone(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("note.txt"), "双方将于明年举行会晤。", StandardCharsets.UTF_8);

        assertThat(run(file.toString(), "--date", "2024-03-01")).isZero();

        JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("document").get("date").asString()).isEqualTo("2024-03-01");
        JsonNode commitment = json.get("commitments").get(0);
        assertThat(commitment.get("timeExpressions").get(0).get("start").asString()).isEqualTo("2025-01-01");
        assertThat(List.of(commitment.get("start").asInt(), commitment.get("end").asInt())).containsExactly(0, 11);
        JsonNode nextYear = commitment.get("timeExpressions").get(0);
        assertThat(List.of(nextYear.get("sourceStart").asInt(), nextYear.get("sourceEnd").asInt())).containsExactly(4, 6);
    }

    @Test
    void exitsWithTwoAndAClearMessageOnUnreadableInput(@TempDir Path dir) throws Exception {
        Path binary = Files.write(dir.resolve("scan.pdf"), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});

        for (List<String> args : List.of(List.of(dir.resolve("missing.txt").toString()), List.of(dir.toString()),
                List.of(binary.toString()))) {
            err.reset();
            assertThat(run(args.toArray(String[]::new))).as(args.toString()).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("extract: cannot read ");
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not UTF-8 text");
    }

    @Test
    void exitsWithTwoOnBadArguments() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("a.txt", "--format", "xml")).isEqualTo(2);
        assertThat(run("a.txt", "--date", "5 December")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: extract FILE");
        assertThat(out.size()).isZero();
    }
}
