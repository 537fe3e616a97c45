package org.commitmenttracker.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./dev up --demo}: posts the project's sample communiqué and waits until the registry holds its commitments,
 * so the first thing a new user sees is a filled dashboard and the count of what was registered.
 */
final class DemoLoader {
    static final Path SAMPLE = Path.of("samples", "zh-cn-ru-pm27-2022.txt");
    private static final Duration REGISTRATION_WAIT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int ingestionPort;
    private final int extractionPort;
    private final int registryPort;
    private final String token;

    DemoLoader(int ingestionPort, int extractionPort, int registryPort, String publisherAndReaderToken) {
        this.ingestionPort = ingestionPort;
        this.extractionPort = extractionPort;
        this.registryPort = registryPort;
        this.token = publisherAndReaderToken;
    }

    void load(Path sample) throws IOException, InterruptedException {
        if (!Files.exists(sample)) {
            System.out.println("Demo: " + sample + " not found, nothing loaded.");
            return;
        }
        HttpResponse<String> posted = http.send(request(ingestionPort, "/api/communiques")
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofFile(sample)).build(), HttpResponse.BodyHandlers.ofString());
        if (posted.statusCode() != 200 && posted.statusCode() != 201) {
            System.out.println("Demo: posting " + sample.getFileName() + " was refused: " + posted.statusCode() + " "
                    + posted.body());
            return;
        }
        JsonNode communique = json.readTree(posted.body());
        String documentId = communique.get("id").asString();
        System.out.println("Demo: posted " + sample.getFileName() + " → " + posted.statusCode() + " "
                + "/api/communiques/" + documentId + " (" + communique.path("title").asString("untitled") + ")");
        long deadline = System.nanoTime() + REGISTRATION_WAIT.toNanos();
        JsonNode analysis = await(deadline, extractionPort, "/api/analyses/" + documentId);
        if (analysis == null) {
            System.out.println("Demo: not analysed within " + REGISTRATION_WAIT.toSeconds() + " s; see .devstack/logs/");
            return;
        }
        int extracted = analysis.path("commitments").size();
        String listPath = "/api/commitments?documentId=" + documentId + "&size=1&total=true";
        long registered = 0;
        while (System.nanoTime() < deadline && registered < extracted) {
            JsonNode page = await(deadline, registryPort, listPath);
            registered = page == null ? registered : page.path("total").asLong(0);
            if (registered < extracted) {
                Thread.sleep(500);
            }
        }
        System.out.println("Demo: " + extracted + " commitments extracted, " + registered + " registered ("
                + "http://127.0.0.1:" + registryPort + listPath.replace("&size=1&total=true", "") + ")");
    }

    /** The JSON answer of a GET once it is 200, or null at the deadline. */
    private JsonNode await(long deadline, int port, String path) throws IOException, InterruptedException {
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.send(request(port, path).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                return json.readTree(answer.body());
            }
            Thread.sleep(500);
        }
        return null;
    }

    private HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }
}
