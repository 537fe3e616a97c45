package org.commitmenttracker.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs a service's executable jar as an operator would: configuration only through the environment. */
public final class ServiceProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess() {
    }

    /**
     * @param mongoBaseUri the store's connection string without a database; the service's own is appended
     */
    public static ManagedProcess start(Path projectRoot, ServiceSpec spec, int port, String kafkaBootstrapServers,
                                       String mongoBaseUri, Path logDir, Map<String, String> extraEnvironment) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("MONGODB_URI", mongoBaseUri.replaceAll("/+$", "") + "/" + spec.database());
        env.putAll(extraEnvironment);
        List<String> command = List.of(ManagedProcess.javaExecutable(), "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", spec.jar(projectRoot).toString());
        return ManagedProcess.start(spec.name(), command, env, logDir.resolve(spec.name() + ".log"));
    }

    /** Waits for the readiness probe to answer 200 (broker and database reachable, bindings up). */
    public static void awaitReady(ManagedProcess process, int port, Duration timeout) {
        process.awaitReady(() -> isReady(port), timeout);
    }

    public static boolean isReady(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
