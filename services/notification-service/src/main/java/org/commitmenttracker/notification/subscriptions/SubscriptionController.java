package org.commitmenttracker.notification.subscriptions;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/subscriptions}: a subscriber's subscriptions (identified by {@value Subscriber#HEADER}). */
@RestController
@RequestMapping("/api/subscriptions")
@Tag(name = "subscriptions")
class SubscriptionController {
    private final SubscriptionService subscriptions;

    SubscriptionController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping
    @Operation(summary = "Subscribe; with a webhookUrl the answer carries the signing secret, shown this once")
    ResponseEntity<SubscriptionView> create(@RequestHeader(name = Subscriber.HEADER, required = false) String subscriber,
                                            @RequestBody SubscriptionRequest request) {
        SubscriptionService.Created created = subscriptions.create(Subscriber.of(subscriber), request);
        return ResponseEntity.created(URI.create("/api/subscriptions/" + created.subscription().id()))
                .body(SubscriptionView.of(created.subscription(), created.secret()));
    }

    @GetMapping
    @Operation(summary = "The caller's subscriptions")
    List<SubscriptionView> list(@RequestHeader(name = Subscriber.HEADER, required = false) String subscriber) {
        return subscriptions.list(Subscriber.of(subscriber)).stream().map(SubscriptionView::of).toList();
    }

    @GetMapping("/{id}")
    SubscriptionView get(@RequestHeader(name = Subscriber.HEADER, required = false) String subscriber,
                         @PathVariable String id) {
        return SubscriptionView.of(subscriptions.get(Subscriber.of(subscriber), id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change the fields given: [] clears a criterion, \"\" removes keyword or webhookUrl, enabled re-enables")
    SubscriptionView update(@RequestHeader(name = Subscriber.HEADER, required = false) String subscriber,
                            @PathVariable String id, @RequestBody SubscriptionRequest patch) {
        return SubscriptionView.of(subscriptions.update(Subscriber.of(subscriber), id, patch));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@RequestHeader(name = Subscriber.HEADER, required = false) String subscriber, @PathVariable String id) {
        subscriptions.delete(Subscriber.of(subscriber), id);
    }

    @PostMapping("/{id}/rotate-secret")
    @Operation(summary = "New signing secret (shown this once); the previous one also signs until previousSecretExpiresAt")
    SubscriptionView rotateSecret(@RequestHeader(name = Subscriber.HEADER, required = false) String subscriber,
                                  @PathVariable String id) {
        SubscriptionService.Created rotated = subscriptions.rotateSecret(Subscriber.of(subscriber), id);
        return SubscriptionView.of(rotated.subscription(), rotated.secret());
    }
}
