package org.commitmenttracker.notification.subscriptions;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/subscriptions}: create and read subscriptions. */
@RestController
@RequestMapping("/api/subscriptions")
class SubscriptionController {
    private static final Set<String> STATUSES = Set.of("PLEDGED", "IN_PROGRESS", "STALLED", "OVERDUE", "COMPLETED",
            "CANCELLED", "SUPERSEDED", "WITHDRAWN");
    private final MongoTemplate mongo;

    SubscriptionController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record NewSubscription(String name, Set<String> documentIds, Set<String> statuses) {
    }

    @PostMapping
    ResponseEntity<Subscription> create(@RequestBody NewSubscription request) {
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "name is required (at most 200 characters).");
        }
        if (request.statuses() != null && !STATUSES.containsAll(request.statuses())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown status in " + request.statuses()
                    + "; allowed: " + STATUSES + ".");
        }
        Subscription subscription = mongo.insert(new Subscription("sub-" + UUID.randomUUID(), request.name(),
                request.documentIds(), request.statuses(), Instant.now()));
        return ResponseEntity.created(URI.create("/api/subscriptions/" + subscription.id())).body(subscription);
    }

    @GetMapping("/{id}")
    Subscription get(@PathVariable String id) {
        Subscription subscription = mongo.findById(id, Subscription.class);
        if (subscription == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No subscription " + id + ".");
        }
        return subscription;
    }
}
