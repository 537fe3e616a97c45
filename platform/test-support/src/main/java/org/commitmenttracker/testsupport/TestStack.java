package org.commitmenttracker.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import org.commitmenttracker.devstack.Folders;
import org.commitmenttracker.devstack.FreePorts;
import org.commitmenttracker.devstack.Infrastructure;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker and document store for one test JVM, started once on first use and stopped when the
 * JVM exits. Which ones is chosen by {@code -Dtest.infra} (or {@code TEST_INFRA}):
 * <ul>
 *   <li>{@code embedded} (default): the devstack processes, real Apache Kafka (KRaft) and mongo-java-server
 *   (memory backend) on free loopback ports;</li>
 *   <li>{@code containers}: Testcontainers {@code apache/kafka} and {@code mongo}; tests are skipped
 *   (not failed) where no Docker engine is reachable;</li>
 *   <li>{@code external}: the addresses in {@code KAFKA_BOOTSTRAP_SERVERS} and {@code MONGODB_URI_BASE}.</li>
 * </ul>
 * Only the bootstrap changes between modes: the tests themselves are the same.
 */
public final class TestStack {
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    public static final String MONGO_IMAGE = "mongo:8.0";

    private static TestStack instance;

    private final String kafkaBootstrapServers;
    private final String mongoBaseUri;
    private final String mode;

    private TestStack(String mode, String kafkaBootstrapServers, String mongoBaseUri) {
        this.mode = mode;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoBaseUri = mongoBaseUri;
    }

    public static synchronized TestStack get() {
        if (instance == null) {
            instance = start(configuredMode());
        }
        return instance;
    }

    static String configuredMode() {
        String mode = System.getProperty("test.infra", System.getenv().getOrDefault("TEST_INFRA", "embedded"));
        return mode.trim().toLowerCase(Locale.ROOT);
    }

    private static TestStack start(String mode) {
        return switch (mode) {
            case "embedded" -> startEmbedded();
            case "containers" -> startContainers();
            case "external" -> new TestStack(mode, requiredEnv("KAFKA_BOOTSTRAP_SERVERS"), requiredEnv("MONGODB_URI_BASE"));
            default -> throw new IllegalArgumentException("test.infra must be embedded, containers or external, not " + mode);
        };
    }

    private static TestStack startEmbedded() {
        Path workDir;
        try {
            workDir = Files.createTempDirectory("test-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Infrastructure infrastructure = startOnFreePorts(workDir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            infrastructure.close();
            deleteBrokerData(workDir);
        }, "test-stack-stop"));
        System.err.println("TestStack: Kafka " + infrastructure.kafkaBootstrapServers() + ", store "
                + infrastructure.mongoUri("") + ", logs in " + infrastructure.broker().logFile().getParent());
        return new TestStack("embedded", infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri(""));
    }

    /**
     * The broker's log segments (100-160 MB per test JVM) are of no use once it has stopped, and every build would
     * leave them in the temporary folder; the process logs beside them stay for reading a failed test.
     */
    private static void deleteBrokerData(Path workDir) {
        try (Stream<Path> attempts = Files.list(workDir)) {
            for (Path kafka : attempts.map(attempt -> attempt.resolve("kafka")).toList()) {
                Folders.deleteTree(kafka);
            }
        } catch (IOException e) {
            System.err.println("TestStack: broker data left in " + workDir + ": " + e.getMessage());
        }
    }

    /**
     * Another process may take a free port between our pick and the child's bind (several builds on one
     * machine): then the child dies, and we try again on other ports.
     */
    private static Infrastructure startOnFreePorts(Path workDir) {
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return Infrastructure.start(projectRoot(), workDir.resolve("attempt-" + attempt), FreePorts.next(),
                        FreePorts.next(), FreePorts.next(), null);
            } catch (IllegalStateException e) {
                last = e;
                System.err.println("TestStack: start attempt " + attempt + " failed: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        throw last;
    }

    /** Started when Docker is reachable; otherwise the calling test is aborted (reported as skipped). */
    static TestStack startContainers() {
        Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "test.infra=containers but no Docker engine is reachable: skipped");
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            mongo.stop();
        }, "test-containers-stop"));
        return new TestStack("containers", kafka.getBootstrapServers(), mongo.getConnectionString() + "/");
    }

    public static Path projectRoot() {
        return Path.of(System.getProperty("project.root", "../..")).toAbsolutePath().normalize();
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("test.infra=external needs " + name);
        }
        return value;
    }

    public String mode() {
        return mode;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** A connection string for {@code database}. */
    public String mongoUri(String database) {
        return mongoBaseUri.endsWith("/") ? mongoBaseUri + database : mongoBaseUri + "/" + database;
    }
}
