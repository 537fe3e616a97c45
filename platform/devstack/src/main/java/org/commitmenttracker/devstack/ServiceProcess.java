package org.commitmenttracker.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a service's executable jar as an operator would: configuration only through the environment. The service
 * ends with the JVM that started it ({@link ParentWatch}).
 */
public final class ServiceProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess() {
    }

    /**
     * @param ports          the API port and the management (actuator) port
     * @param mongoBaseUri   the store's connection string without a database; the service's own is appended
     * @param tokenPublicKey the PEM public key of the token issuer the service trusts ({@link LocalIssuer})
     */
    public static ManagedProcess start(Path projectRoot, ServiceSpec spec, Ports ports, String kafkaBootstrapServers,
                                       String mongoBaseUri, Path tokenPublicKey, Path logDir,
                                       Map<String, String> extraEnvironment) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", String.valueOf(ports.api()));
        env.put("MANAGEMENT_PORT", String.valueOf(ports.management()));
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLICKEYLOCATION", "file:" + tokenPublicKey.toAbsolutePath());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("MONGODB_URI", mongoBaseUri.replaceAll("/+$", "") + "/" + spec.database());
        env.putAll(extraEnvironment);
        // The parent watch ends the service with this JVM, even when it is killed without running its shutdown hooks.
        // The heap starts small and grows with use: by default it starts at 1/64 of the machine's memory, all of it
        // touched by young collections, though a service idles with about 35 MB live.
        ClassDataArchive classData = ClassDataArchive.of(spec.jar(projectRoot));
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(), "-Xms64m", "-Xmx384m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", ManagedProcess.NO_PERF_DATA));
        command.addAll(classData.jvmOptions());
        command.addAll(List.of(ParentWatch.agentOption(), "-jar", classData.jar().toString()));
        ManagedProcess process = ManagedProcess.start(spec.name(), command, env, logDir.resolve(spec.name() + ".log"));
        return process.onceReady(() -> classData.writeOnceReady(process.pid()));
    }

    /** A service's two listening ports: the API and the management server (probes, Prometheus). */
    public record Ports(int api, int management) {
    }

    /** Waits for the readiness probe to answer 200 (broker and database reachable, bindings up). */
    public static void awaitReady(ManagedProcess process, Ports ports, Duration timeout) {
        process.awaitReady(() -> isReady(ports.management()), timeout);
    }

    public static boolean isReady(int managementPort) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
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
