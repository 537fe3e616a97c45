package org.commitmenttracker.notification.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;

import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.notification.NotificationApi;
import org.commitmenttracker.notification.NotificationApplication;
import org.commitmenttracker.notification.WebhookReceiver;
import org.commitmenttracker.notification.delivery.Delivery;
import org.commitmenttracker.notification.delivery.DeliveryState;
import org.commitmenttracker.testsupport.TestStack;
import org.commitmenttracker.testsupport.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Webhook deliveries per second and latency, on the real broker and store of the test stack, with the service
 * in this JVM (test settings, but the production lease and timeouts) and {@code receivers} signature-verifying receivers on 127.0.0.1 (one subscription each, all
 * matching every event, so each event fans out to {@code receivers} deliveries). A harness, not a test: run
 * it by hand (docs/performance.md).
 * <ol>
 *   <li>throughput: a burst of {@code burst} events, deliveries/s from the first to the last one received;</li>
 *   <li>latency: once the burst is settled (every delivery recorded as delivered, then 2 s of quiet), {@code rate}
 *   events/s, evenly spaced, for {@code steadySeconds} s; per delivery, the time from the event's publication (an upper
 *   bound of "consumed") to the receiver having it.</li>
 * </ol>
 */
public final class WebhookDeliveryBenchmark {
    private static final EventCodec CODEC = new EventCodec();
    private static final CommandCounter STORE = new CommandCounter();

    /** Counts the store commands the service sends (and the time they take), by command name. */
    private static final class CommandCounter implements CommandListener {
        private final Map<String, LongAdder> counts = new ConcurrentSkipListMap<>();
        private final LongAdder nanos = new LongAdder();

        @Override
        public void commandSucceeded(CommandSucceededEvent event) {
            counts.computeIfAbsent(event.getCommandName(), name -> new LongAdder()).increment();
            nanos.add(event.getElapsedTime(TimeUnit.NANOSECONDS));
        }

        @Override
        public void commandFailed(CommandFailedEvent event) {
            counts.computeIfAbsent(event.getCommandName() + "(failed)", name -> new LongAdder()).increment();
            nanos.add(event.getElapsedTime(TimeUnit.NANOSECONDS));
        }

        void reset() {
            counts.clear();
            nanos.reset();
        }

        String perDelivery(long deliveries) {
            long total = counts.values().stream().mapToLong(LongAdder::sum).sum();
            StringBuilder out = new StringBuilder(String.format("%.2f (", (double) total / deliveries));
            counts.forEach((name, count) -> out.append(String.format("%s %.2f, ", name, (double) count.sum() / deliveries)));
            return out.append(String.format("mean %.2f ms each)", total == 0 ? 0 : nanos.sum() / 1e6 / total)).toString();
        }
    }

    public static void main(String[] args) throws Exception {
        int receivers = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int burst = args.length > 1 ? Integer.parseInt(args[1]) : 2_500;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int steadySeconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        // As the test extension does: the service reads its addresses from these names.
        System.setProperty("KAFKA_BOOTSTRAP_SERVERS", TestStack.get().kafkaBootstrapServers());
        System.setProperty("spring.security.oauth2.resourceserver.jwt.public-key-location",
                "file:" + TestTokens.publicKeyFile().toAbsolutePath());
        System.setProperty("TRACKER_NOTIFICATION_SECRETS_KEY", TestTokens.SECRETS_KEY);
        String database = "notification-bench-" + UUID.randomUUID().toString().substring(0, 8);
        ConfigurableApplicationContext service = new SpringApplicationBuilder(NotificationApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("benchmarkCommandCounter",
                        MongoClientSettingsBuilderCustomizer.class, () -> settings -> settings.addCommandListener(STORE)))
                .run(
                "--server.port=0", "--management.server.port=0", "--spring.mongodb.uri=" + TestStack.get().mongoUri(database),
                "--tracker.webhooks.allow-insecure-loopback=true", "--logging.level.root=WARN",
                // production claims and timeouts: the tests' 5 s lease would expire on a burst's queued deliveries
                "--tracker.webhooks.lease=60s", "--tracker.webhooks.attempt-timeout=15s", "--tracker.webhooks.connect-timeout=5s",
                "--spring.cloud.stream.bindings.alertOnStatusChange-in-0.group=" + database,
                "--spring.cloud.stream.kafka.bindings.alertOnStatusChange-in-0.consumer.start-offset=latest");
        List<WebhookReceiver> hosts = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            NotificationApi api = new NotificationApi(((WebServerApplicationContext) service).getWebServer().getPort(), "bench");
            String documentId = "doc-bench-" + UUID.randomUUID();
            for (int i = 0; i < receivers; i++) {
                WebhookReceiver receiver = new WebhookReceiver();
                hosts.add(receiver);
                receiver.trust(api.subscribe("{\"name\":\"bench " + i + "\",\"documentIds\":[\"" + documentId
                        + "\"],\"webhookUrl\":\"" + receiver.url("/") + "\"}").get("secret").asString());
            }
            Thread.sleep(5_000); // partitions assigned

            publish(producer, documentId, 200, "warm-up");
            awaitDeliveries(hosts, 200L * receivers, Duration.ofSeconds(120));

            long before = received(hosts);
            STORE.reset();
            long start = System.nanoTime();
            publish(producer, documentId, burst, "burst");
            awaitDeliveries(hosts, before + (long) burst * receivers, Duration.ofSeconds(300));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("throughput: %d deliveries (%d events x %d subscribers) in %.2f s = %.0f deliveries/s%n",
                    (long) burst * receivers, burst, receivers, seconds, burst * receivers / seconds);
            System.out.println("store round trips per delivery in the burst: " + STORE.perDelivery((long) burst * receivers));

            // Steady state, not the burst's aftermath: the attempts of the burst are still being recorded for a
            // few seconds after its last webhook arrived, and would queue the first steady events behind them.
            awaitSettled(service.getBean(MongoTemplate.class), Duration.ofSeconds(120));
            Thread.sleep(2_000);
            long steadyFrom = received(hosts);
            long steadyStart = System.nanoTime();
            for (int event = 0; event < steadySeconds * rate; event++) { // evenly spaced: one event every 1/rate s
                long due = steadyStart + event * 1_000_000_000L / rate;
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                publish(producer, documentId, 1, "steady");
            }
            awaitDeliveries(hosts, steadyFrom + (long) steadySeconds * rate * receivers, Duration.ofSeconds(120));
            long[] latencies = hosts.stream().flatMap(h -> h.accepted().stream())
                    .filter(r -> r.body().contains("\"cause\":\"steady\""))
                    .mapToLong(r -> latencyMillis(api, r)).sorted().toArray();
            System.out.printf("latency at %d events/s x %d subscribers for %d s: n=%d p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                    rate, receivers, steadySeconds, latencies.length, latencies[latencies.length / 2],
                    latencies[(int) (latencies.length * 0.95)], latencies[(int) (latencies.length * 0.99)],
                    latencies[latencies.length - 1]);
        } finally {
            service.close();
            hosts.forEach(WebhookReceiver::close);
        }
        System.exit(0);
    }

    private static long latencyMillis(NotificationApi api, WebhookReceiver.Received received) {
        Instant published = Instant.parse(api.json(received.body()).get("data").get("changedAt").asString());
        // receivedAtNanos is a monotonic clock: convert through the offset to wall time taken now
        long receivedAtMillis = System.currentTimeMillis() - (System.nanoTime() - received.receivedAtNanos()) / 1_000_000;
        return receivedAtMillis - published.toEpochMilli();
    }

    /** {@code events} status changes of new commitments; {@code cause} tells the phases apart in the bodies. */
    private static void publish(KafkaProducer<String, byte[]> producer, String documentId, int events, String cause) {
        for (int i = 0; i < events; i++) {
            String commitmentId = "cmt-" + UUID.randomUUID();
            CommitmentStatusChanged change = new CommitmentStatusChanged(commitmentId, documentId, 1, "bench", List.of("CN"),
                    List.of(), List.of(), List.of(), null, null, "PLEDGED", cause, "bench", Instant.now(), 1);
            producer.send(new ProducerRecord<>(Topics.STATUS_CHANGES, commitmentId,
                    CODEC.encode(EventEnvelope.of(UUID.randomUUID(), "/bench", change, Instant.now(), null))));
        }
        producer.flush();
    }

    private static long received(List<WebhookReceiver> hosts) {
        return hosts.stream().mapToLong(WebhookReceiver::acceptedCount).sum();
    }

    private static void awaitDeliveries(List<WebhookReceiver> hosts, long total, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received(hosts) < total) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + received(hosts) + " of " + total + " deliveries after " + timeout);
            }
            Thread.sleep(20);
        }
    }

    /** Waits until every delivery in the store is delivered (none pending, sending or dead). */
    private static void awaitSettled(MongoTemplate mongo, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Query unsettled = Query.query(Criteria.where("state").ne(DeliveryState.DELIVERED.name()));
        while (mongo.count(unsettled, Delivery.COLLECTION) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Deliveries still unsettled after " + timeout);
            }
            Thread.sleep(100);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        java.util.Properties props = new java.util.Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return new KafkaProducer<>(props);
    }
}
