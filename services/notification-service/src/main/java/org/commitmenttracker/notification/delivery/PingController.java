package org.commitmenttracker.notification.delivery;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.commitmenttracker.notification.subscriptions.Subscription;
import org.commitmenttracker.notification.subscriptions.SubscriptionService;
import org.commitmenttracker.service.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/subscriptions/{id}/ping}: sends a signed {@code ping} message to the webhook, once, in the
 * background, and answers at once with its delivery id; how the receiver answered is logged in that delivery
 * ({@code GET /api/deliveries/{id}}). A check of URL and signature verification, not a queued delivery.
 */
@RestController
@Tag(name = "subscriptions")
class PingController {
    private final SubscriptionService subscriptions;
    private final Pings pings;

    PingController(SubscriptionService subscriptions, Pings pings) {
        this.subscriptions = subscriptions;
        this.pings = pings;
    }

    /** {@code deliveryId} is also the message's {@code webhook-id}. */
    record PingAccepted(String deliveryId) {
    }

    @PostMapping("/api/subscriptions/{id}/ping")
    @Operation(summary = "Send a signed test message to the webhook; its delivery log (Location) tells how the receiver answered")
    ResponseEntity<PingAccepted> ping(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Subscription subscription = subscriptions.get(caller.subject(), id);
        if (subscription.webhook() == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Subscription " + id + " has no webhook.");
        }
        String deliveryId = pings.start(caller.subject(), subscription);
        return ResponseEntity.accepted().location(URI.create("/api/deliveries/" + deliveryId)).body(new PingAccepted(deliveryId));
    }
}
