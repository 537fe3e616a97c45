package org.commitmenttracker.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** One of the four services: its module, its MongoDB database and its default HTTP port (management: + 100). */
public record ServiceSpec(String name, String database, int defaultPort) {

    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("ingestion-service", "ingestion", 8081),
            new ServiceSpec("extraction-service", "extraction", 8082),
            new ServiceSpec("commitment-registry-service", "registry", 8083),
            new ServiceSpec("notification-service", "notification", 8084),
            // The web dashboard (docs/dashboard.md): stores nothing, its "database" is never opened.
            new ServiceSpec("dashboard", "dashboard", 8085));

    public int defaultManagementPort() {
        return defaultPort + 100;
    }

    public static ServiceSpec named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name));
    }

    /** The executable jar the build made in {@code services/<name>/target}. */
    public Path jar(Path projectRoot) {
        Path target = projectRoot.resolve("services").resolve(name).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().startsWith(name) && p.toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar in " + target + ": run mvn -DskipTests install"));
        } catch (IOException e) {
            throw new UncheckedIOException("No build output in " + target + ": run mvn -DskipTests install", e);
        }
    }
}
