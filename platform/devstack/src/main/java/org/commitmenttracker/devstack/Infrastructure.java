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
    private final Node brokerNode;
    private final Node storeNode;
    private final int kafkaPort;
    private final int storePort;
    private volatile ManagedProcess broker;
    private volatile ManagedProcess store;

    /** How to start one of the two nodes again: same command (ports, data), same log file. */
    /**
     * How long a node may take to say it is ready before it is given up: a hang guard, not an expectation. A node
     * usually starts in seconds, but a 2-core machine shared with other builds took over 90 s to restart the broker.
     */
    private static final Duration READY_HANG_GUARD = Duration.ofMinutes(10);

    private record Node(String name, List<String> command, Path logFile, String readyLine, Duration readyTimeout) {
        ManagedProcess start() {
            return ManagedProcess.start(name, command, Map.of(), logFile);
        }
    }

    private Infrastructure(Node brokerNode, Node storeNode, int kafkaPort, int storePort) {
        this.brokerNode = brokerNode;
        this.storeNode = storeNode;
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
        Node broker = new Node("kafka",
                ManagedProcess.javaCommand(classpath, List.of("-Xmx512m", "-Dlog4j2.configurationFile=devstack-log4j2.xml"),
                        KafkaNode.class.getName(), workDir.resolve("kafka").toString(),
                        String.valueOf(kafkaPort), String.valueOf(controllerPort)),
                logs.resolve("kafka.log"), KafkaNode.READY, READY_HANG_GUARD);
        // The store copies a document on every update and keeps every version it replaces until the collector frees
        // it: at 2,000 updates/s G1's default young pauses were 30-70 ms (p50 49 ms), and every client's latency
        // waits them out. A 10 ms pause goal makes them shorter and more frequent (p50 14 ms, at most 56 ms).
        Node store = new Node("document-store",
                ManagedProcess.javaCommand(classpath, List.of("-Xmx1g", "-XX:MaxGCPauseMillis=10",
                        "-Dlog4j2.configurationFile=devstack-log4j2.xml"),
                        DocumentStoreNode.class.getName(), String.valueOf(storePort),
                        storeFile == null ? "memory" : storeFile.toString()),
                logs.resolve("document-store.log"), DocumentStoreNode.READY, READY_HANG_GUARD);
        Infrastructure infrastructure = new Infrastructure(broker, store, kafkaPort, storePort);
        infrastructure.broker = broker.start();
        infrastructure.store = store.start();
        try {
            infrastructure.store.awaitLogLine(store.readyLine(), store.readyTimeout());
            infrastructure.broker.awaitLogLine(broker.readyLine(), broker.readyTimeout());
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

    /**
     * Starts the broker again (same ports, same KRaft log directory) after its process ended, e.g. after
     * {@link ManagedProcess#kill()}, and waits until it accepts connections.
     */
    public ManagedProcess restartBroker() {
        broker = relaunch(brokerNode, broker);
        broker.awaitLogLine(brokerNode.readyLine(), brokerNode.readyTimeout());
        return broker;
    }

    /** Starts the store again (same port, same backend and file) after its process ended; waits until it listens. */
    public ManagedProcess restartStore() {
        store = relaunch(storeNode, store);
        store.awaitLogLine(storeNode.readyLine(), storeNode.readyTimeout());
        return store;
    }

    /** The new process, kept in its field before it is ready, so {@link #close()} stops it even if it never is. */
    private static ManagedProcess relaunch(Node node, ManagedProcess previous) {
        if (previous.isAlive()) {
            throw new IllegalStateException(node.name() + " (pid " + previous.pid() + ") is still running");
        }
        previous.close();
        return node.start();
    }

    @Override
    public void close() {
        broker.close();
        store.close();
    }
}
