package org.commitmenttracker.deploy.dlq;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.commitmenttracker.events.Topics;

/**
 * Inspects dead-letter topics ({@code <topic>.<group>.dlq}) and replays selected records to the topic they came
 * from ({@code x-original-topic} header). Run through {@code deploy/bin/dlq}; usage in {@link #USAGE}.
 */
public final class DeadLetterTool {
    static final String USAGE = """
            usage: dlq [--bootstrap HOST:PORT] [--command-config FILE] COMMAND
              inspect [TOPIC...]           count, reasons (x-exception-message) and a sample of each dead-letter topic
                                           (all topics ending in .dlq when none is named)
              replay TOPIC [--offset P:O]... [--reason TEXT] [--dry-run]
                                           write the selected records (all by default; --offset partition:offset,
                                           --reason: whose reason contains TEXT) back to their x-original-topic,
                                           same key, value and headers (without the x-exception-*/x-original-*
                                           ones), plus x-replayed-from; --dry-run only lists them
            --bootstrap defaults to $KAFKA_BOOTSTRAP_SERVERS, else 127.0.0.1:9092; --command-config is a Kafka client
            properties file (security.protocol, sasl.*, ssl.* for the cluster's TLS/SCRAM listener).
            Exit status: 0 done, 1 failed, 2 usage error.""";
    static final String ORIGINAL_TOPIC = "x-original-topic";
    static final String EXCEPTION_MESSAGE = "x-exception-message";
    static final String REPLAYED_FROM = "x-replayed-from";
    /** Spring Kafka's own dead-letter header names, read when the binder's are absent. */
    static final String DLT_ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String DLT_EXCEPTION_MESSAGE = "kafka_dlt-exception-message";

    private final Properties client;
    private final PrintStream out;

    DeadLetterTool(Properties client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Properties client = new Properties();
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        List<String> rest = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--bootstrap" -> client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, value(args, ++i));
                    case "--command-config" -> {
                        try (InputStream in = Files.newInputStream(Path.of(value(args, ++i)))) {
                            client.load(in);
                        }
                    }
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> rest.add(args[i]);
                }
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("no command");
            }
            DeadLetterTool tool = new DeadLetterTool(client, out);
            String command = rest.remove(0);
            return switch (command) {
                case "inspect" -> tool.inspect(rest);
                case "replay" -> tool.replay(rest);
                default -> throw new IllegalArgumentException("unknown command " + command);
            };
        } catch (IllegalArgumentException e) {
            err.println("dlq: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("dlq: " + e);
            return 1;
        }
    }

    int inspect(List<String> topics) {
        List<String> names = topics.isEmpty() ? deadLetterTopics() : topics;
        if (names.isEmpty()) {
            out.println("no dead-letter topics (*" + Topics.DEAD_LETTER_SUFFIX + ")");
        }
        for (String topic : names) {
            List<ConsumerRecord<byte[], byte[]>> records = readAll(topic);
            out.printf("%s: %d record(s)%n", topic, records.size());
            Map<String, Integer> reasons = new LinkedHashMap<>();
            Map<String, Integer> origins = new LinkedHashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                reasons.merge(reason(record), 1, Integer::sum);
                origins.merge(String.valueOf(originalTopic(record)), 1, Integer::sum);
            }
            origins.forEach((origin, count) -> out.printf("  from %s: %d%n", origin, count));
            reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> out.printf("  %5d × %s%n", e.getValue(), e.getKey()));
            if (!records.isEmpty()) {
                ConsumerRecord<byte[], byte[]> sample = records.get(0);
                out.printf("  sample %d:%d key=%s: %s%n", sample.partition(), sample.offset(), text(sample.key()),
                        abbreviate(text(sample.value()), 400));
            }
        }
        return 0;
    }

    int replay(List<String> args) {
        String topic = null;
        Set<String> offsets = new LinkedHashSet<>();
        String reason = null;
        boolean dryRun = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--offset" -> {
                    String offset = value(args.toArray(String[]::new), ++i);
                    if (!offset.matches("\\d+:\\d+")) {
                        throw new IllegalArgumentException("--offset takes partition:offset, not " + offset);
                    }
                    offsets.add(offset);
                }
                case "--reason" -> reason = value(args.toArray(String[]::new), ++i);
                case "--dry-run" -> dryRun = true;
                default -> {
                    if (topic != null || args.get(i).startsWith("--")) {
                        throw new IllegalArgumentException("unexpected " + args.get(i));
                    }
                    topic = args.get(i);
                }
            }
        }
        if (topic == null) {
            throw new IllegalArgumentException("replay needs a dead-letter topic");
        }
        List<ConsumerRecord<byte[], byte[]>> selected = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll(topic)) {
            if ((offsets.isEmpty() || offsets.contains(record.partition() + ":" + record.offset()))
                    && (reason == null || reason(record).contains(reason))) {
                selected.add(record);
            }
        }
        int missing = 0;
        try (KafkaProducer<byte[], byte[]> producer = dryRun ? null : producer()) {
            for (ConsumerRecord<byte[], byte[]> record : selected) {
                String target = originalTopic(record);
                String from = topic + "/" + record.partition() + ":" + record.offset();
                if (target == null) {
                    out.printf("skip %s: no %s header%n", from, ORIGINAL_TOPIC);
                    missing++;
                    continue;
                }
                out.printf("%s %s -> %s key=%s (%s)%n", dryRun ? "would replay" : "replay", from, target,
                        text(record.key()), reason(record));
                if (!dryRun) {
                    RecordHeaders headers = new RecordHeaders();
                    for (Header header : record.headers()) {
                        if (!header.key().startsWith("x-exception-") && !header.key().startsWith("x-original-")
                                && !header.key().startsWith("kafka_dlt-")) {
                            headers.add(header);
                        }
                    }
                    headers.add(REPLAYED_FROM, from.getBytes(StandardCharsets.UTF_8));
                    producer.send(new ProducerRecord<>(target, null, record.key(), record.value(), headers));
                }
            }
            if (producer != null) {
                producer.flush();
            }
        }
        out.printf("%s %d of %d selected record(s)%s%n", dryRun ? "dry run: would replay" : "replayed",
                selected.size() - missing, selected.size(), missing > 0 ? ", " + missing + " without original topic" : "");
        return 0;
    }

    List<String> deadLetterTopics() {
        try (Admin admin = Admin.create(client)) {
            return new ArrayList<>(new TreeSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS)).stream()
                    .filter(name -> name.endsWith(Topics.DEAD_LETTER_SUFFIX)).toList());
        } catch (Exception e) {
            throw new IllegalStateException("cannot list topics: " + e.getMessage(), e);
        }
    }

    /** Every record of {@code topic} now: partitions assigned directly (no consumer group, nothing committed). */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("no topic " + topic);
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " did not reach its end in 60 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "9437184");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    static String originalTopic(ConsumerRecord<byte[], byte[]> record) {
        String topic = header(record, ORIGINAL_TOPIC);
        return topic != null ? topic : header(record, DLT_ORIGINAL_TOPIC);
    }

    /** The first line of the exception message, which is what differs between causes. */
    static String reason(ConsumerRecord<byte[], byte[]> record) {
        String message = header(record, EXCEPTION_MESSAGE);
        if (message == null) {
            message = header(record, DLT_EXCEPTION_MESSAGE);
        }
        return message == null ? "(no reason recorded)" : abbreviate(message.lines().findFirst().orElse(""), 200);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
