package org.commitmenttracker.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.commitmenttracker.dashboard.DashboardApplication;
import org.commitmenttracker.devstack.FreePorts;
import org.commitmenttracker.devstack.IdentityProvider;
import org.commitmenttracker.devstack.ManagedProcess;
import org.commitmenttracker.devstack.ServiceProcess;
import org.commitmenttracker.devstack.ServiceSpec;
import org.commitmenttracker.testsupport.TestStack;
import org.commitmenttracker.testsupport.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four service jars as processes against the test stack (as platform/e2e runs them), the identity provider's
 * jar signing with the test key (so the services trust its tokens, as those of ./dev up trust its provider), and
 * the dashboard in this JVM pointed at them, with a small HTTP client for the services' APIs.
 */
final class DashboardPlatform implements AutoCloseable {
    /** The seed communiqué of samples/, which the browser tests upload. */
    static final Path SEED = Path.of(System.getProperty("samples.dir", "../../samples")).resolve("zh-cn-ru-pm27-2022.txt");
    enum Service {
        INGESTION("ingestion-service", "ingestion"), EXTRACTION("extraction-service", "extraction"),
        REGISTRY("commitment-registry-service", "registry"), NOTIFICATION("notification-service", "notification");

        final String module;
        final String dashboardName;

        Service(String module, String dashboardName) {
            this.module = module;
            this.dashboardName = dashboardName;
        }
    }

    static final String OPERATOR = TestTokens.bearer("dashboard-operator", List.of("operator", "reader"), null);
    private final Map<Service, ManagedProcess> processes = new EnumMap<>(Service.class);
    private final Map<Service, ServiceProcess.Ports> ports = new EnumMap<>(Service.class);
    private static final AtomicInteger STARTS = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Path identityData = Path.of("target", "identity-provider").toAbsolutePath();
    private ManagedProcess identityProvider;
    private int identityPort;
    private ConfigurableApplicationContext dashboard;

    static DashboardPlatform start() {
        TestStack stack = TestStack.get();
        Path logs = Path.of("target", "dashboard-it-logs").toAbsolutePath();
        DashboardPlatform platform = new DashboardPlatform();
        // Each test class's platform has databases of its own in the module's one store: what one class stored
        // (the seed, assignments, the thousand commitments of the performance test) is not in the next one's.
        String databasePrefix = "platform" + STARTS.incrementAndGet() + "-";
        try {
            Path jars = snapshotOfTheServiceJars();
            for (Service service : Service.values()) {
                ServiceProcess.Ports servicePorts = new ServiceProcess.Ports(FreePorts.next(), FreePorts.next());
                platform.ports.put(service, servicePorts);
                ServiceSpec spec = ServiceSpec.named(service.module);
                platform.processes.put(service, ServiceProcess.start(jars, spec,
                        servicePorts, stack.kafkaBootstrapServers(), stack.mongoUri(""), TestTokens.publicKeyFile(), logs,
                        // The deadline watcher would move the seed's 2023 milestones to OVERDUE mid-test (its own IT
                        // covers that); the performance test adds 896 commitments as one operator; the test's webhook
                        // receiver listens on plain http on loopback.
                        Map.of("MONGODB_URI", stack.mongoUri(databasePrefix + spec.database()),
                                "TRACKER_OUTBOX_SWEEP_INTERVAL", "1s", "TRACKER_DEADLINES_INITIAL_DELAY", "1h",
                                "TRACKER_SECURITY_RATE_LIMIT_WRITES_PER_SECOND", "100000",
                                "TRACKER_WEBHOOKS_ALLOW_INSECURE_LOOPBACK", "true",
                                "TRACKER_NOTIFICATION_SECRETS_KEY", TestTokens.SECRETS_KEY)));
            }
            for (Service service : Service.values()) {
                ServiceProcess.awaitReady(platform.processes.get(service), platform.ports.get(service), Duration.ofSeconds(240));
            }
            int dashboardPort = FreePorts.next();
            int identityPort = FreePorts.next();
            platform.identityPort = identityPort;
            // Fresh demo accounts each run (the provider writes them once per data directory).
            Files.deleteIfExists(IdentityProvider.accountsFile(platform.identityData));
            platform.identityProvider = IdentityProvider.start(TestStack.projectRoot(), platform.identityData,
                    TestTokens.signingKeyFile(), identityPort, URI.create("http://127.0.0.1:" + dashboardPort + "/"), logs);
            IdentityProvider.awaitReady(platform.identityProvider, identityPort, Duration.ofSeconds(240));
            List<String> arguments = new ArrayList<>(List.of("--server.port=" + dashboardPort, "--management.server.port=0",
                    "--tracker.dashboard.sign-in.issuer=" + IdentityProvider.issuer(identityPort)));
            for (Service service : Service.values()) {
                arguments.add("--tracker.dashboard." + service.dashboardName + "-url=" + platform.url(service));
            }
            platform.dashboard = new SpringApplicationBuilder(DashboardApplication.class).run(arguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        } catch (IOException e) {
            platform.close();
            throw new UncheckedIOException(e);
        }
        return platform;
    }

    /**
     * Copies of the four jars the build made, run from target/: a build of another module in the same work tree
     * may rewrite a jar while its service is still loading classes from it.
     */
    private static Path snapshotOfTheServiceJars() {
        Path root = Path.of("target", "service-jars").toAbsolutePath();
        for (Service service : Service.values()) {
            ServiceSpec spec = ServiceSpec.named(service.module);
            Path jar = spec.jar(TestStack.projectRoot());
            Path copy = root.resolve("services").resolve(spec.name()).resolve("target").resolve(jar.getFileName());
            try {
                Files.createDirectories(copy.getParent());
                Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot copy " + jar, e);
            }
        }
        return root;
    }

    String dashboardUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) dashboard).getWebServer().getPort();
    }

    /** The password of the provider's demo user {@code name} (one per role, named after it). */
    String demoPassword(String name) {
        return IdentityProvider.secrets(identityData).get(name);
    }

    /** {@code Bearer …}: the access token the dashboard gets when the demo user {@code name} signs in (no browser). */
    String signedIn(String name) throws Exception {
        return new ProviderSignIn(IdentityProvider.issuer(identityPort), dashboardUrl()).bearer(name, demoPassword(name));
    }

    int apiPort(Service service) {
        return ports.get(service).api();
    }

    /** {@code Bearer …} from the identity provider for its client {@code clientId}, with client credentials. */
    String clientCredentials(String clientId) throws Exception {
        return "Bearer " + IdentityProvider.clientCredentialsToken(identityData, identityPort, clientId);
    }

    String url(Service service) {
        return "http://127.0.0.1:" + ports.get(service).api();
    }

    HttpResponse<String> send(Service service, String method, String path, String json, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(service) + path))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(60));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Uploads the seed communiqué as a publisher; its document id. */
    String uploadSeed() throws Exception {
        HttpResponse<String> upload = upload(Files.readString(SEED), TestTokens.bearer("publisher"));
        assertThat(upload.statusCode()).isEqualTo(201);
        return json(upload.body()).get("id").asString();
    }

    HttpResponse<String> upload(String text, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(Service.INGESTION) + "/api/communiques"))
                .header("Authorization", authorization).header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of any URL (the dashboard's pass-through, say) as {@code authorization}. */
    HttpResponse<String> http(String url, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as an operator (who reads everything), answered 200. */
    JsonNode get(Service service, String path) throws Exception {
        HttpResponse<String> response = send(service, "GET", path, null, OPERATOR);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " → " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    boolean exists(Service service, String path) throws Exception {
        return send(service, "GET", path, null, OPERATOR).statusCode() == 200;
    }

    JsonNode json(String body) {
        return json.readTree(body);
    }

    /** Closes what a browser test class started, the browser first; a part never started (null) is skipped. */
    static void stop(Browser browser, DashboardPlatform platform) {
        if (browser != null) {
            browser.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Override
    public void close() {
        if (dashboard != null) {
            dashboard.close();
        }
        processes.values().forEach(ManagedProcess::close);
        if (identityProvider != null) {
            identityProvider.close();
        }
    }
}
