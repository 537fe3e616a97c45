package org.commitmenttracker.notification.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;

import org.commitmenttracker.events.Traceparent;
import org.commitmenttracker.notification.limits.Throttles;
import org.commitmenttracker.notification.secrets.SecretCipher;
import org.commitmenttracker.notification.subscriptions.Subscription;
import org.commitmenttracker.notification.webhook.WebhookBody;
import org.commitmenttracker.notification.webhook.WebhookClient;
import org.commitmenttracker.notification.webhook.WebhookRequest;
import org.commitmenttracker.notification.webhook.WebhookResponse;
import org.commitmenttracker.notification.webhook.WebhookSettings;
import org.commitmenttracker.notification.webhook.WebhookUrlPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Test messages to a subscription's webhook, sent once and in the background: a ping is stored as a delivery
 * (type {@code ping}, claimed by this replica) when it is asked for, and its one attempt is logged there like any
 * delivery's, so the caller reads the result from {@code /api/deliveries/{id}}. Pings have their own threads,
 * connection pool and timeout ({@link PingSettings}) and their own per-host guards (bulkhead and circuit breaker,
 * as deliveries have), so neither slow receivers nor a subscriber pinging a shared host's failing path can touch
 * the deliveries' threads, connections or circuits; each owner may ping {@code perOwner} times per window.
 */
@Component
@EnableConfigurationProperties(PingSettings.class)
public class Pings implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(Pings.class);
    static final String TYPE = "ping";
    /** Time after the attempt for its record to reach the store before the ping's lease ends. */
    private static final Duration RECORD_GRACE = Duration.ofSeconds(5);

    private final DeliveryStore store;
    private final Throttles throttles;
    private final SecretCipher cipher;
    private final PingSettings settings;
    private final WebhookClient client;
    private final HostGuards guards;
    private final ThreadPoolExecutor senders;

    public Pings(DeliveryStore store, Throttles throttles, SecretCipher cipher, PingSettings settings, WebhookSettings webhooks,
                 MeterRegistry meters) {
        this.store = store;
        this.throttles = throttles;
        this.cipher = cipher;
        this.settings = settings;
        this.client = new WebhookClient(new WebhookUrlPolicy(webhooks.allowInsecureLoopback(), InetAddress::getAllByName),
                webhooks.connectTimeout().compareTo(settings.timeout()) < 0 ? webhooks.connectTimeout() : settings.timeout(),
                settings.timeout(), settings.perHostConcurrency(), settings.threads());
        this.guards = new HostGuards(webhooks, settings.perHostConcurrency(), meters);
        AtomicInteger count = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queue()), runnable -> {
            Thread thread = new Thread(runnable, "webhook-ping-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Stores a ping of {@code subscription} (which has a webhook) for {@code owner} and sends it in the background;
     * returns its delivery id. Refused with 429 when the owner has pinged {@code perOwner} times in this window.
     */
    public String start(String owner, Subscription subscription) {
        throttles.take("ping|" + owner, settings.perOwner(), settings.window(),
                "You have sent as many pings as allowed for now; try again after the time in Retry-After.");
        Instant now = Instant.now();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventIds", List.of());
        data.put("subscriptionId", subscription.id());
        String id = "msg_ping_" + UUID.randomUUID().toString().replace("-", "");
        // Claimed at creation (claim 1) with a lease covering the wait for a thread and the attempt: no other worker
        // takes it meanwhile. Only if this replica stops first does the sweep send it, as an ordinary delivery.
        Delivery ping = new Delivery(id, owner, subscription.id(), null, Delivery.laneOf(subscription.id(), TYPE), List.of(), TYPE,
                new String(WebhookBody.of(TYPE, now, data), StandardCharsets.UTF_8), DeliveryState.SENDING, 0, now,
                now.plus(settings.timeout().multipliedBy(2)).plus(RECORD_GRACE), 1, List.of(), null, Traceparent.newRoot(), now, null);
        store.insertNew(List.of(ping));
        submit(new Waiting(ping, URI.create(subscription.webhook().url()), subscription, now.plus(settings.timeout())));
        return id;
    }

    /** A ping on its way: sent only if it gets a thread and a host permit before {@code startBy}. */
    private record Waiting(Delivery ping, URI url, Subscription subscription, Instant startBy) {
    }

    private void submit(Waiting waiting) {
        try {
            senders.execute(() -> send(waiting));
        } catch (RejectedExecutionException full) {
            notAttempted(waiting, "not attempted: too many pings waiting; ping again later");
        }
    }

    private void send(Waiting waiting) {
        try {
            attempt(waiting);
        } catch (RuntimeException e) {
            // The store failed: the ping's lease runs out and the sweep sends it as an ordinary delivery.
            log.warn("Ping {} not completed: {}", waiting.ping().id(), e.toString());
        }
    }

    private void attempt(Waiting waiting) {
        if (Instant.now().isAfter(waiting.startBy())) {
            notAttempted(waiting, "not attempted: no sender free within " + settings.timeout().toSeconds() + " s; ping again later");
            return;
        }
        HostGuards.Permit permit = guards.tryAcquire(TYPE + "|" + waiting.url().getHost() + ":" + waiting.url().getPort(),
                () -> submit(waiting));
        if (permit == HostGuards.PARKED) {
            return;
        }
        if (permit == null) {
            notAttempted(waiting, "not attempted: pings to this host failed too often lately; ping again later");
            return;
        }
        Instant now = Instant.now();
        Delivery ping = waiting.ping();
        WebhookResponse response;
        try {
            response = client.send(new WebhookRequest(waiting.url(), ping.id(), now.getEpochSecond(),
                    ping.body().getBytes(StandardCharsets.UTF_8), waiting.subscription().webhook().signingSecrets(now, cipher),
                    ping.traceparent()));
        } catch (RuntimeException e) {
            permit.unused();
            throw e;
        }
        permit.completed(response);
        AttemptOutcome outcome = AttemptOutcome.of(response);
        Attempt attempt = new Attempt(1, Instant.now(), outcome, response.status(), response.latency().toMillis(),
                response.error() != null ? response.error() : outcome == AttemptOutcome.DELIVERED ? null : "HTTP " + response.status());
        store.recordAttempts(List.of(new Settlement(ping, attempt,
                outcome == AttemptOutcome.DELIVERED ? DeliveryState.DELIVERED : DeliveryState.DEAD, attempt.at())));
    }

    private void notAttempted(Waiting waiting, String reason) {
        store.kill(waiting.ping().id(), waiting.ping().claim(), reason, Instant.now());
    }

    @Override
    public void destroy() throws Exception {
        senders.shutdownNow();
        client.close();
    }
}
