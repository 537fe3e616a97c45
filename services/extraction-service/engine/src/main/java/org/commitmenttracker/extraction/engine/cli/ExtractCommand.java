package org.commitmenttracker.extraction.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.commitmenttracker.extraction.engine.CommuniqueAnalysis;
import org.commitmenttracker.extraction.engine.CommuniqueAnalyzer;
import org.commitmenttracker.extraction.engine.SourceDocument;

/**
 * {@code extract FILE [--format json|table] [--date YYYY-MM-DD]}: analyses one communiqué (UTF-8 text) and
 * prints the analysis. {@code --date} is the publication date, used where the text gives no date of its own.
 * Exit 0 on success, 2 with a message on standard error when the arguments or the input are unusable.
 */
public final class ExtractCommand {
    static final int OK = 0;
    static final int UNUSABLE_INPUT = 2;
    private static final String USAGE = "usage: extract FILE [--format json|table] [--date YYYY-MM-DD]";

    private ExtractCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String file = null;
        String format = "json";
        LocalDate date = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--format" -> format = value(args, ++i, "--format");
                    case "--date" -> date = LocalDate.parse(value(args, ++i, "--date"));
                    default -> {
                        if (args[i].startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        file = args[i];
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("no input file");
            }
            if (!format.equals("json") && !format.equals("table")) {
                throw new IllegalArgumentException("unknown format " + format + " (json or table)");
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("extract: " + e.getMessage());
            err.println(USAGE);
            return UNUSABLE_INPUT;
        }
        String text;
        try {
            text = read(Path.of(file));
        } catch (IOException e) {
            err.println("extract: cannot read " + file + ": " + reason(e));
            return UNUSABLE_INPUT;
        }
        String name = Path.of(file).getFileName().toString();
        CommuniqueAnalysis analysis = new CommuniqueAnalyzer().analyze(new SourceDocument(name, text, null, null, date));
        out.print(format.equals("json") ? AnalysisJson.write(analysis) : AnalysisTable.write(analysis));
        out.flush();
        return OK;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    /** The file as UTF-8 text; anything else (a directory, binary data, another encoding) is refused. */
    static String read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException("is a directory");
        }
        byte[] bytes = Files.readAllBytes(path);
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static String reason(IOException e) {
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }
}
