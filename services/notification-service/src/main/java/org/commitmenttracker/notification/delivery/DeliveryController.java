package org.commitmenttracker.notification.delivery;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.commitmenttracker.service.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/deliveries}: the caller's webhook deliveries with their attempt log; replay of dead ones. */
@RestController
@RequestMapping("/api/deliveries")
@Tag(name = "deliveries")
class DeliveryController {
    private final DeliveryStore store;
    private final DeliveryWorker worker;

    DeliveryController(DeliveryStore store, DeliveryWorker worker) {
        this.store = store;
        this.worker = worker;
    }

    @GetMapping
    @Operation(summary = "Deliveries in a state (dead by default), oldest first, with every attempt")
    List<Delivery> list(@AuthenticationPrincipal Caller caller,
                        @RequestParam(defaultValue = "dead") String state,
                        @RequestParam(required = false) String subscriptionId,
                        @RequestParam(defaultValue = "100") int limit) {
        DeliveryState wanted;
        try {
            wanted = DeliveryState.valueOf(state.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown state '" + state
                    + "'; allowed: pending, sending, delivered, dead.");
        }
        return store.ownedBy(caller.subject(), wanted, subscriptionId, Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/{id}")
    Delivery get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return owned(caller.subject(), id);
    }

    @PostMapping("/{id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a dead delivery again (same webhook-id), with a fresh set of attempts")
    void replay(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Delivery delivery = owned(caller.subject(), id);
        if (delivery.state() != DeliveryState.DEAD || !store.revive(id, delivery.claim(), java.time.Instant.now())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Delivery " + id + " is " + delivery.state().name().toLowerCase(
                    java.util.Locale.ROOT) + ", only dead deliveries can be replayed.");
        }
        worker.submit(id);
    }

    private Delivery owned(String owner, String id) {
        return store.find(id).filter(delivery -> delivery.owner().equals(owner))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No delivery " + id + "."));
    }
}
