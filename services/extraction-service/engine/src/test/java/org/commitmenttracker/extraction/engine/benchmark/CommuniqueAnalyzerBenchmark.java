package org.commitmenttracker.extraction.engine.benchmark;

import java.util.Collections;
import java.util.concurrent.TimeUnit;

import org.commitmenttracker.extraction.engine.CommuniqueAnalysis;
import org.commitmenttracker.extraction.engine.CommuniqueAnalyzer;
import org.commitmenttracker.extraction.engine.Corpus;
import org.commitmenttracker.extraction.engine.SourceDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Single-threaded analysis of the seed communiqué (22 KB) and of the seed repeated to about one megabyte, to
 * check that cost is linear in size. Sample mode reports the median (p0.50); {@code -prof gc} the bytes
 * allocated per analysis (gc.alloc.rate.norm). Run as described in docs/extraction.md, never by the tests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public class CommuniqueAnalyzerBenchmark {
    /** How many copies of the seed make the document: 1 is the seed itself, 46 about one megabyte. */
    @Param({"1", "46"})
    public int copies;

    private final CommuniqueAnalyzer analyzer = new CommuniqueAnalyzer();
    private SourceDocument document;

    @Setup
    public void readSeed() {
        String seed = Corpus.seedText();
        document = SourceDocument.of("benchmark", String.join("\n", Collections.nCopies(copies, seed)));
    }

    @Benchmark
    public CommuniqueAnalysis analyze() {
        return analyzer.analyze(document);
    }
}
