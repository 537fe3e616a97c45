package org.commitmenttracker.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: Kafka, the document store (H2, data kept in {@code --data-dir}) and the four
 * services, on 127.0.0.1, until Ctrl-C.
 * <p>Usage: {@code Devstack up [--demo] [--data-dir DIR]}; ports from {@code KAFKA_PORT} (9092),
 * {@code KAFKA_CONTROLLER_PORT} (9093), {@code STORE_PORT} (27017) and {@code <SERVICE>_PORT} (8081–8084).
 */
public final class Devstack {
    private Devstack() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !"up".equals(args[0])) {
            System.err.println("usage: Devstack up [--demo] [--data-dir DIR]");
            System.exit(2);
        }
        boolean demo = List.of(args).contains("--demo");
        Path dataDir = Path.of(optionValue(args, "--data-dir", ".devstack")).toAbsolutePath();
        Path projectRoot = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
        long started = System.nanoTime();

        int kafkaPort = port("KAFKA_PORT", 9092);
        int storePort = port("STORE_PORT", 27017);
        System.out.println("Starting Kafka on 127.0.0.1:" + kafkaPort + " and the document store on 127.0.0.1:"
                + storePort + " (data in " + dataDir + ", logs in " + dataDir.resolve("logs") + ")");
        Infrastructure infrastructure = Infrastructure.start(projectRoot, dataDir, kafkaPort,
                port("KAFKA_CONTROLLER_PORT", 9093), storePort, dataDir.resolve("store/documents.h2"));

        List<ManagedProcess> services = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping services, broker and store…");
            for (int i = services.size() - 1; i >= 0; i--) {
                services.get(i).close();
            }
            infrastructure.close();
            System.out.println("Stopped.");
        }, "devstack-stop"));

        for (ServiceSpec spec : ServiceSpec.ALL) {
            services.add(ServiceProcess.start(projectRoot, spec, servicePort(spec),
                    infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri(""), dataDir.resolve("logs"), Map.of()));
        }
        for (int i = 0; i < services.size(); i++) {
            ServiceProcess.awaitReady(services.get(i), servicePort(ServiceSpec.ALL.get(i)), Duration.ofSeconds(180));
        }
        System.out.printf("All services ready in %.1f s:%n", (System.nanoTime() - started) / 1e9);
        for (ServiceSpec spec : ServiceSpec.ALL) {
            System.out.printf("  %-28s http://127.0.0.1:%d   (health: /actuator/health)%n", spec.name(), servicePort(spec));
        }
        System.out.println("  Kafka bootstrap              " + infrastructure.kafkaBootstrapServers());
        System.out.println("  MongoDB URI                  " + infrastructure.mongoUri(""));
        if (demo) {
            loadDemo(projectRoot, servicePort(ServiceSpec.named("ingestion-service")));
        }
        System.out.println("Press Ctrl-C to stop.");
        new CountDownLatch(1).await();
    }

    private static void loadDemo(Path projectRoot, int ingestionPort) throws Exception {
        Path sample = projectRoot.resolve("../shared/corpus/zh-cn-ru-pm27-2022.txt").normalize();
        if (!Files.exists(sample)) {
            System.out.println("Demo: " + sample + " not found, nothing loaded.");
            return;
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingestionPort + "/api/communiques"))
                        .header("Content-Type", "text/plain; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofFile(sample)).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("Demo: posted " + sample.getFileName() + " → " + response.statusCode() + " "
                + response.headers().firstValue("Location").orElse(""));
    }

    static int servicePort(ServiceSpec spec) {
        String variable = spec.name().replace("-service", "").replace('-', '_').toUpperCase() + "_PORT";
        return port(variable, spec.defaultPort());
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static String optionValue(String[] args, String option, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(option)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
