package org.commitmenttracker.notification;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real webhook receiver on 127.0.0.1 that verifies Standard Webhooks signatures on its own (not with the
 * service's signer) and answers what {@code behaviour} says: an HTTP status, after an optional delay.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** What the receiver got: headers, body, whether a signature verified with the secret it knows, its answer. */
    public record Received(String id, long timestamp, String body, boolean signatureValid, int answered, long receivedAtNanos,
                           String traceparent) {
    }

    /** An answer: the status to send and how long to wait first. */
    public record Answer(int status, long delayMillis) {
        public static final Answer OK = new Answer(200, 0);
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong acceptedCount = new java.util.concurrent.atomic.AtomicLong();
    private volatile List<String> secrets = List.of();
    private volatile Function<Received, Answer> behaviour = r -> Answer.OK;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void trust(String... secrets) {
        this.secrets = List.of(secrets);
    }

    public void behave(Function<Received, Answer> behaviour) {
        this.behaviour = behaviour;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Messages answered with 2xx, in the order they arrived. */
    public List<Received> accepted() {
        return received.stream().filter(r -> r.answered() >= 200 && r.answered() < 300).toList();
    }

    /** How many messages were answered with 2xx: cheap enough to poll (a benchmark must not compete with the service). */
    public long acceptedCount() {
        return acceptedCount.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long at = System.nanoTime();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
        long ts = timestamp == null ? 0 : Long.parseLong(timestamp);
        boolean valid = id != null && signatures != null && verifies(id, ts, body, signatures);
        Received request = new Received(id, ts, new String(body, StandardCharsets.UTF_8), valid, 0, at, traceparent);
        Answer answer = valid ? behaviour.apply(request) : new Answer(401, 0);
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        received.add(new Received(id, ts, request.body(), valid, answer.status(), at, traceparent));
        if (answer.status() >= 200 && answer.status() < 300) {
            acceptedCount.incrementAndGet();
        }
        exchange.sendResponseHeaders(answer.status(), -1);
        exchange.close();
    }

    /** As a receiver would: any of the space-separated v1 signatures matching any secret it knows. */
    private boolean verifies(String id, long timestamp, byte[] body, String header) {
        for (String secret : secrets) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                byte[] expected = mac.doFinal((id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
                for (String signature : header.split(" ")) {
                    if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                            Base64.getDecoder().decode(signature.substring(3)))) {
                        return true;
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
