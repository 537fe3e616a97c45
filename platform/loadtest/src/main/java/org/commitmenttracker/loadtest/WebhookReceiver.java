package org.commitmenttracker.loadtest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run's subscriber: a local HTTP server on 127.0.0.1 that receives every webhook, answers 204 (or, while a fault
 * makes it fail, 500 and 503 with {@code Retry-After} in turn), and tells the {@link Ledger} which registrations were
 * notified and which reports came back, with their latency.
 */
final class WebhookReceiver implements AutoCloseable {
    static final String PATH = "/hooks/loadtest";

    private final Ledger ledger;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8, Threads.daemon("webhook"));
    /** Set by the fault injector while the receiver is to fail. */
    final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicLong failuresAnswered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final Set<String> webhookIds = ConcurrentHashMap.newKeySet();

    private WebhookReceiver(Ledger ledger) throws IOException {
        this.ledger = ledger;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(executor);
        server.createContext(PATH, this::handle);
    }

    static WebhookReceiver start(Ledger ledger) throws IOException {
        WebhookReceiver receiver = new WebhookReceiver(ledger);
        receiver.server.start();
        return receiver;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
        if (failing.get()) {
            // fault mode: half 500 (a failure, retried on schedule), half 503 with Retry-After (throttled)
            if (failuresAnswered.incrementAndGet() % 2 == 0) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(503, -1);
            } else {
                exchange.sendResponseHeaders(500, -1);
            }
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
        if (webhookId != null && !webhookIds.add(webhookId)) {
            duplicates.incrementAndGet();
            return;
        }
        try {
            onMessage(json.readTree(body), now);
        } catch (RuntimeException e) {
            ledger.errors.add("webhook body " + e.getClass().getSimpleName());
        }
    }

    /** One webhook's message, received at {@code now}: a registration notified, or a commitment's new state. */
    void onMessage(JsonNode message, long now) {
        if (!"status.changed".equals(message.path("type").asString(""))) {
            return;
        }
        JsonNode data = message.path("data");
        if (data.path("from").isNull() || data.path("from").isMissingNode()) {
            Ledger.Communique communique = ledger.communiques.get(data.path("documentId").asString(""));
            if (communique != null) {
                communique.notified.incrementAndGet();
                communique.notifiedNanos = now;
            }
            return;
        }
        Ledger.Commitment commitment = ledger.commitments.get(data.path("commitmentId").asString(""));
        if (commitment == null) {
            return;
        }
        long version = data.path("version").asLong(-1);
        String to = data.path("to").asString("");
        boolean done;
        synchronized (commitment) {
            if (version <= commitment.version) {
                return; // older than what we know
            }
            // Normally the report in flight; after a fault also a report whose answer was lost (applied though
            // the client saw an error): either way the commitment's state is now this.
            done = commitment.expected != null && to.equals(commitment.expected);
            Long sentAt = commitment.sentAtByVersion.get(version);
            if (done && sentAt != null) {
                ledger.reportToWebhook.add(now - sentAt);
            }
            commitment.status = to;
            commitment.version = version;
            if (done) {
                commitment.expected = null;
                commitment.inFlight = null;
            }
            commitment.sentAtByVersion.keySet().removeIf(v -> v < version - 1); // the observer may still need this one
        }
        if (done) {
            ledger.completed.incrementAndGet();
            ledger.idle.add(commitment);
        } else {
            ledger.resynchronised.incrementAndGet();
        }
    }

    /** The webhook ids received so far (each delivery once). */
    Set<String> webhookIds() {
        return Set.copyOf(webhookIds);
    }

    long duplicates() {
        return duplicates.get();
    }

    long failuresAnswered() {
        return failuresAnswered.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
