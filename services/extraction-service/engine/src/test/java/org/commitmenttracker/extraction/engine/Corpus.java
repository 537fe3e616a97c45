package org.commitmenttracker.extraction.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared corpus, found through the {@code corpus.dir} system property the build sets. */
public final class Corpus {
    public static final Path DIR = Path.of(System.getProperty("corpus.dir", "../../../../shared/corpus"));
    public static final String SEED = "zh-cn-ru-pm27-2022";

    private Corpus() {
    }

    public static Path gold(String name) {
        return DIR.resolve(name + ".gold.json");
    }

    public static String text(String name) {
        try {
            return Files.readString(DIR.resolve(name + ".txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
