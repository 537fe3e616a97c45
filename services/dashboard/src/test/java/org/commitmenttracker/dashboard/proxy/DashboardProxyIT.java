package org.commitmenttracker.dashboard.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.commitmenttracker.dashboard.DashboardApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.sun.net.httpserver.HttpServer;

/**
 * The dashboard's pass-through against a stand-in service that records what it receives: the caller's token
 * and body arrive unchanged at the service's /api path; only /api paths of the four services are reachable;
 * the pages carry the strict content security policy.
 */
class DashboardProxyIT {
    private static HttpServer registry;
    private static ServerSocket hangsUp;
    private static ConfigurableApplicationContext dashboard;
    private static String base;
    private static final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.createContext("/", exchange -> {
            received.add(Map.of("method", exchange.getRequestMethod(), "uri", exchange.getRequestURI().toString(),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "cookie", String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")),
                    "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Set-Cookie", "tracking=1");
            exchange.getResponseHeaders().add("Retry-After", "1");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/refused") ? 403 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        registry.start();
        // Accepts and closes without a word, as a service killed mid-request does.
        hangsUp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread hangingUp = new Thread(() -> {
            while (!hangsUp.isClosed()) {
                try (Socket call = hangsUp.accept()) {
                    call.getInputStream().read();
                } catch (IOException closed) {
                    // the test is over, or the call went away first
                }
            }
        }, "hangs-up");
        hangingUp.setDaemon(true);
        hangingUp.start();
        String registryUrl = "http://127.0.0.1:" + registry.getAddress().getPort();
        dashboard = new SpringApplicationBuilder(DashboardApplication.class).run("--server.port=0",
                "--management.server.port=0", "--tracker.dashboard.registry-url=" + registryUrl,
                // nothing listens on port 9: the answer must be a 502, not a hang or a stack trace
                "--tracker.dashboard.notification-url=http://127.0.0.1:9",
                "--tracker.dashboard.ingestion-url=http://127.0.0.1:" + hangsUp.getLocalPort());
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) dashboard).getWebServer().getPort();
    }

    @AfterAll
    static void stop() throws IOException {
        if (dashboard != null) {
            dashboard.close();
        }
        registry.stop(0);
        hangsUp.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCallReachesTheServicesApiWithTheCallersTokenAndBodyUnchanged() throws Exception {
        received.clear();
        var response = send(HttpRequest.newBuilder(URI.create(base + "/api/registry/commitments/c-1/progress?x=%E4%B8%AD&y=2"))
                .header("Authorization", "Bearer caller.token.value").header("Cookie", "session=secret")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"进展\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(received).singleElement().satisfies(call -> {
            assertThat(call.get("method")).isEqualTo("POST");
            assertThat(call.get("uri")).isEqualTo("/api/commitments/c-1/progress?x=%E4%B8%AD&y=2");
            assertThat(call.get("authorization")).isEqualTo("Bearer caller.token.value");
            assertThat(call.get("cookie")).isEqualTo("null");
            assertThat(call.get("body")).isEqualTo("{\"note\":\"进展\"}");
        });
    }

    @Test
    void theServicesAnswerIsPassedBackAsItIs() throws Exception {
        var response = send(HttpRequest.newBuilder(URI.create(base + "/api/registry/refused")));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void onlyTheFourServicesApisAreReachable() throws Exception {
        received.clear();
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/actuator/health"))).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/registry/%2E%2E/actuator/health"))).statusCode())
                .isIn(400, 404);
        assertThat(received).isEmpty();
    }

    /** Nothing listening (notification), or a connection closed without an answer (ingestion). */
    @ParameterizedTest
    @ValueSource(strings = {"notification/subscriptions", "ingestion/communiques"})
    void aServiceThatDoesNotAnswerIsABadGateway(String path) throws Exception {
        var response = send(HttpRequest.newBuilder(URI.create(base + "/api/" + path)));
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(path.substring(0, path.indexOf('/'))).doesNotContain("Exception");
    }


    @Test
    void bodiesOverTheLimitAreRefusedBeforeReachingAService() throws Exception {
        received.clear();
        var response = send(HttpRequest.newBuilder(URI.create(base + "/api/registry/commitments"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(ServiceProxyController.MAX_REQUEST_BODY + 1))));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(received).isEmpty();
    }

    @Test
    void thePageIsServedWithAStrictContentSecurityPolicy() throws Exception {
        var page = send(HttpRequest.newBuilder(URI.create(base + "/")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"/app/main.js\"></script>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        var script = send(HttpRequest.newBuilder(URI.create(base + "/app/main.js")));
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    }
}
