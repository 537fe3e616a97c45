package org.commitmenttracker.deploy.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.commitmenttracker.testsupport.TestStack;
import org.commitmenttracker.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

/** Against a real broker: dead-letter records as the binder writes them, inspected and replayed. */
class DeadLetterToolIT {
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String original = "communiques-" + run;
    final String deadLetter = original + ".extraction.dlq";

    @Test
    void inspectsAndReplaysSelectedRecords() {
        deadLetter("doc-1", "{\"id\":\"e1\"}", "Unknown event type nope.v1");
        deadLetter("doc-2", "{\"id\":\"e2\"}", "Write conflict\n\tat somewhere");
        deadLetter("doc-3", "{\"id\":\"e3\"}", "Write conflict\n\tat elsewhere");

        String inspected = tool("inspect", deadLetter);
        assertThat(inspected).contains(deadLetter + ": 3 record(s)", "from " + original + ": 3",
                "2 × Write conflict", "1 × Unknown event type nope.v1", "sample 0:0 key=doc-1");

        String dryRun = tool("replay", deadLetter, "--reason", "Write conflict", "--dry-run");
        assertThat(dryRun).contains("would replay " + deadLetter + "/0:1 -> " + original + " key=doc-2",
                "dry run: would replay 2 of 2 selected record(s)");
        assertThat(TopicReader.readAll(original, Duration.ofSeconds(2))).isEmpty();

        String replayed = tool("replay", deadLetter, "--offset", "0:2");
        assertThat(replayed).contains("replayed 1 of 1 selected record(s)");
        List<ConsumerRecord<String, byte[]>> back = TopicReader.readUntil(original, r -> !r.isEmpty(),
                Duration.ofSeconds(20), Duration.ofSeconds(1));
        assertThat(back).hasSize(1);
        assertThat(back.get(0).key()).isEqualTo("doc-3");
        assertThat(new String(back.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"e3\"}");
        assertThat(new String(back.get(0).headers().lastHeader("x-replayed-from").value(), StandardCharsets.UTF_8))
                .isEqualTo(deadLetter + "/0:2");
        assertThat(back.get(0).headers().lastHeader("x-exception-message")).isNull();
        assertThat(back.get(0).headers().lastHeader("traceparent")).isNotNull();
    }

    @Test
    void usageErrorsExitWith2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DeadLetterTool.run(new String[] {"replay"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("replay needs a dead-letter topic", "usage: dlq");
    }

    private String tool(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "--bootstrap";
        full[1] = TestStack.get().kafkaBootstrapServers();
        System.arraycopy(args, 0, full, 2, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DeadLetterTool.run(full, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as("exit status; stderr: " + err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A record as the binder's dead-letter publisher writes it (headers of docs/events.md). */
    private void deadLetter(String key, String value, String reason) {
        Properties props = new Properties();
        props.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        RecordHeaders headers = new RecordHeaders();
        headers.add("x-original-topic", original.getBytes(StandardCharsets.UTF_8));
        headers.add("x-original-partition", new byte[] {0, 0, 0, 0});
        headers.add("x-exception-message", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("x-exception-fqcn", "java.lang.IllegalStateException".getBytes(StandardCharsets.UTF_8));
        headers.add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(deadLetter, 0, key, value, headers));
            producer.flush();
        }
    }
}
