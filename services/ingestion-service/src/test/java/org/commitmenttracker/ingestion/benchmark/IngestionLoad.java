package org.commitmenttracker.ingestion.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.commitmenttracker.ingestion.IngestionApplication;
import org.commitmenttracker.ingestion.TestDocuments;
import org.commitmenttracker.testsupport.TestStack;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Load harness for ingestion (not a test: run it by hand, see docs/performance.md). Starts the real broker
 * and the embedded store (memory backend) as the integration tests do, the service in this JVM, then:
 * <ol>
 *   <li>server time of ingesting the seed as text: sequential uploads of distinct seed-sized documents (the
 *   seed plus a unique line), timed by a servlet filter around the whole request;</li>
 *   <li>sustained distinct text uploads per second from concurrent clients, for 2 KB texts and for
 *   seed-sized (22 KB) texts.</li>
 * </ol>
 * Arguments (all optional): {@code seedSamples=500 seconds=20 clients=8}.
 */
public final class IngestionLoad {
    private static final ConcurrentLinkedQueue<Long> SERVER_NANOS = new ConcurrentLinkedQueue<>();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private IngestionLoad() {
    }

    public static void main(String[] args) throws Exception {
        int seedSamples = intArg(args, "seedSamples", 500);
        int seconds = intArg(args, "seconds", 20);
        int clients = intArg(args, "clients", 8);

        TestStack stack = TestStack.get();
        ConfigurableApplicationContext service = new SpringApplicationBuilder(IngestionApplication.class, ServerTimeProbe.class)
                .properties("server.port=0", "KAFKA_BOOTSTRAP_SERVERS=" + stack.kafkaBootstrapServers(),
                        "MONGODB_URI=" + stack.mongoUri("ingestion-load-" + System.currentTimeMillis()),
                        "logging.level.root=WARN")
                .run();
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        URI endpoint = URI.create("http://127.0.0.1:" + port + "/api/communiques");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String seed = TestDocuments.seed();
        String small = seed.substring(0, Math.min(seed.length(), 700)); // ~2 KB of UTF-8

        try {
            System.out.printf("seed: %,d bytes; %d cores; load average before: %.2f%n", seed.getBytes(StandardCharsets.UTF_8).length,
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            for (int i = 0; i < seedSamples; i++) { // warm-up
                upload(http, endpoint, seed);
            }
            SERVER_NANOS.clear();
            List<Long> client = new ArrayList<>();
            for (int i = 0; i < seedSamples; i++) {
                long start = System.nanoTime();
                upload(http, endpoint, seed);
                client.add(System.nanoTime() - start);
            }
            List<Long> server = new ArrayList<>(SERVER_NANOS);
            System.out.printf("seed as text, %d sequential uploads: server median %.2f ms, p90 %.2f ms, p99 %.2f ms; "
                            + "client round trip median %.2f ms%n", seedSamples, percentile(server, 50), percentile(server, 90),
                    percentile(server, 99), percentile(client, 50));

            throughput("2 KB texts", http, endpoint, small, clients, seconds);
            throughput("seed-sized texts", http, endpoint, seed, clients, seconds);
        } finally {
            service.close();
            System.exit(0); // stops the broker and store (shutdown hook)
        }
    }

    private static void throughput(String label, HttpClient http, URI endpoint, String base, int clients, int seconds)
            throws InterruptedException {
        run(http, endpoint, base, clients, Math.max(3, seconds / 4)); // warm-up
        long count = run(http, endpoint, base, clients, seconds);
        System.out.printf("%s, %d clients, %d s: %,d uploads, %.0f uploads/s%n", label, clients, seconds, count,
                (double) count / seconds);
    }

    private static long run(HttpClient http, URI endpoint, String base, int clients, int seconds) throws InterruptedException {
        AtomicLong created = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    if (upload(http, endpoint, base) == 201) {
                        created.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return created.get();
    }

    /** Uploads {@code base} made distinct by a last line, so every upload is a new communiqué. */
    private static int upload(HttpClient http, URI endpoint, String base) {
        String text = base + "\n" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "\n";
        try {
            int status = http.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "text/plain; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 201) {
                throw new IllegalStateException("upload answered " + status);
            }
            return status;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(List<Long> nanos, int percent) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 1));
            }
        }
        return fallback;
    }

    /**
     * Times every upload on the server, from the first filter to the last byte of the answer. Registered
     * only by this harness (not annotated, so the integration tests' component scan never picks it up).
     */
    static class ServerTimeProbe {
        @Bean
        OncePerRequestFilter serverTime() {
            return new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                        throws ServletException, IOException {
                    long start = System.nanoTime();
                    try {
                        chain.doFilter(request, response);
                    } finally {
                        if ("POST".equals(request.getMethod())) {
                            SERVER_NANOS.add(System.nanoTime() - start);
                        }
                    }
                }
            };
        }
    }
}
