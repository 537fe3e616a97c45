package org.commitmenttracker.extraction.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The engine is written for the genre, not for the seed: no run of six or more Chinese characters of the seed
 * may appear in its Java sources. Chinese entries live only in the lexicon and gazetteer resources.
 */
class GenreRulesOnlyTest {
    private static final int RUN = 6;
    private static final Path MAIN_SOURCES = Path.of("src/main/java");

    @Test
    void mainSourcesHoldNoPhraseOfTheSeed() throws IOException {
        Set<String> seedRuns = hanRuns(Corpus.seedText().replaceAll("\\s+", ""));
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String run : hanRuns(Files.readString(file, StandardCharsets.UTF_8))) {
                    if (seedRuns.contains(run)) {
                        found.add(file + ": " + run);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckFindsAPhraseOfTheSeed() {
        Set<String> seedRuns = hanRuns(Corpus.seedText().replaceAll("\\s+", ""));
        String planted = "String cue = \"支持举办第七届中俄博览会\";";

        assertThat(hanRuns(planted)).anyMatch(seedRuns::contains);
        assertThat(hanRuns("String cue = \"双方商定\";")).noneMatch(seedRuns::contains);
    }

    /** Every window of {@value RUN} consecutive Han characters. */
    private static Set<String> hanRuns(String text) {
        Set<String> runs = new HashSet<>();
        int runStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean han = i < text.length() && Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN;
            if (!han) {
                for (int start = runStart; start + RUN <= i; start++) {
                    runs.add(text.substring(start, start + RUN));
                }
                runStart = i + 1;
            }
        }
        return runs;
    }
}
