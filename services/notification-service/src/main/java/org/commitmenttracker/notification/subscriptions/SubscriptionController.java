package org.commitmenttracker.notification.subscriptions;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.commitmenttracker.service.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/subscriptions}: the calling subscriber's subscriptions, owned by the subject of its token. */
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
    ResponseEntity<SubscriptionView> create(@AuthenticationPrincipal Caller caller,
                                            @RequestBody SubscriptionRequest request) {
        SubscriptionService.Created created = subscriptions.create(caller.subject(), request);
        return ResponseEntity.created(URI.create("/api/subscriptions/" + created.subscription().id()))
                .body(SubscriptionView.of(created.subscription(), created.secret()));
    }

    @GetMapping
    @Operation(summary = "The caller's subscriptions")
    List<SubscriptionView> list(@AuthenticationPrincipal Caller caller) {
        return subscriptions.list(caller.subject()).stream().map(SubscriptionView::of).toList();
    }

    @GetMapping("/{id}")
    SubscriptionView get(@AuthenticationPrincipal Caller caller,
                         @PathVariable String id) {
        return SubscriptionView.of(subscriptions.get(caller.subject(), id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change the fields given: [] clears a criterion, \"\" removes keyword or webhookUrl, enabled re-enables")
    SubscriptionView update(@AuthenticationPrincipal Caller caller,
                            @PathVariable String id, @RequestBody SubscriptionRequest patch) {
        return SubscriptionView.of(subscriptions.update(caller.subject(), id, patch));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        subscriptions.delete(caller.subject(), id);
    }

    @PostMapping("/{id}/rotate-secret")
    @Operation(summary = "New signing secret (shown this once); the previous one also signs until previousSecretExpiresAt")
    SubscriptionView rotateSecret(@AuthenticationPrincipal Caller caller,
                                  @PathVariable String id) {
        SubscriptionService.Created rotated = subscriptions.rotateSecret(caller.subject(), id);
        return SubscriptionView.of(rotated.subscription(), rotated.secret());
    }
}
