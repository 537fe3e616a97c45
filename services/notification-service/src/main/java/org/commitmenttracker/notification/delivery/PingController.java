package org.commitmenttracker.notification.delivery;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.commitmenttracker.events.Traceparent;
import org.commitmenttracker.notification.secrets.SecretCipher;
import org.commitmenttracker.service.security.Caller;
import org.commitmenttracker.notification.subscriptions.Subscription;
import org.commitmenttracker.notification.subscriptions.SubscriptionService;
import org.commitmenttracker.notification.webhook.WebhookBody;
import org.commitmenttracker.notification.webhook.WebhookClient;
import org.commitmenttracker.notification.webhook.WebhookRequest;
import org.commitmenttracker.notification.webhook.WebhookResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/subscriptions/{id}/ping}: sends a signed {@code ping} message to the webhook now, once,
 * and tells how the receiver answered (a check of URL and signature verification, not a queued delivery).
 */
@RestController
@Tag(name = "subscriptions")
class PingController {
    private final SubscriptionService subscriptions;
    private final WebhookClient client;
    private final SecretCipher cipher;

    PingController(SubscriptionService subscriptions, WebhookClient client, SecretCipher cipher) {
        this.subscriptions = subscriptions;
        this.client = client;
        this.cipher = cipher;
    }

    record PingResult(String webhookId, boolean delivered, int status, long latencyMs, String error) {
    }

    @PostMapping("/api/subscriptions/{id}/ping")
    @Operation(summary = "Send a signed test message to the webhook and report the answer")
    PingResult ping(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Subscription subscription = subscriptions.get(caller.subject(), id);
        if (subscription.webhook() == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Subscription " + id + " has no webhook.");
        }
        Instant now = Instant.now();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventIds", List.of());
        data.put("subscriptionId", id);
        String webhookId = "msg_ping_" + UUID.randomUUID().toString().replace("-", "");
        WebhookResponse response = client.send(new WebhookRequest(URI.create(subscription.webhook().url()), webhookId,
                now.getEpochSecond(), WebhookBody.of("ping", now, data), subscription.webhook().signingSecrets(now, cipher),
                Traceparent.newRoot()));
        return new PingResult(webhookId, AttemptOutcome.of(response) == AttemptOutcome.DELIVERED, response.status(),
                response.latency().toMillis(), response.error());
    }
}
