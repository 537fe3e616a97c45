package org.commitmenttracker.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.devstack.FreePorts;
import org.commitmenttracker.devstack.ManagedProcess;
import org.commitmenttracker.devstack.ServiceProcess;
import org.commitmenttracker.devstack.ServiceSpec;
import org.commitmenttracker.testsupport.TestStack;
import org.commitmenttracker.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The four service jars running as processes against the test stack, with a small HTTP client for them. */
final class RunningPlatform implements AutoCloseable {
    enum Service {
        INGESTION("ingestion-service"), EXTRACTION("extraction-service"), REGISTRY("commitment-registry-service"),
        NOTIFICATION("notification-service");

        final String module;

        Service(String module) {
            this.module = module;
        }
    }

    private final Map<Service, ManagedProcess> processes = new EnumMap<>(Service.class);
    private final Map<Service, ServiceProcess.Ports> ports = new EnumMap<>(Service.class);
    static final String OPERATOR = TestTokens.bearer("e2e-operator", List.of("operator", "reader"), null);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    static RunningPlatform start() {
        TestStack stack = TestStack.get();
        Path logs = Path.of("target", "e2e-logs").toAbsolutePath();
        RunningPlatform platform = new RunningPlatform();
        try {
            for (Service service : Service.values()) {
                ServiceProcess.Ports ports = new ServiceProcess.Ports(FreePorts.next(), FreePorts.next());
                platform.ports.put(service, ports);
                platform.processes.put(service, ServiceProcess.start(TestStack.projectRoot(), ServiceSpec.named(service.module),
                        ports, stack.kafkaBootstrapServers(), stack.mongoUri(""), TestTokens.publicKeyFile(), logs,
                        // The deadline watcher would mark the seed's 2023 meeting OVERDUE mid-test; its own IT covers it.
                        // The test's webhook receiver listens on plain http on loopback.
                        Map.of("TRACKER_OUTBOX_SWEEP_INTERVAL", "1s", "TRACKER_DEADLINES_INITIAL_DELAY", "1h",
                                "TRACKER_WEBHOOKS_ALLOW_INSECURE_LOOPBACK", "true",
                                "TRACKER_NOTIFICATION_SECRETS_KEY", TestTokens.SECRETS_KEY)));
            }
            for (Service service : Service.values()) {
                ServiceProcess.awaitReady(platform.processes.get(service), platform.ports.get(service), Duration.ofSeconds(180));
            }
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    /** A POST as the caller {@code authorization} (a {@link TestTokens} value; null: anonymous). */
    HttpResponse<String> post(Service service, String path, String contentType, String body, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(service, path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as an operator, who may read everything. */
    JsonNode get(Service service, String path) throws Exception {
        return get(service, path, OPERATOR);
    }

    JsonNode get(Service service, String path, String authorization) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(service, path))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " → " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    boolean exists(Service service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(service, path)).header("Authorization", OPERATOR).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    JsonNode json(String body) {
        return json.readTree(body);
    }

    private URI uri(Service service, String path) {
        return URI.create("http://127.0.0.1:" + ports.get(service).api() + path);
    }

    @Override
    public void close() {
        List<ManagedProcess> running = List.copyOf(new LinkedHashMap<>(processes).values());
        running.forEach(ManagedProcess::close);
    }
}
