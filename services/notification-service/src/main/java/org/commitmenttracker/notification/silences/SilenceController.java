package org.commitmenttracker.notification.silences;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.commitmenttracker.notification.noise.Silence;
import org.commitmenttracker.notification.subscriptions.InvalidSubscriptionException;
import org.commitmenttracker.notification.subscriptions.Subscription;
import org.commitmenttracker.notification.subscriptions.SubscriptionService;
import org.commitmenttracker.notification.subscriptions.SubscriptionView.SilenceView;
import org.commitmenttracker.service.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/subscriptions/{id}/silences}: the owner mutes a subscription, or the alerts matching some criteria,
 * until a time. Muted alerts are still recorded, as suppressed ({@code GET …/alerts?suppressed=true}). A silence
 * is part of the subscription, so every replica applies it within the subscription refresh interval.
 */
@RestController
@RequestMapping("/api/subscriptions/{id}/silences")
@Tag(name = "subscriptions")
class SilenceController {
    private final SubscriptionService subscriptions;
    private final Clock clock;

    SilenceController(SubscriptionService subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Mute the subscription, or the alerts matching commitmentIds/documentIds/events, until a time")
    ResponseEntity<SilenceView> silence(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                        @RequestBody SilenceRequest request) {
        Instant now = clock.instant();
        Subscription current = subscriptions.get(caller.subject(), id);
        Silence silence = SilenceRules.silence(request, now);
        if (current.silences().stream().filter(s -> s.activeAt(now)).count() >= SilenceRules.MAX_SILENCES) {
            throw new InvalidSubscriptionException("The subscription has " + SilenceRules.MAX_SILENCES
                    + " silences in force already; end one first.");
        }
        subscriptions.silence(caller.subject(), id, silence);
        return ResponseEntity.created(URI.create("/api/subscriptions/" + id + "/silences/" + silence.id())).body(SilenceView.of(silence));
    }

    @GetMapping
    @Operation(summary = "The silences in force")
    List<SilenceView> list(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Instant now = clock.instant();
        return subscriptions.get(caller.subject(), id).silences().stream().filter(s -> s.activeAt(now)).map(SilenceView::of).toList();
    }

    @DeleteMapping("/{silenceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End a silence now")
    void end(@AuthenticationPrincipal Caller caller, @PathVariable String id, @PathVariable String silenceId) {
        subscriptions.unsilence(caller.subject(), id, silenceId);
    }
}
