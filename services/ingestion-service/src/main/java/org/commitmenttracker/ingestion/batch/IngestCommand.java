package org.commitmenttracker.ingestion.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Back-fills an archive: {@code ingest DIR [--url URL]} uploads every file under DIR (hidden ones aside) to a
 * running ingestion service, one by one, showing progress, then prints what was imported, what was already
 * there and what was rejected with the service's reason. The service decides what it accepts, so the
 * command sends every file and reports the answer.
 * The publisher's bearer token comes from {@code --token} or {@code $TRACKER_TOKEN} (locally:
 * {@code ./dev token --role publisher}). A file the service answers with 503 (every conversion slot busy) or 429 is
 * sent again after its {@code Retry-After} (capped), a few times, before it counts as rejected; an upload that gets no
 * answer within the request timeout stops the import like an unreachable service.
 * <p>Exit status: 0 all stored, 1 some rejected, 2 usage error, 3 service unreachable or stalled, 4 token refused.
 */
public final class IngestCommand {
    static final String USAGE = "usage: ingest DIR [--url URL] [--token JWT]   (URL defaults to $INGESTION_URL, else"
            + " http://127.0.0.1:8081; the token to $TRACKER_TOKEN)";
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "txt", "text/plain", "pdf", "application/pdf", "html", "text/html", "htm", "text/html",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final HttpClient http;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private final Patience patience;
    private final JsonMapper json = JsonMapper.builder().build();

    public IngestCommand(HttpClient http, PrintStream out, PrintStream err, boolean interactive) {
        this(http, out, err, interactive, Patience.DEFAULT);
    }

    IngestCommand(HttpClient http, PrintStream out, PrintStream err, boolean interactive, Patience patience) {
        this.http = http;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.patience = patience;
    }

    /**
     * How long one upload may take and how often a busy service is asked again.
     *
     * @param requestTimeout an upload's answer at most this long after it is sent (a PDF may wait 30 s for a conversion
     *                       slot, then convert for up to 30 s)
     * @param attempts       sends of one file while the service answers 503 or 429
     * @param longestWait    the longest wait between two sends, whatever {@code Retry-After} asks
     * @param defaultWait    the wait when the answer names none
     */
    record Patience(Duration requestTimeout, int attempts, Duration longestWait, Duration defaultWait) {
        static final Patience DEFAULT = new Patience(Duration.ofMinutes(2), 5, Duration.ofMinutes(2), Duration.ofSeconds(10));
    }

    public static void main(String[] args) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        System.exit(new IngestCommand(http, System.out, System.err, System.console() != null).run(args));
    }

    enum Outcome { IMPORTED, DUPLICATE, REJECTED, REFUSED }

    /** What happened to one file: the communiqué id when stored, the service's reason when rejected. */
    record Result(Path file, Outcome outcome, String detail) {
    }

    public int run(String... args) {
        Path dir = null;
        String url = System.getenv().getOrDefault("INGESTION_URL", "http://127.0.0.1:8081");
        String token = System.getenv("TRACKER_TOKEN");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--url") && i + 1 < args.length) {
                url = args[++i];
            } else if (args[i].equals("--token") && i + 1 < args.length) {
                token = args[++i];
            } else if (dir == null && !args[i].startsWith("--")) {
                dir = Path.of(args[i]);
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        if (dir == null || !Files.isDirectory(dir)) {
            err.println(dir == null ? USAGE : "ingest: " + dir + " is not a directory");
            return 2;
        }
        List<Path> files;
        try {
            files = filesUnder(dir);
        } catch (IOException e) {
            err.println("ingest: cannot list " + dir + ": " + e.getMessage());
            return 2;
        }
        URI endpoint = URI.create(url.replaceAll("/+$", "") + "/api/communiques");
        List<Result> results = new ArrayList<>();
        for (Path file : files) {
            try {
                Result result = upload(endpoint, token, dir, file);
                if (result.outcome() == Outcome.REFUSED) {
                    endProgress();
                    err.println("ingest: the service refused the token (" + result.detail() + "); pass a publisher's"
                            + " token with --token or TRACKER_TOKEN (locally: ./dev token --role publisher)");
                    return 4;
                }
                results.add(result);
            } catch (HttpTimeoutException e) {
                endProgress();
                err.println("ingest: " + endpoint + " did not answer " + dir.relativize(file) + " within "
                        + patience.requestTimeout().toSeconds() + " s; stopped after " + results.size() + " of "
                        + files.size() + " files");
                printSummary(results);
                return 3;
            } catch (IOException e) {
                endProgress();
                err.println("ingest: cannot reach " + endpoint + " (" + e + "); stopped after " + results.size()
                        + " of " + files.size() + " files");
                printSummary(results);
                return 3;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 3;
            }
            progress(results, files.size());
        }
        endProgress();
        printSummary(results);
        return results.stream().anyMatch(r -> r.outcome() == Outcome.REJECTED) ? 1 : 0;
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> !hidden(dir.relativize(p))).sorted().toList();
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private Result upload(URI endpoint, String token, Path dir, Path file) throws IOException, InterruptedException {
        Path relative = dir.relativize(file);
        String boundary = "----ingest-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String name = file.getFileName().toString().replace("\"", "");
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + mediaTypeOf(name) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(file));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(patience.requestTimeout())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token.strip().replaceFirst("^Bearer ", ""));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int attempt = 1; busy(response) && attempt < patience.attempts(); attempt++) {
            Duration wait = retryAfter(response);
            if (!interactive) {
                err.println("[busy] " + relative + ": " + response.statusCode() + ", sending it again in "
                        + wait.toSeconds() + " s");
            }
            Thread.sleep(wait.toMillis());
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        return switch (response.statusCode()) {
            case 201 -> new Result(relative, Outcome.IMPORTED, field(response.body(), "id"));
            case 200 -> new Result(relative, Outcome.DUPLICATE, field(response.body(), "id"));
            case 401, 403 -> new Result(relative, Outcome.REFUSED, String.valueOf(response.statusCode()));
            default -> new Result(relative, Outcome.REJECTED, response.statusCode() + " "
                    + (field(response.body(), "detail") != null ? field(response.body(), "detail") : response.body()));
        };
    }

    /** 503 (every conversion slot busy) and 429: the same upload may succeed later. */
    private static boolean busy(HttpResponse<?> response) {
        return response.statusCode() == 503 || response.statusCode() == 429;
    }

    /** {@code Retry-After} in seconds or as an HTTP date, at most the longest wait. */
    private Duration retryAfter(HttpResponse<?> response) {
        Duration asked = response.headers().firstValue("Retry-After").map(String::strip).map(value -> {
            try {
                return value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value))
                        : Duration.between(Instant.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException | ArithmeticException | NumberFormatException unreadable) {
                return null;
            }
        }).orElse(patience.defaultWait());
        if (asked.isNegative()) {
            return Duration.ZERO;
        }
        return asked.compareTo(patience.longestWait()) > 0 ? patience.longestWait() : asked;
    }

    private static String mediaTypeOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return MEDIA_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private String field(String body, String name) {
        try {
            JsonNode node = json.readTree(body).get(name);
            return node == null || node.isNull() ? null : node.asString();
        } catch (JacksonException notJson) {
            return null;
        }
    }

    /** A bar redrawn in place on a terminal; a line per file otherwise (logs, CI). */
    private void progress(List<Result> results, int total) {
        Result last = results.get(results.size() - 1);
        if (interactive) {
            int width = 30;
            int filled = total == 0 ? width : results.size() * width / total;
            err.print("\r[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + results.size() + "/" + total
                    + "  imported " + count(results, Outcome.IMPORTED) + ", duplicates " + count(results, Outcome.DUPLICATE)
                    + ", rejected " + count(results, Outcome.REJECTED) + "  ");
        } else {
            err.println("[" + results.size() + "/" + total + "] " + last.outcome().name().toLowerCase(Locale.ROOT) + " "
                    + last.file() + (last.detail() == null ? "" : " (" + last.detail() + ")"));
        }
    }

    private void endProgress() {
        if (interactive) {
            err.println();
        }
    }

    private void printSummary(List<Result> results) {
        out.println("imported:   " + count(results, Outcome.IMPORTED));
        out.println("duplicates: " + count(results, Outcome.DUPLICATE));
        out.println("rejected:   " + count(results, Outcome.REJECTED));
        for (Result result : results) {
            if (result.outcome() == Outcome.REJECTED) {
                out.println("  " + result.file() + ": " + result.detail());
            }
        }
    }

    private static long count(List<Result> results, Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
