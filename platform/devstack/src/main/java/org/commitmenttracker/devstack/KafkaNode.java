package org.commitmenttracker.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import kafka.tools.StorageTool;

/**
 * One real Apache Kafka node in KRaft combined mode (broker + controller), listening on 127.0.0.1 only.
 * Formats its storage with a generated cluster id on first start; later starts reuse the data.
 * <p>Usage: {@code KafkaNode DATA_DIR PORT CONTROLLER_PORT}
 */
public final class KafkaNode {
    /** Logged by the broker once its listeners accept connections. */
    static final String READY = "Kafka Server started";
    private KafkaNode() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: KafkaNode DATA_DIR PORT CONTROLLER_PORT");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Path logDirs = dataDir.resolve("kraft-logs");
        Files.createDirectories(logDirs);
        Path config = dataDir.resolve("server.properties");
        Files.writeString(config, serverProperties(logDirs, port, controllerPort));

        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            String clusterId = storageTool("random-uuid").trim();
            storageTool("format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted");
            System.err.println("devstack: formatted " + logDirs + " as cluster " + clusterId);
        }
        ParentWatch.install();
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static String serverProperties(Path logDirs, int port, int controllerPort) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=10
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                message.max.bytes=8388608
                log.retention.hours=168
                # The controller appends a no-op record to its metadata log this often (default 500 ms), the
                # idle broker's main cost: 0.025 -> 0.018 cores with no client, measured side by side.
                metadata.max.idle.interval.ms=5000
                # Request handler and network threads (defaults 8 and 3) each wake to poll their queue when idle; two
                # cores serve no more than this. Idle broker 0.064 -> 0.050 cores, its request threads 1.43 -> 1.04 CPU s
                # per minute (./dev load --idle-seconds 60, one run each).
                num.io.threads=2
                num.network.threads=1
                """.formatted(port, controllerPort, logDirs.toString().replace("\\", "/"));
    }

    private static String storageTool(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = StorageTool.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        if (rc != 0) {
            throw new IllegalStateException("kafka-storage " + String.join(" ", args) + " failed (" + rc + "): " + printed);
        }
        return printed;
    }
}
