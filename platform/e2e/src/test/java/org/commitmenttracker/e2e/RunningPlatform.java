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
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    static RunningPlatform start() {
        TestStack stack = TestStack.get();
        Path logs = Path.of("target", "e2e-logs").toAbsolutePath();
        RunningPlatform platform = new RunningPlatform();
        try {
            for (Service service : Service.values()) {
                int port = FreePorts.next();
                platform.ports.put(service, port);
                platform.processes.put(service, ServiceProcess.start(TestStack.projectRoot(), ServiceSpec.named(service.module),
                        port, stack.kafkaBootstrapServers(), stack.mongoUri(""), logs,
                        // The deadline watcher would mark the seed's 2023 meeting OVERDUE mid-test; its own IT covers it.
                        Map.of("TRACKER_OUTBOX_SWEEP_INTERVAL", "1s", "TRACKER_DEADLINES_INITIAL_DELAY", "1h")));
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

    HttpResponse<String> post(Service service, String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(service, path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(Service service, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(service, path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " → " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    boolean exists(Service service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(service, path)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 200;
    }

    JsonNode json(String body) {
        return json.readTree(body);
    }

    private URI uri(Service service, String path) {
        return URI.create("http://127.0.0.1:" + ports.get(service) + path);
    }

    @Override
    public void close() {
        List<ManagedProcess> running = List.copyOf(new LinkedHashMap<>(processes).values());
        running.forEach(ManagedProcess::close);
    }
}
