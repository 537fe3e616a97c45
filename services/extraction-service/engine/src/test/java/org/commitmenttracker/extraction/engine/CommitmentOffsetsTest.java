package org.commitmenttracker.extraction.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every commitment and time expression carries {@code [start, end)} offsets into the text as ingested: the
 * source there, whitespace ignored, is the commitment's text (a narrative one's span may hold more of its
 * sentence) and the expression's, whatever the layout: PDF wraps, CRLF and form feeds, wire copy.
 */
class CommitmentOffsetsTest {
    private static final Path CONSTRUCTED = Path.of("src/test/resources/gold");

    static Stream<Arguments> texts() throws IOException {
        String seed = Corpus.seedText();
        return Stream.of(
                Arguments.of("seed as published", seed),
                Arguments.of("seed, CRLF and form feeds", seed.replace("— 1 —", "\f").replace("\n", "\r\n")),
                Arguments.of("seed, newlines collapsed", seed.replace('\n', ' ')),
                Arguments.of("constructed English", Files.readString(CONSTRUCTED.resolve("en-brics-constructed-2024.txt"))),
                Arguments.of("constructed English as Markdown", "# " + Files.readString(CONSTRUCTED.resolve("en-brics-constructed-2024.txt"))
                        .replaceFirst("\n", "\n\n**").replaceFirst("\n", "**\n")),
                Arguments.of("constructed Russian", Files.readString(CONSTRUCTED.resolve("ru-cn-ru-constructed-2024.txt"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void locatesEveryCommitmentAndTimeExpressionInTheSource(String rendering, String text) {
        CommuniqueAnalysis analysis = new CommuniqueAnalyzer().analyze(SourceDocument.of("offsets", text));

        assertThat(analysis.commitments()).as(rendering).isNotEmpty();
        assertThat(misplaced(analysis, text)).as(rendering).isEmpty();
    }

    @Test
    void spansTheLineWrapsInsideACommitment() {
        String seed = Corpus.seedText();
        List<Commitment> commitments = new CommuniqueAnalyzer().analyze(SourceDocument.of("offsets", seed)).commitments();

        assertThat(commitments).anyMatch(c -> seed.substring(c.start(), c.end()).contains("\n"));
        assertThat(commitments).allMatch(c -> !Character.isWhitespace(seed.charAt(c.start()))
                && !Character.isWhitespace(seed.charAt(c.end() - 1)));
    }

    @Test
    void locatesThemInEveryDevelopmentCorpusText() throws IOException {
        List<String> misplaced = new ArrayList<>();
        for (Path gold : Corpus.developmentGold()) {
            Path file = gold.resolveSibling(gold.getFileName().toString().replace(".gold.json", ".txt"));
            String text = Files.readString(file, StandardCharsets.UTF_8);
            misplaced(new CommuniqueAnalyzer().analyze(SourceDocument.of(file.getFileName().toString(), text)), text)
                    .forEach(m -> misplaced.add(file.getFileName() + ": " + m));
        }

        assertThat(misplaced).isEmpty();
    }

    /** Each commitment or time expression whose offsets do not point at its text, with what they point at. */
    private static List<String> misplaced(CommuniqueAnalysis analysis, String source) {
        List<String> misplaced = new ArrayList<>();
        for (Commitment commitment : analysis.commitments()) {
            String text = CommitmentIds.normalise(commitment.text());
            boolean inRange = 0 <= commitment.start() && commitment.start() < commitment.end()
                    && commitment.end() <= source.length();
            String located = inRange ? CommitmentIds.normalise(source.substring(commitment.start(), commitment.end())) : "";
            boolean found = commitment.kind() == Commitment.Kind.BULLET ? located.equals(text) : located.contains(text);
            if (!found) {
                misplaced.add(commitment.kind().label() + " #" + commitment.ordinal() + " [" + commitment.start() + ", "
                        + commitment.end() + ") is '" + located + "', not '" + text + "'");
            }
            for (TimeSpan time : commitment.timeExpressions()) {
                boolean inside = commitment.start() <= time.sourceStart() && time.sourceStart() < time.sourceEnd()
                        && time.sourceEnd() <= commitment.end();
                String at = inside ? CommitmentIds.normalise(source.substring(time.sourceStart(), time.sourceEnd())) : "";
                if (!at.equals(CommitmentIds.normalise(time.text()))) {
                    misplaced.add("time expression of #" + commitment.ordinal() + " [" + time.sourceStart() + ", "
                            + time.sourceEnd() + ") is '" + at + "', not '" + time.text() + "'");
                }
            }
        }
        return misplaced;
    }
}
