package org.commitmenttracker.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commitmenttracker.devstack.FreePorts;
import org.commitmenttracker.devstack.Infrastructure;
import org.commitmenttracker.devstack.ManagedProcess;
import org.commitmenttracker.devstack.ServiceProcess;
import org.commitmenttracker.devstack.ServiceSpec;

/**
 * The platform the driver started: broker, store and the services as processes, each of which fault mode can kill
 * and start again on the same ports with the same configuration. Closing stops them all (services first).
 */
final class StartedPlatform implements AutoCloseable {
    /** A hang guard, not a bound: a two-core machine shared with other builds has taken over 4 min to start them all. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(600);
    /** Spring Boot's start-up line: the JVM's age when the application was started (ready follows at once). */
    private static final Pattern STARTED = Pattern.compile("Started \\w+ in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");

    private final Infrastructure infrastructure;
    private final Path servicesRoot;
    private final Path publicKey;
    private final Path logs;
    private final Map<String, String> environment;
    private final BiConsumer<String, Long> started;
    private final Map<String, Service> services = new ConcurrentHashMap<>();
    private final List<ManagedProcess> everyServiceProcess = new ArrayList<>();

    /** A service by its database name (ingestion, extraction, registry, notification), its process and ports. */
    record Service(ServiceSpec spec, ManagedProcess process, ServiceProcess.Ports ports) {
        String url() {
            return "http://127.0.0.1:" + ports.api();
        }
    }

    /**
     * Starts the broker and the store ({@code storeFile} null: memory backend), then every service, and waits until
     * all are ready.
     *
     * @param started told the name and pid of every process started, restarts included (CPU and RSS sampling)
     */
    static StartedPlatform start(Path projectRoot, Path servicesRoot, Path out, Path storeFile, Path publicKey,
                                 Map<String, String> environment, BiConsumer<String, Long> started) {
        Infrastructure infrastructure = Infrastructure.start(projectRoot, out, FreePorts.next(), FreePorts.next(),
                FreePorts.next(), storeFile);
        StartedPlatform platform = new StartedPlatform(infrastructure, servicesRoot, publicKey, out.resolve("logs"),
                environment, started);
        try {
            started.accept("kafka", infrastructure.broker().pid());
            started.accept("store", infrastructure.store().pid());
            LoadDriver.log("starting the services…");
            for (ServiceSpec spec : ServiceSpec.ALL) {
                platform.launch(spec, new ServiceProcess.Ports(FreePorts.next(), FreePorts.next()), spec.database());
            }
            platform.awaitServicesReady(START_TIMEOUT);
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    private StartedPlatform(Infrastructure infrastructure, Path servicesRoot, Path publicKey, Path logs,
                            Map<String, String> environment, BiConsumer<String, Long> started) {
        this.infrastructure = infrastructure;
        this.servicesRoot = servicesRoot;
        this.publicKey = publicKey;
        this.logs = logs;
        this.environment = environment;
        this.started = started;
    }

    private void launch(ServiceSpec spec, ServiceProcess.Ports ports, String processName) {
        ManagedProcess process = ServiceProcess.start(servicesRoot, spec, ports, kafka(), mongo(), publicKey, logs, environment);
        synchronized (everyServiceProcess) {
            everyServiceProcess.add(process);
        }
        services.put(spec.database(), new Service(spec, process, ports));
        started.accept(processName, process.pid());
    }

    Infrastructure infrastructure() {
        return infrastructure;
    }

    String kafka() {
        return infrastructure.kafkaBootstrapServers();
    }

    /** The store's connection string without a database. */
    String mongo() {
        return infrastructure.mongoUri("").replaceAll("/+$", "");
    }

    Service service(String name) {
        return services.get(name);
    }

    Map<String, String> urls() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            urls.put(spec.database(), services.get(spec.database()).url());
        }
        return urls;
    }

    /** Starts a killed service again: same jar, ports and environment; its pid is tracked as NAME-restarted. */
    void restart(String name) {
        Service previous = services.get(name);
        if (previous.process().isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        previous.process().close();
        launch(previous.spec(), previous.ports(), name + "-restarted");
    }

    /** Starts the broker again after it was killed (same ports and log directory); waits until it listens. */
    void restartBroker() {
        started.accept("kafka-restarted", infrastructure.restartBroker().pid());
    }

    /** Starts the store again after it was killed (same port, backend and file); waits until it listens. */
    void restartStore() {
        started.accept("store-restarted", infrastructure.restartStore().pid());
    }

    /**
     * Seconds from each service's JVM start to its application started, as the service logged it at its first start;
     * absent when its log has no such line.
     */
    Map<String, Object> startedSeconds() {
        Map<String, Object> seconds = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            try (var lines = Files.lines(logs.resolve(spec.name() + ".log"))) {
                lines.map(STARTED::matcher).filter(Matcher::find).findFirst()
                        .ifPresent(started -> seconds.put(spec.database(), Double.parseDouble(started.group(1))));
            } catch (IOException | UncheckedIOException e) {
                // no log: nothing to report for this service
            }
        }
        return seconds;
    }

    /** Waits until the readiness probe of every service answers 200. */
    void awaitServicesReady(Duration timeout) {
        for (Service service : services.values()) {
            ServiceProcess.awaitReady(service.process(), service.ports(), timeout);
        }
    }

    @Override
    public void close() {
        List<ManagedProcess> processes;
        synchronized (everyServiceProcess) {
            processes = new ArrayList<>(everyServiceProcess);
        }
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close(); // continues a paused one first
        }
        infrastructure.close();
    }
}
