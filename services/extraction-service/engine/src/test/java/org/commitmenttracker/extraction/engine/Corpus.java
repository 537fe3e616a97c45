package org.commitmenttracker.extraction.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The texts the engine's tests read. The seed communiqué and its gold are the project's own sample
 * ({@code samples/}, system property {@code samples.dir}); the development corpus stays outside the project
 * ({@code ../shared/corpus}, system property {@code corpus.dir}). Tests over the corpus call
 * {@link #requireDevelopmentCorpus()}: skipped with a message naming the folder when it is absent, failed instead
 * when {@code corpus.required=true} (CI), so a missing corpus is never silently skipped there.
 */
public final class Corpus {
    public static final Path SAMPLES = Path.of(System.getProperty("samples.dir", "../../../samples"));
    public static final Path DIR = Path.of(System.getProperty("corpus.dir", "../../../../shared/corpus"));
    public static final String SEED = "zh-cn-ru-pm27-2022";

    private Corpus() {
    }

    /** The seed's gold, from the project's sample. */
    public static Path seedGold() {
        return SAMPLES.resolve(SEED + ".gold.json");
    }

    /** The seed communiqué's text, from the project's sample. */
    public static String seedText() {
        return read(SAMPLES.resolve(SEED + ".txt"));
    }

    /** The development corpus folder; skips the calling test when it is absent (fails it when required). */
    public static Path requireDevelopmentCorpus() {
        String message = "development corpus not found at " + DIR.toAbsolutePath().normalize()
                + " (set -Dcorpus.dir=FOLDER; the tests over it are skipped)";
        if (!Files.isDirectory(DIR)) {
            if (Boolean.getBoolean("corpus.required")) {
                throw new AssertionError(message.replace("the tests over it are skipped", "corpus.required=true"));
            }
            Assumptions.abort(message);
        }
        return DIR;
    }

    /** Every {@code *.gold.json} of the development corpus, by name; skips when the corpus is absent. */
    public static List<Path> developmentGold() {
        try (Stream<Path> files = Files.list(requireDevelopmentCorpus())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".gold.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A development-corpus text by name; skips when the corpus is absent. */
    public static String text(String name) {
        return read(requireDevelopmentCorpus().resolve(name + ".txt"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
