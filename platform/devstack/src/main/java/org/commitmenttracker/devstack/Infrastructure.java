package org.commitmenttracker.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Kafka broker and the document store, each in its own JVM started from this module's runtime
 * classpath (written by the build to {@code platform/devstack/target/node-classpath.txt}), so a launcher
 * needs no broker or store jars of its own.
 */
public final class Infrastructure implements AutoCloseable {
    private final ManagedProcess broker;
    private final ManagedProcess store;
    private final int kafkaPort;
    private final int storePort;

    private Infrastructure(ManagedProcess broker, ManagedProcess store, int kafkaPort, int storePort) {
        this.broker = broker;
        this.store = store;
        this.kafkaPort = kafkaPort;
        this.storePort = storePort;
    }

    /**
     * Starts both and waits until they accept connections.
     *
     * @param storeFile the H2 file to keep data in, or null to keep it in memory
     */
    public static Infrastructure start(Path projectRoot, Path workDir, int kafkaPort, int controllerPort,
                                       int storePort, Path storeFile) {
        String classpath = nodeClasspath(projectRoot);
        Path logs = workDir.resolve("logs");
        ManagedProcess broker = ManagedProcess.start("kafka",
                ManagedProcess.javaCommand(classpath, List.of("-Xmx512m", "-Dlog4j2.configurationFile=devstack-log4j2.xml"),
                        KafkaNode.class.getName(), workDir.resolve("kafka").toString(),
                        String.valueOf(kafkaPort), String.valueOf(controllerPort)),
                Map.of(), logs.resolve("kafka.log"));
        ManagedProcess store = ManagedProcess.start("document-store",
                ManagedProcess.javaCommand(classpath, List.of("-Xmx1g", "-Dlog4j2.configurationFile=devstack-log4j2.xml"),
                        DocumentStoreNode.class.getName(), String.valueOf(storePort),
                        storeFile == null ? "memory" : storeFile.toString()),
                Map.of(), logs.resolve("document-store.log"));
        Infrastructure infrastructure = new Infrastructure(broker, store, kafkaPort, storePort);
        try {
            store.awaitLogLine(DocumentStoreNode.READY, Duration.ofSeconds(60));
            broker.awaitLogLine(KafkaNode.READY, Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
        return infrastructure;
    }

    /** The runtime classpath of this module, as the build wrote it, plus its own classes. */
    public static String nodeClasspath(Path projectRoot) {
        Path module = projectRoot.resolve("platform/devstack/target");
        Path file = module.resolve("node-classpath.txt");
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: build the project first (mvn -DskipTests install)");
        }
        try {
            List<String> entries = new ArrayList<>();
            entries.add(module.resolve("classes").toString());
            entries.add(Files.readString(file).trim());
            return String.join(java.io.File.pathSeparator, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** A connection string for {@code database} on the store. */
    public String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + storePort + "/" + database;
    }

    public ManagedProcess broker() {
        return broker;
    }

    public ManagedProcess store() {
        return store;
    }

    @Override
    public void close() {
        broker.close();
        store.close();
    }
}
