package org.commitmenttracker.extraction.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.commitmenttracker.extraction.engine.Commitment;
import org.commitmenttracker.extraction.engine.CommuniqueAnalysis;
import org.commitmenttracker.extraction.engine.CommuniqueAnalyzer;
import org.commitmenttracker.extraction.engine.DocumentMetadata;
import org.commitmenttracker.extraction.engine.SourceDocument;
import org.commitmenttracker.extraction.engine.lineage.CommitmentLink;
import org.commitmenttracker.extraction.engine.lineage.LineageCommitment;
import org.commitmenttracker.extraction.engine.lineage.LineageIndex;
import org.commitmenttracker.extraction.engine.lineage.LineageSettings;
import org.commitmenttracker.extraction.engine.lineage.LineageTokens;
import org.commitmenttracker.extraction.engine.scoring.GoldCommitments;

/**
 * {@code lineage FILE… [--format json] [--gold]}: extracts the commitments of each communiqué (UTF-8 text) and
 * links each to the earlier commitments of the other files that it repeats, renews or fulfils. The files are
 * linked in the order of the dates their texts state when every one states one, else in the order given.
 * {@code --gold} takes the commitments from each file's {@code NAME.gold.json} instead of extracting them.
 * Exit 0 on success, 2 with a message on standard error when the arguments or an input are unusable.
 */
public final class LineageCommand {
    private static final String USAGE = "usage: lineage FILE… [--format json] [--gold]";

    private LineageCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> files = new ArrayList<>();
        boolean gold = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--gold" -> gold = true;
                    case "--format" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("--format needs a value");
                        }
                        if (!args[++i].equals("json")) {
                            throw new IllegalArgumentException("unknown format " + args[i] + " (json)");
                        }
                    }
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        files.add(Path.of(args[i]));
                    }
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no input file");
            }
        } catch (IllegalArgumentException e) {
            err.println("lineage: " + e.getMessage());
            err.println(USAGE);
            return ExtractCommand.UNUSABLE_INPUT;
        }
        List<CommitmentLink> links;
        try {
            links = link(files, gold);
        } catch (UnreadableInput e) {
            err.println("lineage: " + e.getMessage());
            return ExtractCommand.UNUSABLE_INPUT;
        }
        out.print(LineageJson.write(links));
        out.flush();
        return ExtractCommand.OK;
    }

    /**
     * The links among the files' commitments, each commitment's {@code documentId} its file's name. With
     * {@code gold}, the commitments are those of {@code NAME.gold.json} beside each {@code NAME.txt}.
     */
    public static List<CommitmentLink> link(List<Path> files, boolean gold) throws UnreadableInput {
        return link(files, gold, LineageSettings.STANDARD);
    }

    /** {@link #link(List, boolean)} with other thresholds (to measure them). */
    public static List<CommitmentLink> link(List<Path> files, boolean gold, LineageSettings settings)
            throws UnreadableInput {
        List<Communique> communiques = new ArrayList<>();
        for (Path file : files) {
            communiques.add(gold ? fromGold(file) : extracted(file));
        }
        if (communiques.stream().allMatch(c -> c.date() != null)) {
            communiques.sort(Comparator.comparing(Communique::date));
        }
        LineageIndex index = new LineageIndex(LineageTokens.standard(), settings);
        List<CommitmentLink> links = new ArrayList<>();
        communiques.forEach(c -> links.addAll(index.register(c.commitments())));
        return links;
    }

    /** One input file's commitments and the date its text states (null when none). */
    private record Communique(LocalDate date, List<LineageCommitment> commitments) {
    }

    private static Communique extracted(Path file) throws UnreadableInput {
        String name = file.getFileName().toString();
        CommuniqueAnalysis analysis = new CommuniqueAnalyzer().analyze(SourceDocument.of(name, text(file)));
        DocumentMetadata document = analysis.document();
        List<LineageCommitment> commitments = analysis.commitments().stream()
                .map(c -> new LineageCommitment(name, document.date(), document.language(),
                        union(document.parties(), c.parties()), c.organisations(), c.kind(), c.id(), c.text()))
                .toList();
        return new Communique(document.date(), commitments);
    }

    private static Communique fromGold(Path file) throws UnreadableInput {
        String name = file.getFileName().toString();
        Path goldFile = file.resolveSibling(name.replaceFirst("\\.txt$", "") + ".gold.json");
        GoldCommitments gold;
        try {
            gold = GoldCommitments.read(goldFile);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableInput("cannot read " + goldFile + ": "
                    + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
        }
        DocumentMetadata document = new CommuniqueAnalyzer().readMetadata(SourceDocument.of(name, text(file)));
        LocalDate date = document.date() != null ? document.date() : gold.date();
        List<LineageCommitment> commitments = gold.commitments().stream()
                .map(c -> new LineageCommitment(name, date, gold.language(), union(gold.parties(), c.parties()),
                        c.organisations(), c.kind(), c.id(), c.text()))
                .toList();
        return new Communique(date, commitments);
    }

    private static String text(Path file) throws UnreadableInput {
        try {
            return ExtractCommand.read(file);
        } catch (IOException e) {
            throw new UnreadableInput("cannot read " + file + ": " + ExtractCommand.reason(e));
        }
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> union = new LinkedHashSet<>(a);
        union.addAll(b);
        return List.copyOf(union);
    }

    /** An input file that cannot be read, or whose gold file cannot. */
    public static final class UnreadableInput extends Exception {
        UnreadableInput(String message) {
            super(message);
        }
    }
}
